import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { api, centreId, expectAccessible, HUE, officer, PROVINCE, screenshot } from './helpers';

/**
 * The leaders' dashboard against the API: a few dossiers of June 2026 in every state (imported
 * with their history, the way a province brings its past), then the page's figures, its drill-down,
 * its CSV and Excel files and its print view must say what `report` says for the same period and centre.
 */
const PHU_HOI = '000.13.01.H57';
const HUONG_THUY = '000.00.15.H57';
const FROM = '2026-06-01';
const TO = '2026-06-30';
const OBSERVER = 'demo-observer';

const REPORT = `query($input: ReportInput!) { report(input: $input) {
  rows { key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate inProgress inProgressNotDue inProgressOverdue ratings satisfactionRate }
  total { received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate inProgress inProgressNotDue inProgressOverdue ratings satisfactionRate } } }`;
type Row = Record<string, number> & { key: string; label: string };
async function report(centre: string, groupBy = 'CENTRE'): Promise<{ rows: Row[]; total: Row }> {
  const { report } = await api(officer('OBSERVER'), REPORT, {
    input: { from: FROM, to: TO, centreId: await centreId(centre), includeDescendants: true, groupBy },
  });
  return report;
}

const applicant = (n: number) => ({
  kind: 'CITIZEN',
  identityNumber: `04609000${String(1000 + n)}`,
  fullName: `Người nộp ${n}`,
  phone: '0905123456',
});
const receive = (at: string) => [{ code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: at, actor: 'Lê Thị Một Cửa' }];
const approved = (decidedAt: string) => ({
  decision: 'APPROVED',
  decidedAt,
  actor: 'Lãnh đạo',
  result: { documentType: 'KQ', title: 'Kết quả', validUntil: '2030-01-01' },
});
const LINES = [
  // province, early (due 10 June, decided 5 June), rated satisfied
  {
    code: 'E2E-DASH-1',
    centre: PROVINCE,
    procedure: 'LLTP-01',
    channel: 'COUNTER',
    applicant: applicant(1),
    receivedAt: '2026-06-01T08:15:00+07:00',
    dueAt: '2026-06-10T17:00:00+07:00',
    steps: receive('2026-06-01T08:30:00+07:00'),
    decision: approved('2026-06-05T10:00:00+07:00'),
    returnedAt: '2026-06-05T15:00:00+07:00',
    delivery: { method: 'COUNTER' },
    rating: { overall: 'SATISFIED', ratedAt: '2026-06-05T15:10:00+07:00' },
  },
  // province, online, on time (decided on its due day), very satisfied
  {
    code: 'E2E-DASH-2',
    centre: PROVINCE,
    procedure: 'LLTP-01',
    channel: 'ONLINE',
    applicant: applicant(2),
    submittedAt: '2026-06-02T07:00:00+07:00',
    receivedAt: '2026-06-02T09:10:00+07:00',
    dueAt: '2026-06-12T17:00:00+07:00',
    steps: receive('2026-06-02T09:20:00+07:00'),
    decision: approved('2026-06-12T10:00:00+07:00'),
    returnedAt: '2026-06-12T15:00:00+07:00',
    delivery: { method: 'COUNTER' },
    rating: { overall: 'VERY_SATISFIED', ratedAt: '2026-06-12T15:10:00+07:00' },
  },
  // commune Phú Hội, late (due 4 June, decided 8 June), not satisfied
  {
    code: 'E2E-DASH-3',
    centre: PHU_HOI,
    procedure: 'HT-KS',
    channel: 'COUNTER',
    applicant: applicant(3),
    receivedAt: '2026-06-03T08:40:00+07:00',
    dueAt: '2026-06-04T17:00:00+07:00',
    steps: receive('2026-06-03T09:00:00+07:00'),
    decision: approved('2026-06-08T10:00:00+07:00'),
    returnedAt: '2026-06-08T15:00:00+07:00',
    delivery: { method: 'COUNTER' },
    rating: { overall: 'NOT_SATISFIED', ratedAt: '2026-06-08T15:10:00+07:00' },
  },
  // commune Phú Hội, still open and overdue at the end of June
  {
    code: 'E2E-DASH-4',
    centre: PHU_HOI,
    procedure: 'HT-KS',
    channel: 'COUNTER',
    applicant: applicant(4),
    receivedAt: '2026-06-08T08:20:00+07:00',
    dueAt: '2026-06-09T17:00:00+07:00',
    steps: receive('2026-06-08T08:30:00+07:00'),
  },
  // Huế, still open, not yet due at the end of June
  {
    code: 'E2E-DASH-5',
    centre: HUE,
    procedure: 'XD-GPXD',
    channel: 'COUNTER',
    applicant: applicant(5),
    receivedAt: '2026-06-15T14:05:00+07:00',
    dueAt: '2026-07-15T17:00:00+07:00',
    steps: receive('2026-06-15T14:20:00+07:00'),
  },
  // Hương Thủy, by post, on time
  {
    code: 'E2E-DASH-6',
    centre: HUONG_THUY,
    procedure: 'CT-BS',
    channel: 'POST',
    applicant: applicant(6),
    receivedAt: '2026-06-16T10:30:00+07:00',
    dueAt: '2026-06-17T17:00:00+07:00',
    steps: receive('2026-06-16T10:40:00+07:00'),
    decision: approved('2026-06-17T09:00:00+07:00'),
  },
];

test.beforeAll(async () => {
  const { importDossiers } = await api(
    officer('ADMIN'),
    `mutation($lines: [HistoricalDossierInput!]!) { importDossiers(lines: $lines) { imported alreadyImported rejected lines { line outcome reason } } }`,
    { lines: LINES.map((l, i) => ({ line: i + 1, ...l })) },
  );
  expect(importDossiers.rejected, JSON.stringify(importDossiers.lines)).toBe(0);
  // Statistics learns of them through events: wait until the province's report counts every one.
  await expect
    .poll(
      async () => {
        const { total } = await report(PROVINCE);
        return [total.received, total.resolved, total.inProgress, total.ratings];
      },
      { timeout: 60_000 },
    )
    .toEqual([6, 4, 2, 3]);
});

const url = (centre = PROVINCE, extra = '') => `/dashboard?from=${FROM}&to=${TO}&centre=${centre}${extra}`;

/** The text of every cell of a table, row by row. */
async function cells(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(selector)
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()),
      ),
    );
}

/** The outcome chart's table equals the API's rows: early, on time, late, in progress per centre. */
async function expectOutcomes(page: Page, api: { rows: Row[] }) {
  const table = page.getByTestId('chart-outcomes-table');
  await expect(table.locator('tbody tr')).toHaveCount(api.rows.length);
  const shown = await cells(page, '[data-testid="chart-outcomes-table"]');
  const expected = api.rows.map((r) => [r.resolvedEarly, r.resolvedOnTime, r.resolvedLate, r.inProgress].map(String));
  expect(shown.map((r) => r.slice(1))).toEqual(expected);
  api.rows.forEach((r, i) => expect(shown[i][0]).toContain(r.label));
}

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  for (const line of text.slice(1).trim().split('\r\n')) {
    const fields: string[] = [];
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      fields.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
      if (m[2] === '') break;
    }
    rows.push(fields);
  }
  return rows;
}

async function signInAs(page: Page, userId: string) {
  await page.goto('/login');
  await page.locator(`[data-user="${userId}"]`).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('the dashboard shows what the report says, drills down from the province to a commune, in both languages', async ({
  page,
}) => {
  await signInAs(page, OBSERVER);
  await page.goto(url());
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo, thống kê' })).toBeVisible();
  const province = await report(PROVINCE);
  await expectOutcomes(page, province);
  // The II.06a table's total row: the same figures as the API's total.
  const totalRow = page.locator('.dash-total');
  for (const c of [
    'received',
    'receivedOnline',
    'receivedOffline',
    'carriedOver',
    'resolved',
    'resolvedEarly',
    'resolvedOnTime',
    'resolvedLate',
    'inProgress',
    'inProgressNotDue',
    'inProgressOverdue',
    'ratings',
  ] as const) {
    await expect(totalRow.locator(`[data-col="${c}"]`)).toHaveText(String(province.total[c]));
  }
  await expect(totalRow.locator('[data-col="satisfactionRate"]')).toHaveText('66,7 %');
  // Satisfaction and traffic tables behind their charts.
  const satisfaction = await cells(page, '[data-testid="chart-satisfaction-table"]');
  expect(satisfaction.map((r) => r[1])).toEqual(province.rows.map((r) => String(r.ratings)));
  const { dailyTraffic } = await api(
    officer('OBSERVER'),
    `query($c: ID!) { dailyTraffic(centreId: $c, from: "${FROM}", to: "${TO}", includeDescendants: true) { weekdayHours { weekday hour averagePerDay } } }`,
    { c: await centreId(PROVINCE) },
  );
  const traffic = await cells(page, '[data-testid="chart-traffic-table"]');
  const head = await page.locator('[data-testid="chart-traffic-table"] thead th').allTextContents();
  for (const w of dailyTraffic.weekdayHours as Array<{ weekday: number; hour: number; averagePerDay: number }>) {
    expect(traffic[w.weekday - 1][head.indexOf(`${w.hour}h`)]).toBe(String(w.averagePerDay).replace('.', ','));
  }
  await page.waitForSelector('[data-testid="chart-outcomes"] canvas');
  await expectAccessible(page);
  await screenshot(page, 'dashboard-province-vi');

  // Drill down: Huế (a district) shows its own dossiers and its communes'.
  await page.getByRole('button', { name: 'Xem các đơn vị trực thuộc Bộ phận Một cửa thành phố Huế' }).click();
  await expect(page).toHaveURL(/centre=000\.00\.13\.H57/);
  await expectOutcomes(page, await report(HUE));
  await expect(page.getByRole('navigation', { name: 'Đơn vị đang xem' })).toContainText(
    'Bộ phận Một cửa thành phố Huế',
  );
  // …and further to the commune of Phú Hội.
  await page.getByRole('button', { name: 'Xem các đơn vị trực thuộc Bộ phận Một cửa phường Phú Hội' }).click();
  await expect(page).toHaveURL(/centre=000\.13\.01\.H57/);
  const commune = await report(PHU_HOI);
  await expectOutcomes(page, commune);
  expect(commune.total).toMatchObject({ received: 2, resolvedLate: 1, inProgressOverdue: 1 });
  await screenshot(page, 'dashboard-commune-vi');
  // Back up through the path.
  await page
    .getByRole('navigation', { name: 'Đơn vị đang xem' })
    .getByRole('link', { name: /tỉnh Thừa Thiên Huế/ })
    .click();
  await expectOutcomes(page, province);

  // Other groupings: by channel, the rows and labels follow.
  await page.goto(url(PROVINCE, '&group=CHANNEL&lang=en'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const byChannel = await report(PROVINCE, 'CHANNEL');
  const shown = await cells(page, '[data-testid="chart-outcomes-table"]');
  expect(shown.map((r) => r.slice(1))).toEqual(
    byChannel.rows.map((r) => [r.resolvedEarly, r.resolvedOnTime, r.resolvedLate, r.inProgress].map(String)),
  );
  expect(shown.map((r) => r[0])).toEqual(
    byChannel.rows.map((r) => ({ COUNTER: 'At the counter', ONLINE: 'Online', POST: 'By post' })[r.key]),
  );
  await page.waitForSelector('[data-testid="chart-outcomes"] canvas');
  await expectAccessible(page);
  await screenshot(page, 'dashboard-channel-en');
});

test('the CSV and the Excel workbook download with the same figures', async ({ page }) => {
  await signInAs(page, OBSERVER);
  await page.goto(url(PROVINCE, '&lang=vi'));
  const province = await report(PROVINCE);
  await expect(page.getByTestId('chart-outcomes-table').locator('tbody tr')).toHaveCount(province.rows.length);

  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV' }).click(),
  ]);
  expect(csvFile.suggestedFilename()).toBe(`II06a_${PROVINCE}_${FROM}_${TO}_CENTRE.csv`);
  const csv = parseCsv(readFileSync((await csvFile.path())!, 'utf8'));
  expect(csv[0].slice(0, 5)).toEqual([
    'Đơn vị',
    'Tiếp nhận trong kỳ',
    'Trực tuyến',
    'Trực tiếp, bưu chính',
    'Kỳ trước chuyển qua',
  ]);
  const figures = (r: Row) =>
    [
      r.received,
      r.receivedOnline,
      r.receivedOffline,
      r.carriedOver,
      r.resolved,
      r.resolvedEarly,
      r.resolvedOnTime,
      r.resolvedLate,
    ].map(String);
  expect(csv.slice(1).map((r) => r.slice(1, 9))).toEqual([...province.rows, province.total].map(figures));
  expect(csv.at(-1)![0]).toBe('Tổng cộng');

  const [xlsxFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel' }).click(),
  ]);
  expect(xlsxFile.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsxFile.path())!);
  const ws = wb.worksheets[0];
  const values: Array<Array<unknown>> = [];
  ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  // the header row (above it: the title, period, centre and grouping)
  const header = values.findIndex((r) => r[0] === 'Đơn vị' && r[1] === 'Tiếp nhận trong kỳ');
  expect(header).toBeGreaterThan(0);
  const body = values.slice(header + 1);
  expect(body.map((r) => r.slice(1, 9).map(String))).toEqual([...province.rows, province.total].map(figures));
  expect(body.at(-1)![0]).toBe('Tổng cộng');
  expect(body.at(-1)![16]).toBeCloseTo(province.total.satisfactionRate, 4);
});

test('the print view is laid out like form II.06a', async ({ page }) => {
  await signInAs(page, OBSERVER);
  await page.goto(url(PROVINCE, '&lang=vi'));
  await page.getByRole('button', { name: 'Bản in mẫu II.06a' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/ }),
  ).toBeVisible();
  await expect(page.getByText('Kỳ báo cáo: từ ngày 01/06/2026 đến ngày 30/06/2026')).toBeVisible();
  const { total } = await report(PROVINCE);
  const row = await page.locator('.ii06a-total td').allTextContents();
  expect(row.slice(1).map(Number)).toEqual([
    total.carriedOver + total.received,
    total.carriedOver,
    total.receivedOnline,
    total.receivedOffline,
    total.resolved,
    total.resolvedEarly,
    total.resolvedOnTime,
    total.resolvedLate,
    total.inProgress,
    total.inProgressNotDue,
    total.inProgressOverdue,
  ]);
  await expectAccessible(page);
  await screenshot(page, 'dashboard-print-vi');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'In' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Quay lại bảng điều khiển' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo, thống kê' })).toBeVisible();
});

test('a leader of a district sees only their subtree; a specialist is told the page is not theirs', async ({
  page,
}) => {
  await signInAs(page, `demo-leader-${HUE}`);
  await page.goto(`/dashboard?from=${FROM}&to=${TO}`);
  await expectOutcomes(page, await report(HUE));
  await page.getByLabel('Đơn vị', { exact: true }).click();
  await expect(page.locator('.ant-select-item-option')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await signInAs(page, `demo-specialist-${HUE}`);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Trang này không dành cho vai trò của bạn' })).toBeVisible();
});

test.describe('a 375 px wide screen', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  test('the dashboard fits without sideways scrolling, in both languages', async ({ page }) => {
    await signInAs(page, OBSERVER);
    for (const lang of ['vi', 'en']) {
      await page.goto(url(PROVINCE, `&lang=${lang}`));
      await expect(page.getByTestId('chart-outcomes-table').locator('tbody tr')).toHaveCount(
        (await report(PROVINCE)).rows.length,
      );
      await page.waitForSelector('[data-testid="chart-traffic"] canvas');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await expectAccessible(page);
      await screenshot(page, `dashboard-375-${lang}`);
    }
  });
});
