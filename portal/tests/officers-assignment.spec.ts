import { expect, test, type Page } from '@playwright/test';
import { api, centreId, expectAccessible, HUE, officer, PROVINCE, screenshot, signIn, user } from './helpers';

/**
 * Departments as they really work (issue #20), in the browser: an administrator draws a workflow
 * with a leader's check that may send the dossier back, an inter-agency step (liên thông) to Huế city
 * and three departments in parallel, one of them only for organisations; a leader assigns the review
 * to a named specialist, who finds it in "Hồ sơ của tôi" and completes it; the leader sends it back
 * with a reason; Huế returns it once and accepts it the second time; two branches are in progress
 * each on its own line while the third is skipped; the control slip shows every holder and the rework.
 * All of it against the platform as `npm start` runs it: nothing at the page's /graphql is stood in for.
 */
test.describe.configure({ mode: 'serial' });

const run = String(Date.now()).slice(-6);
const PROC = `E2E-WF-${run}`;
const SPECIALIST = user('specialist');
const LEADER = user('leader');
const HUE_SPECIALIST = user('specialist', HUE);
let dossier: { id: string; code: string };

const option = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
async function choose(page: Page, select: ReturnType<Page['getByLabel']>, text: string) {
  await select.click();
  await option(page, text).click();
}

/** The page at 375 px too: screenshot and axe, then back to the desktop width. */
async function atBothWidths(page: Page, name: string, { axeNarrow = true } = {}) {
  await expectAccessible(page);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  if (axeNarrow) await expectAccessible(page);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const stepOf = (id: string) =>
  api<{
    dossier: {
      status: string;
      activeSteps: Array<{ code: string; branchCode: string | null; assignee: { id: string } | null }>;
      interAgency: { state: string } | null;
    };
  }>(
    officer('ADMIN'),
    'query($id: ID!) { dossier(id: $id) { status activeSteps { code branchCode assignee { id } } interAgency { state } } }',
    { id },
  );

test.beforeAll(async () => {
  await api(officer('ADMIN'), `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`, {
    input: {
      code: PROC,
      name: `Cấp phép xây dựng thử nghiệm ${run}`,
      sector: 'Xây dựng',
      levels: ['PROVINCE'],
      feeVnd: 150000,
      processingTime: { amount: 20, unit: 'WORKING_DAYS' },
      components: [],
    },
  });
});

test('an administrator draws a workflow with a send-back, an inter-agency step and parallel departments', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, 'demo-admin');
  await page.goto(`/admin/procedures?code=${PROC}`);
  await expect(page.getByText('Quy trình mặc định (chưa định nghĩa riêng)', { exact: false })).toBeVisible();
  // The default template: RECEIVE, REVIEW, DECIDE. Three steps go in before the decision.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Thêm bước' }).click();
  const codes = page.getByLabel('Mã bước');
  const names = page.getByLabel('Tên bước');
  const hours = page.getByLabel('Thời gian (giờ làm việc)');
  const roles = page.getByLabel('Vai trò thực hiện');
  const kinds = page.getByLabel('Loại bước');
  await hours.nth(1).fill('16');

  // 3. A leader's check, which may send the dossier back to the review.
  await codes.nth(2).fill('CHECK');
  await names.nth(2).fill('Kiểm tra, trình ký');
  await hours.nth(2).fill('4');
  await choose(page, roles.nth(2), 'Lãnh đạo');
  await choose(page, page.getByLabel('Có thể trả lại bước').nth(2), 'REVIEW');
  await page.keyboard.press('Escape');

  // 4. Huế city's opinion (liên thông), with 16 working hours of its own.
  await codes.nth(3).fill('AGENCY');
  await names.nth(3).fill('Lấy ý kiến UBND thành phố Huế');
  await hours.nth(3).fill('16');
  await choose(page, kinds.nth(3), 'Liên thông cơ quan khác');
  await choose(page, page.getByLabel('Cơ quan liên thông'), 'Bộ phận Một cửa thành phố Huế');

  // 5. Three departments at once; fire safety only for an organisation.
  await codes.nth(4).fill('DEPTS');
  await names.nth(4).fill('Thẩm định của các phòng');
  await hours.nth(4).fill('16');
  await choose(page, roles.nth(4), 'Lãnh đạo');
  await choose(page, kinds.nth(4), 'Song song nhiều phòng');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Thêm nhánh' }).click();
  const branches: Array<[string, string]> = [
    ['LAND', 'Phòng Tài nguyên và Môi trường'],
    ['BUILD', 'Phòng Quản lý đô thị'],
    ['FIRE', 'Phòng Cảnh sát PCCC'],
  ];
  for (const [i, [code, name]] of branches.entries()) {
    await page.getByLabel('Mã nhánh').nth(i).fill(code);
    await page.getByLabel('Phòng ban').nth(i).fill(name);
  }
  await choose(page, page.locator('.wf-admin-branch').nth(2).getByLabel('Người nộp là'), 'Tổ chức, doanh nghiệp');
  await expect(page.getByText('Tổng thời gian các bước: 8 ngày làm việc (64 giờ)')).toBeVisible();
  // axe once: this page is the largest of the portal, and its narrow layout is the same markup.
  await atBothWidths(page, 'admin-workflow-kinds', { axeNarrow: false });

  await page.getByRole('button', { name: 'Lưu quy trình' }).click();
  await expect(page.getByText('Đã lưu quy trình phiên bản 1.')).toBeVisible();

  const { workflow } = await api(
    officer('ADMIN'),
    `query($c: String!) { workflow(procedureCode: $c) { version steps {
    code role kind sendBackTo durationHours agency { code } branches { code role condition { applicantKind } } } } }`,
    { c: PROC },
  );
  expect(workflow.version).toBe(1);
  expect(workflow.steps.map((s: { code: string; kind: string }) => `${s.code}:${s.kind}`)).toEqual([
    'RECEIVE:TASK',
    'REVIEW:TASK',
    'CHECK:TASK',
    'AGENCY:INTER_AGENCY',
    'DEPTS:PARALLEL',
    'DECIDE:TASK',
  ]);
  expect(workflow.steps[2]).toMatchObject({ role: 'LEADER', sendBackTo: ['REVIEW'] });
  expect(workflow.steps[3]).toMatchObject({ agency: { code: HUE }, durationHours: 16 });
  expect(workflow.steps[4].branches).toEqual([
    { code: 'LAND', role: 'SPECIALIST', condition: null },
    { code: 'BUILD', role: 'SPECIALIST', condition: null },
    { code: 'FIRE', role: 'SPECIALIST', condition: { applicantKind: 'ORGANIZATION' } },
  ]);

  // Reloaded, the editor shows what was saved.
  await page.reload();
  await expect(page.getByText('Quy trình phiên bản 1', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Mã nhánh').nth(2)).toHaveValue('FIRE');
});
/**
 * From here on, everything runs against the platform as it is (processing's workflow of issue #20):
 * one dossier is received and walked through the workflow drawn above. The steps a test is not about
 * are done through the API as another officer would; the page's own actions are done in the browser,
 * and what they did is then read back from the API.
 */
const AS_SPECIALIST = { sub: SPECIALIST, role: 'SPECIALIST', centre: PROVINCE, name: 'Trần Văn Minh' };
/** A second specialist of the province, and a Huế specialist who does the city's share. */
const SPECIALIST_2 = { sub: 'e2e-specialist-2', role: 'SPECIALIST', centre: PROVINCE, name: 'Trần Thị Hoa' };
const HUE_OFFICER = { sub: 'e2e-hue-specialist', role: 'SPECIALIST', centre: HUE, name: 'Đỗ Văn Nam' };
const complete = (who: Parameters<typeof api>[0], id: string, branchCode: string | null = null) =>
  api(who, 'mutation($id: ID!, $b: String) { completeStep(dossierId: $id, branchCode: $b) { id } }', {
    id,
    b: branchCode,
  });

test.describe('against the platform', () => {
  test.beforeAll(async () => {
    const applicant = {
      kind: 'CITIZEN',
      identityNumber: `0460${String(Date.now()).slice(-8)}`,
      fullName: 'Phan Thị Ngọc',
      phone: '0905123456',
      address: '5 Hùng Vương, Huế',
    };
    const { submitDossier } = await api(
      officer('INTAKE_OFFICER'),
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
      {
        input: {
          procedureCode: PROC,
          centreId: await centreId(PROVINCE),
          channel: 'COUNTER',
          documents: [],
          delivery: { method: 'COUNTER' },
          applicant,
        },
      },
    );
    dossier = submitDossier;
    // The counter's own step, so that the review (a specialist's) is the step in progress.
    await complete(officer('INTAKE_OFFICER'), dossier.id);
    // Processing knows an officer once their token has reached it (the officer directory).
    for (const who of [AS_SPECIALIST, SPECIALIST_2, HUE_OFFICER]) await api(who, '{ myAssignedDossiers { id } }');
  });

  test('a leader assigns the review to a named specialist, and sees who has it', async ({ page }) => {
    await signIn(page, LEADER);
    await page.goto(`/dossiers/${dossier.id}`);
    await expect(page.getByRole('heading', { name: `Hồ sơ ${dossier.code}` })).toBeVisible();
    await expect(page.getByTestId('dossier-assignee')).toHaveText('Chưa giao');
    await page.getByRole('button', { name: 'Giao xử lý' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('current-assignee')).toHaveText('Người xử lý: Chưa giao');
    // Keyboard: typing in the officer list filters it, Enter picks.
    await dialog.getByLabel('Cán bộ xử lý').focus();
    await page.keyboard.type('Trần Văn');
    await expect(option(page, 'Trần Văn Minh')).toBeVisible();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Ghi chú').fill('Ưu tiên xử lý trong tuần');
    await atBothWidths(page, 'assign-dialog');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText(`Đã giao hồ sơ ${dossier.code} cho Trần Văn Minh.`)).toBeVisible();
    expect((await stepOf(dossier.id)).dossier.activeSteps[0]).toMatchObject({
      code: 'REVIEW',
      assignee: { id: SPECIALIST },
    });
    await expect(page.getByTestId('dossier-assignee')).toHaveText('Trần Văn Minh');
    await expect(page.getByRole('button', { name: 'Giao lại' })).toBeVisible();
    await atBothWidths(page, 'dossier-assigned');
  });

  test('the specialist finds it in "Hồ sơ của tôi", in words in both languages, and completes the step', async ({
    page,
  }) => {
    await signIn(page, SPECIALIST);
    await expect(page).toHaveURL(/\/inbox$/);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect(page).toHaveURL(/\/inbox\?view=mine$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
    await expect(page.getByRole('link', { name: dossier.code })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: dossier.code })).toContainText('Trần Văn Minh');
    await atBothWidths(page, 'my-dossiers');
    await page.goto('/inbox?view=mine&lang=en');
    await expect(page.getByRole('heading', { level: 1, name: 'My dossiers' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Assignee' })).toBeVisible();
    await page.goto('/inbox?view=mine&lang=vi');
    await page.getByRole('link', { name: dossier.code }).click();
    await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await page.getByRole('dialog').getByLabel('Ghi chú').fill('Hồ sơ đầy đủ');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText('Kiểm tra, trình ký (Lãnh đạo)').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
  });

  test("the leader's check sends it back to the review with a reason; the control slip shows the rework", async ({
    page,
  }) => {
    await signIn(page, LEADER);
    // The check is the leader's step: the dossier is in the leader's inbox.
    await page.getByRole('link', { name: dossier.code }).click();
    await page.getByRole('button', { name: 'Trả lại bước trước' }).click();
    const back = page.getByRole('dialog');
    await expect(back).toContainText('Trả lại hồ sơ để làm lại');
    // The check may send back to the review only (its send-back targets): the one choice is already made.
    await expect(back.getByRole('radio')).toHaveCount(1);
    await back.getByLabel('Lý do').fill('Thiếu bản vẽ mặt bằng có xác nhận');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back).toHaveCount(0);
    await expect(page.getByText('Thẩm định hồ sơ (review) (Chuyên viên xử lý)').first()).toBeVisible();
    expect((await stepOf(dossier.id)).dossier.activeSteps[0].code).toBe('REVIEW');
    const holders = page.getByTestId('holdings');
    await expect(
      holders
        .locator('tbody tr')
        .filter({ has: page.locator('.ant-tag', { hasText: 'Làm lại' }) })
        .first(),
    ).toBeVisible();
    await expect(holders).toContainText('Trần Văn Minh');
    await expect(page.getByText('Thiếu bản vẽ mặt bằng có xác nhận').first()).toBeVisible();
    await atBothWidths(page, 'dossier-sent-back');
  });

  test('during a parallel step each branch is done on its own line; a leader assigns a branch and sends the dossier back with a reason', async ({
    page,
  }) => {
    // Through the API: the review and the check again, then Huế accepts its share, assigns it and completes it.
    await complete(AS_SPECIALIST, dossier.id);
    await complete(officer('LEADER'), dossier.id);
    expect((await stepOf(dossier.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'AGENCY' }],
      interAgency: { state: 'AWAITING_ACCEPTANCE' },
    });
    await api(officer('LEADER', HUE), 'mutation($id: ID!) { acceptInterAgency(dossierId: $id) { id } }', {
      id: dossier.id,
    });
    await api(
      officer('LEADER', HUE),
      'mutation($id: ID!, $o: ID!) { assignDossier(dossierId: $id, officerId: $o) { id } }',
      { id: dossier.id, o: HUE_OFFICER.sub },
    );
    await complete(HUE_OFFICER, dossier.id);
    // The departments: the fire police's branch is for organisations, and the applicant is a citizen.
    expect((await stepOf(dossier.id)).dossier.activeSteps.map((s) => `${s.code}:${s.branchCode}`)).toEqual([
      'DEPTS:LAND',
      'DEPTS:BUILD',
    ]);
    await api(
      officer('LEADER'),
      'mutation($id: ID!, $o: ID!) { assignDossier(dossierId: $id, officerId: $o, branchCode: "LAND") { id } }',
      { id: dossier.id, o: SPECIALIST },
    );

    await signIn(page, SPECIALIST);
    await page.goto(`/dossiers/${dossier.id}`);
    const progress = page.getByTestId('progress');
    await expect(progress.locator('[data-branch="LAND"]')).toContainText('Đang xử lý');
    await expect(progress.locator('[data-branch="LAND"]')).toContainText('Trần Văn Minh');
    await expect(progress.locator('[data-branch="BUILD"]')).toContainText('Chưa giao');
    await expect(progress.locator('[data-branch="FIRE"]')).toContainText('Bỏ qua');
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Đã xong');
    const holders = page.getByTestId('holdings');
    await expect(
      holders.locator('tbody tr').filter({ has: page.locator('.ant-tag', { hasText: 'Làm lại' }) }),
    ).toHaveCount(1);
    await expect(holders.getByRole('row').filter({ hasText: 'Đỗ Văn Nam' })).toContainText(
      'Bộ phận Một cửa thành phố Huế',
    );
    await expect(holders.getByRole('row').filter({ hasText: 'Phòng Quản lý đô thị' })).toContainText(
      'Chuyên viên xử lý (chưa giao)',
    );
    await atBothWidths(page, 'dossier-parallel');

    await page.getByRole('button', { name: 'Hoàn thành nhánh: Phòng Tài nguyên và Môi trường' }).click();
    await expect(page.getByRole('dialog')).toContainText('Hoàn thành nhánh «Phòng Tài nguyên và Môi trường»');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(progress.locator('[data-branch="LAND"]')).toContainText('Đã xong');
    expect((await stepOf(dossier.id)).dossier.activeSteps.map((s) => `${s.code}:${s.branchCode}`)).toEqual([
      'DEPTS:BUILD',
    ]);

    await signIn(page, LEADER);
    await page.goto(`/dossiers/${dossier.id}`);
    await page.getByRole('button', { name: 'Giao xử lý: Phòng Quản lý đô thị' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Giao xử lý «Thẩm định của các phòng — Phòng Quản lý đô thị»');
    await choose(page, dialog.getByLabel('Cán bộ xử lý'), 'Trần Thị Hoa');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('assignee-BUILD')).toHaveText('Trần Thị Hoa');
    expect((await stepOf(dossier.id)).dossier.activeSteps).toEqual([
      { code: 'DEPTS', branchCode: 'BUILD', assignee: { id: SPECIALIST_2.sub } },
    ]);

    await page.getByRole('button', { name: 'Trả lại bước trước' }).click();
    const back = page.getByRole('dialog');
    await expect(back).toContainText('Trả lại hồ sơ để làm lại');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back.getByText('Vui lòng nhập Trả lại bước')).toBeVisible();
    await back.getByLabel(/^Thẩm định hồ sơ/).check();
    await back.getByLabel('Lý do').fill('Thiếu ý kiến của phòng Quản lý đô thị');
    await atBothWidths(page, 'send-back-dialog');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back).toHaveCount(0);
    expect((await stepOf(dossier.id)).dossier.activeSteps.map((s) => s.code)).toEqual(['REVIEW']);
    await expect(
      holders.locator('tbody tr').filter({ has: page.locator('.ant-tag', { hasText: 'Làm lại' }) }),
    ).toHaveCount(2);
    await expect(page.getByText('Thiếu ý kiến của phòng Quản lý đô thị').first()).toBeVisible();
    await expect(page.getByTestId('progress')).not.toContainText('SEND_BACK');
    await expect(page.getByText(/\b(SEND_BACK|ASSIGN|COMPLETE_STEP)\b/)).toHaveCount(0);
  });

  test('the receiving agency returns a transfer with a reason, then accepts it; the province reads both in words', async ({
    page,
  }) => {
    // Through the API: the review and the check once more, which send the dossier to Huế.
    await complete(AS_SPECIALIST, dossier.id);
    await complete(officer('LEADER'), dossier.id);
    expect((await stepOf(dossier.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'AGENCY' }],
      interAgency: { state: 'AWAITING_ACCEPTANCE' },
    });
    // Huế's side is done through the API: its officers cannot open the dossier's page yet (the fixme below).
    await api(HUE_OFFICER, 'mutation($id: ID!, $r: String!) { returnInterAgency(dossierId: $id, reason: $r) { id } }', {
      id: dossier.id,
      r: 'Chưa có ý kiến của phường Phú Hội',
    });
    // Back at the step before, the leader's check, at the province.
    expect((await stepOf(dossier.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'CHECK' }],
      interAgency: { state: 'RETURNED' },
    });

    await signIn(page, LEADER);
    await page.goto(`/dossiers/${dossier.id}`);
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Bị trả lại');
    await expect(page.getByText('Chưa có ý kiến của phường Phú Hội').first()).toBeVisible();
    await expect(page.getByText('Cơ quan liên thông trả lại').first()).toBeVisible();
    await expect(page.getByText(/\bRETURN_INTER_AGENCY\b/)).toHaveCount(0);
    await atBothWidths(page, 'inter-agency-returned');

    // The check again sends it to Huế, which accepts it this time.
    await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Chờ tiếp nhận');
    await api(HUE_OFFICER, 'mutation($id: ID!) { acceptInterAgency(dossierId: $id, note: "Đã nhận đủ") { id } }', {
      id: dossier.id,
    });
    await page.reload();
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Đã tiếp nhận');
    await expect(page.getByText('Cơ quan liên thông tiếp nhận').first()).toBeVisible();
    await expect(page.getByText(/\b(ACCEPT_INTER_AGENCY|RETURN_INTER_AGENCY|SEND_BACK|ASSIGN)\b/)).toHaveCount(0);
    // Huế's share is Huế's: nothing for the province's leader to complete or send back.
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
    await atBothWidths(page, 'inter-agency-accepted');
  });

  test.fixme('the Huế specialist returns the transfer on the page with a reason, then accepts it', async ({ page }) => {
    // FIXME(backend): intake's dossier(id) lets only the receiving or processing centre read a dossier (matrix "dossier"), and intake hears no InterAgency* event, so an agency's officer gets no dossier page.
    const { submitDossier: d } = await api(
      officer('INTAKE_OFFICER'),
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
      {
        input: {
          procedureCode: PROC,
          centreId: await centreId(PROVINCE),
          channel: 'COUNTER',
          documents: [],
          delivery: { method: 'COUNTER' },
          applicant: {
            kind: 'CITIZEN',
            identityNumber: `0461${String(Date.now()).slice(-8)}`,
            fullName: 'Lê Thị Hạnh',
            phone: '0905123457',
            address: '7 Hùng Vương, Huế',
          },
        },
      },
    );
    for (const who of [officer('INTAKE_OFFICER'), AS_SPECIALIST, officer('LEADER')]) await complete(who, d.id);
    expect((await stepOf(d.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'AGENCY' }],
      interAgency: { state: 'AWAITING_ACCEPTANCE' },
    });

    await signIn(page, HUE_SPECIALIST);
    await page.goto(`/dossiers/${d.id}`);
    await expect(page.getByRole('heading', { name: `Hồ sơ ${d.code}` })).toBeVisible();
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Chờ tiếp nhận');
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
    await atBothWidths(page, 'inter-agency-awaiting');

    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Trả lại hồ sơ liên thông ${d.code}`);
    await dialog.getByLabel('Lý do').fill('Chưa có ý kiến của phường Phú Hội');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(dialog).toHaveCount(0);
    expect((await stepOf(d.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'CHECK' }],
      interAgency: { state: 'RETURNED' },
    });

    await complete(officer('LEADER'), d.id);
    await page.reload();
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Chờ tiếp nhận');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText(`Tiếp nhận hồ sơ liên thông ${d.code}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await stepOf(d.id)).dossier).toMatchObject({
      activeSteps: [{ code: 'AGENCY' }],
      interAgency: { state: 'ACCEPTED' },
    });
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Đã tiếp nhận');
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toBeVisible();
    await atBothWidths(page, 'inter-agency-accepted-hue');
  });
});
