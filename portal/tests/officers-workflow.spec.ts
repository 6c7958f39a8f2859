import { expect, test } from '@playwright/test';
import { api, expectAccessible, HUE, officer, pdf, receiveByApi, screenshot, signIn, user } from './helpers';

/**
 * The officers' day, end to end in the browser: a counter officer receives a dossier reusing a
 * record digitised at another centre and prints the receipt; specialists and a leader take it
 * through the inbox to a decision; the returns desk hands the result back.
 */
test.describe.configure({ mode: 'serial' });

// A fresh identity number per run: the suite can run again on a platform that is still up.
const applicant = { identityNumber: `0460${String(Date.now()).slice(-8)}`, fullName: 'Nguyễn Văn An' };
let dossier: { id: string; code: string };

test.beforeAll(async () => {
  // The applicant's identity card was digitised at Huế city's one-stop unit on an earlier visit.
  await receiveByApi(HUE, 'HT-TLBS', applicant.identityNumber, applicant.fullName, ['TK', 'CCCD']);
});

test('a counter officer receives a dossier reusing a record digitised at another centre, and prints the receipt', async ({
  page,
}) => {
  await signIn(page, user('intake-officer'));
  await expect(page).toHaveURL(/\/counter$/);
  await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 })).toBeVisible();

  // Diacritics-insensitive search, then Enter picks the procedure.
  await page.getByLabel('Thủ tục', { exact: true }).fill('ly lich tu phap');
  await expect(page.locator('.ant-select-item-option').filter({ hasText: 'Cấp Phiếu lý lịch tư pháp' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTitle('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (LLTP-01)').first()).toBeVisible();

  // A known applicant: the name, phone and address fill in; the identity card is offered for reuse.
  await page.getByLabel('Số định danh').fill(applicant.identityNumber);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Họ và tên')).toHaveValue(applicant.fullName);
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0905123456');
  await expect(page.getByLabel('Địa chỉ', { exact: true })).toHaveValue('12 Lê Lợi, Huế');
  const reuse = page.getByRole('button', {
    name: /Dùng lại bản đã số hóa: CCCD của Nguyễn Văn An — số hóa tại Bộ phận Một cửa thành phố Huế/,
  });
  await expect(reuse).toBeVisible();

  // Submitting without the declaration: the first error is announced and focused.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(
    page.getByText('Thiếu thành phần bắt buộc: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu 03/2013/TT-LLTP)'),
  ).toBeVisible();

  await reuse.click();
  await expect(page.getByText('Dùng lại: CCCD của Nguyễn Văn An')).toBeVisible();
  await page
    .locator('.ant-form-item')
    .filter({ hasText: 'Tờ khai yêu cầu cấp Phiếu' })
    .locator('input[type=file]:not([capture])')
    .setInputFiles(pdf('to-khai.pdf'));
  await expect(page.getByText(/Tệp: to-khai\.pdf/)).toBeVisible();
  await screenshot(page, 'counter');
  await expectAccessible(page);

  // A double click receives the dossier once (idempotency key).
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' })).toBeVisible();
  const code = (await page.getByTestId('dossier-code').textContent())!.trim();
  expect(code).toMatch(/^000\.00\.12\.H57-\d{6}-\d{4}$/);
  await expect(page.getByText(/Hẹn trả kết quả/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mã QR tra cứu hồ sơ' })).toBeVisible();
  await expect(page.getByText(`/track?code=${encodeURIComponent(code)}`, { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Giấy tiếp nhận bản in của hệ thống' })).toHaveAttribute(
    'href',
    /\/intake\/receipts\//,
  );
  await screenshot(page, 'receipt');
  await expectAccessible(page);

  // The system's printable receipt opens through the document routes, with the session cookie.
  const href = await page.getByRole('link', { name: 'Giấy tiếp nhận bản in của hệ thống' }).getAttribute('href');
  const printable = await page.request.get(href!);
  expect(printable.status()).toBe(200);
  expect(printable.headers()['content-type']).toBe('application/pdf'); // the A4 PDF; its text is checked in test/documents-pdf.test.ts
  expect((await printable.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(await (await page.request.get(`${href}?format=html`)).text()).toContain(code);

  const { inbox } = await api<{ inbox: Array<{ id: string; code: string }> }>(
    officer('SPECIALIST'),
    '{ inbox { id code } }',
  );
  expect(inbox.filter((d) => d.code === code)).toHaveLength(1);
  dossier = inbox.find((d) => d.code === code)!;
});

test('specialists take it through the inbox; a stale button is refused in words', async ({ page }) => {
  await signIn(page, user('specialist'));
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('link', { name: dossier.code })).toBeVisible();
  await expect(page.locator('[data-deadline]').first()).toBeVisible();
  await screenshot(page, 'inbox');
  await expectAccessible(page);
  await page.getByRole('link', { name: dossier.code }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}$`));

  for (const next of ['Xác minh với cơ quan công an, tòa án', 'Lập Phiếu lý lịch tư pháp']) {
    await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await page.getByRole('dialog').getByLabel('Ghi chú').fill('Đã kiểm tra');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText(`${next} (Chuyên viên xử lý)`)).toBeVisible();
  }
  await expect(page.getByTestId('dossier-status')).toHaveText('Đang giải quyết');
  await screenshot(page, 'dossier');
  await expectAccessible(page);

  // Someone else finishes the step meanwhile: this page's button is now refused, and says why.
  await api(officer('SPECIALIST'), 'mutation($id: ID!) { completeStep(dossierId: $id) { id } }', { id: dossier.id });
  await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Hồ sơ đã chuyển sang trạng thái khác');
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByText('Ký Phiếu lý lịch tư pháp (Lãnh đạo)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
});

test('a wrong role sees no action buttons, and a forged action is refused', async ({ page }) => {
  await page.goto('/login');
  await page.locator('[data-user="demo-observer"]').click();
  await page.goto(`/dossiers/${dossier.id}`);
  await expect(page.getByRole('heading', { name: `Hồ sơ ${dossier.code}` })).toBeVisible();
  await expect(page.getByTestId('no-actions')).toBeVisible();
  await expect(page.getByRole('button', { name: /Quyết định|Hoàn thành bước|Chuyển xử lý|Dừng xử lý/ })).toHaveCount(0);
  // The page's own session, used by hand: the gateway refuses it.
  const forged = await page.evaluate(async (id) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { decideDossier(input: { dossierId: "${id}", decision: REJECTED, reason: "forged" }) { id } }`,
      }),
    });
    return (await res.json()).errors?.[0]?.extensions?.code;
  }, dossier.id);
  expect(forged).toBe('FORBIDDEN');
  // Nor can a cross-site form post use the cookie: the CSRF prevention wants JSON or a preflight header.
  const simple = await page.evaluate(
    async () =>
      (
        await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{"query":"{ inbox { id } }"}',
        })
      ).status,
  );
  expect(simple).toBe(400);

  // A specialist of another centre: told in words, no buttons.
  await signIn(page, user('specialist', '000.00.15.H57'));
  await page.goto(`/dossiers/${dossier.id}`);
  await expect(page.getByText('Bạn không có quyền thực hiện thao tác này với hồ sơ này.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Quyết định|Hoàn thành bước/ })).toHaveCount(0);
});

test('a leader decides from the inbox with the signed result', async ({ page }) => {
  await signIn(page, user('leader'));
  await page.getByRole('link', { name: dossier.code }).click();
  await page.getByRole('button', { name: 'Quyết định' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Tên kết quả')).toHaveValue('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
  await dialog.locator('input[type=file]').setInputFiles(pdf('phieu-lltp.pdf'));
  await expect(dialog.getByText(/Tệp: phieu-lltp\.pdf/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã giải quyết');
  await expect(page.getByText('Chấp thuận — Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBeVisible();
});

test('the returns desk hands the result back at the counter', async ({ page }) => {
  await signIn(page, user('intake-officer'));
  await page.goto('/returns');
  const row = page.getByRole('row').filter({ hasText: dossier.code });
  // The result reaches the desk through delivery's events: look again until it is there.
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await screenshot(page, 'returns');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Trả kết quả' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Người nhận kết quả')).toHaveValue('Nguyễn Văn An');
  await dialog.getByRole('button', { name: 'Trả kết quả' }).click();
  await expect(dialog.getByText('Vui lòng nhập Số định danh người nhận')).toBeVisible();
  await dialog.getByLabel('Số định danh người nhận').fill(applicant.identityNumber);
  // The applicant says how satisfied they are; the officer records it at the counter.
  await dialog.getByLabel('Hài lòng', { exact: true }).check();
  await dialog.getByLabel('Góp ý').fill('Cán bộ hướng dẫn tận tình');
  await dialog.getByRole('button', { name: 'Trả kết quả' }).click();
  await expect(page.getByText(`Đã trả kết quả hồ sơ ${dossier.code}.`)).toBeVisible();
  await expect(page.getByText('Đã ghi nhận đánh giá.')).toBeVisible();
  await expect(row).toHaveCount(0);
  const rated = await api(
    officer('INTAKE_OFFICER'),
    'query($id: ID!) { dossier(id: $id) { delivery { rating { overall comment takenAtCounter recordedBy } } } }',
    { id: dossier.id },
  );
  expect(rated.dossier.delivery.rating).toMatchObject({
    overall: 'SATISFIED',
    comment: 'Cán bộ hướng dẫn tận tình',
    takenAtCounter: true,
  });
  await page.goto(`/dossiers/${dossier.id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('dossier-status')).toHaveText('Đã trả kết quả', { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
});
