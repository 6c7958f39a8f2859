import { expect, test, type Page } from '@playwright/test';
import { api, citizen, CITIZEN_USER, expectAccessible, officer, pdf, screenshot, signIn, user } from './helpers';

/**
 * The citizen's side, end to end in the browser: the demo citizen submits a dossier online, an
 * intake officer accepts it from the counter's list, a specialist asks for a supplement, the
 * citizen answers it online, the dossier is decided, the citizen downloads the result, rates the
 * service once, and sees in the record access log that the officer read their document.
 */
test.describe.configure({ mode: 'serial' });

let dossier: { id: string; code: string };

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The dossier's panel on /me, opened. */
async function myDossier(page: Page, code: string) {
  const header = page.getByRole('button', { name: new RegExp(code.replace(/\./g, '\\.')) });
  await expect(header).toBeVisible();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  return page.locator('.ant-collapse-item').filter({ hasText: code });
}

/** Completes the dossier's current steps through the API (as each step's role would) while `until` says go on. */
async function advance(
  id: string,
  until: (d: {
    status: string;
    currentStep: { role: string; index: number } | null;
    workflow: { steps: unknown[] };
  }) => boolean,
) {
  for (let i = 0; i < 10; i++) {
    const { dossier: d } = await api(
      officer('ADMIN'),
      `query($id: ID!) { dossier(id: $id) { status currentStep { role index } workflow { steps { code } } } }`,
      { id },
    );
    if (!until(d) || !d.currentStep) return d;
    await api(officer(d.currentStep.role), `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id });
  }
  throw new Error('the dossier did not move on');
}

test('a citizen submits a dossier online, and the page says it waits for acceptance', async ({ page }) => {
  await signIn(page, CITIZEN_USER);
  await expect(page).toHaveURL(/\/me$/);
  await heading(page, 'Hồ sơ của tôi');
  // The public procedure page's button leads here with the procedure chosen.
  await page.goto('/me/submit?procedure=LLTP-01');
  await heading(page, 'Nộp hồ sơ trực tuyến');
  await expect(page.getByTitle('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (LLTP-01)').first()).toBeVisible();
  await expect(page.getByTestId('identity-number')).toHaveValue(citizen.identityNumber);
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Văn An');
  await page.getByLabel('Số điện thoại').fill('0905123456');

  // Without the declaration: the first error is announced.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(
    page.getByText('Thiếu thành phần bắt buộc: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu 03/2013/TT-LLTP)'),
  ).toBeVisible();
  await page
    .locator('.ant-form-item')
    .filter({ hasText: 'Tờ khai yêu cầu cấp Phiếu' })
    .locator('input[type=file]:not([capture])')
    .setInputFiles(pdf('to-khai.pdf'));
  const idCard = page
    .locator('.ant-form-item')
    .filter({ hasText: /Căn cước|CCCD/ })
    .first();
  const reuse = idCard.getByRole('button', { name: /Dùng lại bản đã số hóa/ });
  if (await reuse.count()) await reuse.first().click();
  else await idCard.locator('input[type=file]:not([capture])').setInputFiles(pdf('cccd.pdf'));
  await expect(page.getByRole('radio', { name: 'Trực tuyến' })).toBeChecked();
  await screenshot(page, 'me-submit');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();
  await expect(page.getByRole('heading', { name: /^Đã gửi hồ sơ 000\.00\.12\.H57-/ })).toBeVisible();
  await expect(page.getByTestId('sent-text')).toContainText('đang chờ cán bộ Bộ phận Một cửa kiểm tra và tiếp nhận');
  await expect(page.getByText('Mới đăng ký (1)')).toBeVisible();
  const code = (await page.getByTestId('sent-code').textContent())!.trim();
  await screenshot(page, 'me-submit-sent');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Xem hồ sơ của tôi' }).click();
  const panel = await myDossier(page, code);
  await expect(panel.getByTestId('what-next')).toContainText('đang chờ cán bộ Bộ phận Một cửa kiểm tra, tiếp nhận');
  const { myDossiers } = await api<{ myDossiers: Array<{ id: string; code: string; nationalStatusCode: number }> }>(
    citizen,
    '{ myDossiers { id code nationalStatusCode } }',
  );
  const mine = myDossiers.filter((d) => d.code === code);
  expect(mine).toHaveLength(1); // the double click sent one dossier
  expect(mine[0].nationalStatusCode).toBe(1);
  dossier = mine[0];
});

test("an intake officer accepts it from the counter's list of online dossiers", async ({ page }) => {
  await signIn(page, user('intake-officer'));
  await expect(page).toHaveURL(/\/counter$/);
  const item = page.locator('.ant-list-item').filter({ hasText: dossier.code });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await expect(page.getByText(`Đã tiếp nhận hồ sơ ${dossier.code}.`)).toBeVisible();
  await expect(item).toHaveCount(0);
});

test('a supplementation is asked for, and the citizen answers it online', async ({ page }) => {
  // The first step starts processing; its specialist asks for a clearer identity card.
  await advance(dossier.id, (d) => d.status !== 'PROCESSING');
  await api(
    officer('SPECIALIST'),
    `mutation($id: ID!) { requestSupplement(dossierId: $id, reason: "Ảnh căn cước bị mờ", componentCodes: ["CCCD"]) { id } }`,
    { id: dossier.id },
  );

  await signIn(page, CITIZEN_USER);
  const panel = await myDossier(page, dossier.code);
  await expect(async () => {
    await page.reload();
    await expect((await myDossier(page, dossier.code)).getByTestId('supplement-form')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(panel.getByText('Nội dung yêu cầu bổ sung: Ảnh căn cước bị mờ')).toBeVisible();
  await expect(panel.getByTestId('what-next')).toContainText('yêu cầu bổ sung');
  await screenshot(page, 'me-supplement');
  await expectAccessible(page);
  const form = panel.getByTestId('supplement-form');
  await form.getByRole('button', { name: 'Nộp bổ sung' }).click();
  await expect(form.getByText(/Vui lòng chọn tệp cho/)).toBeVisible();
  await form.locator('input[type=file]:not([capture])').setInputFiles(pdf('cccd-ro.pdf'));
  await form.getByRole('button', { name: 'Nộp bổ sung' }).click();
  await expect(page.getByText('Đã nộp bổ sung. Hồ sơ tiếp tục được giải quyết.')).toBeVisible();
  await expect(panel.getByTestId('supplement-form')).toHaveCount(0);
});

test('the dossier is decided; the citizen downloads the result and rates the service once', async ({ page }) => {
  const last = await advance(dossier.id, (d) => d.currentStep!.index < d.workflow.steps.length - 1);
  await api(
    officer(last.currentStep!.role as 'LEADER'),
    `mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`,
    {
      input: {
        dossierId: dossier.id,
        decision: 'APPROVED',
        result: {
          documentType: 'PHIEU_LLTP',
          title: 'Phiếu lý lịch tư pháp số 1',
          upload: {
            fileName: 'phieu.pdf',
            mimeType: 'application/pdf',
            contentBase64: pdf('phieu').buffer.toString('base64'),
          },
        },
      },
    },
  );

  // The citizen's own view of it, whole: no part of the platform refuses or fails it.
  const { myDossiers } = await api(
    citizen,
    `{ myDossiers { id status outcome result { id title } delivery { status downloadUrl rating { overall } } history { action } components { record { id } } } }`,
  );
  expect(myDossiers.find((d: { id: string }) => d.id === dossier.id)).toMatchObject({
    status: 'RESOLVED',
    delivery: { status: 'READY', downloadUrl: expect.any(String) },
  });

  await signIn(page, CITIZEN_USER);
  let panel = await myDossier(page, dossier.code);
  // The link is there as soon as the decision is (delivery reads processing's decision).
  await expect(panel.getByTestId('download-result')).toBeVisible();
  await expect(panel.getByText('Chấp thuận — Phiếu lý lịch tư pháp số 1')).toBeVisible();
  await expect(panel.getByTestId('rating')).toContainText('Bạn có thể đánh giá sau khi nhận kết quả.');
  await screenshot(page, 'me-result');
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('download-result').click()]);
  expect(download.suggestedFilename()).toBe(`${dossier.code}.pdf`);

  await expect(async () => {
    await page.reload();
    panel = await myDossier(page, dossier.code);
    await expect(panel.getByRole('radio', { name: 'Hài lòng', exact: true })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await panel.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(panel.getByText('Vui lòng nhập Mức độ hài lòng')).toBeVisible();
  await panel.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await panel.getByLabel('Góp ý (không bắt buộc)').fill('Nhanh, không phải đi lại.');
  await panel.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Cảm ơn bạn đã đánh giá.')).toBeVisible();
  await expect(panel.getByTestId('rating')).toContainText('Bạn đã đánh giá: Hài lòng');
  await expect(panel.getByRole('button', { name: 'Gửi đánh giá' })).toHaveCount(0);
  await expect(panel.getByTestId('what-next')).toContainText('Đã trả kết quả');
  // Once: a second rating is refused.
  await expect(
    api(
      citizen,
      `mutation($id: ID!) { rateService(dossierId: $id, rating: { overall: VERY_SATISFIED }) { dossierId } }`,
      { id: dossier.id },
    ),
  ).rejects.toThrow(/already rated/);
  await screenshot(page, 'me-rated');
  await expectAccessible(page);
});

test("the record access log shows the officer who read the citizen's document", async ({ page }) => {
  // A specialist opens the identity card from the dossier's page.
  await signIn(page, user('specialist'));
  await page.goto(`/dossiers/${dossier.id}`);
  const link = page.getByRole('link', { name: /^Mở Tờ khai yêu cầu cấp Phiếu/ });
  const href = await link.getAttribute('href');
  expect((await page.request.get(href!)).status()).toBe(200);

  await signIn(page, CITIZEN_USER);
  const record = page
    .getByTestId('my-record')
    .filter({ hasText: /to-khai|Tờ khai/ })
    .first();
  await record.getByRole('button', { name: /Xem ai đã đọc/ }).click();
  const log = record.getByTestId('access-log');
  await expect(log.getByRole('row').filter({ hasText: 'Chuyên viên xử lý' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'Chuyên viên xử lý' }).first()).toContainText(
    /Trung tâm Phục vụ hành chính công tỉnh/,
  );
  await screenshot(page, 'me-records');
  await expectAccessible(page);
});

test.describe('both languages and a 375 px screen', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const [path, vi, en, shot] of [
    ['/me', 'Hồ sơ của tôi', 'My dossiers', 'me'],
    ['/me/submit?procedure=LLTP-01', 'Nộp hồ sơ trực tuyến', 'Submit a dossier online', 'me-submit-form'],
  ] as const) {
    test(`${path} fits, in Vietnamese and English`, async ({ page }) => {
      await signIn(page, CITIZEN_USER);
      for (const [lang, title] of [
        ['vi', vi],
        ['en', en],
      ] as const) {
        await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await heading(page, title);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        if (path === '/me') await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
        await expectAccessible(page);
        await screenshot(page, `${shot}-${lang}-375`);
      }
    });
  }
});
