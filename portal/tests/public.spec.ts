import { expect, test, type Page } from '@playwright/test';
import { api, expectAccessible, officer, PROVINCE, receiveByApi, screenshot } from './helpers';

/**
 * The public pages, as a stranger with no account uses them: the front page's catalogue search,
 * a procedure's page, and tracking a dossier from its printed receipt's link.
 */
const IDENTITY = `0461${String(Date.now()).slice(-8)}`;
const NAME = 'Phạm Thị Công Khai';
const PHONE = '0905123456';
let code = '';

test.beforeAll(async () => {
  const received = await receiveByApi(PROVINCE, 'LLTP-01', IDENTITY, NAME, ['TK', 'CCCD']);
  code = received.code;
  // Processing learns of the reception through an event: wait until it holds the status, so that
  // one lookup shows it (each lookup counts against the gateway's limit per address).
  await expect
    .poll(
      async () => {
        const { dossier } = await api<{ dossier: { status: string | null } | null }>(
          officer('INTAKE_OFFICER'),
          'query($id: ID!) { dossier(id: $id) { status } }',
          { id: received.id },
        );
        return dossier?.status;
      },
      { timeout: 30_000 },
    )
    .toBe('RECEIVED');
});

async function heading(page: Page, name: RegExp | string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Nothing of the applicant's person on the page: name, identity number, phone. */
async function expectNoPersonalData(page: Page) {
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  expect(text).not.toContain(NAME);
  expect(text).not.toContain(IDENTITY);
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain('Công Khai');
}

test('a stranger tracks a dossier from the receipt’s link with the verifier, and sees its status and no personal data', async ({
  page,
}) => {
  await page.goto(`/track?code=${encodeURIComponent(code)}`);
  await heading(page, 'Tra cứu hồ sơ');
  await expect(page.getByLabel('Mã hồ sơ')).toHaveValue(code);
  // The code came from the link: the verifier is what is left to type, and it has the focus.
  await expect(page.getByLabel('Mã xác minh')).toBeFocused();
  await page.keyboard.type(IDENTITY.slice(-4));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toBeVisible();
  await expect(page.getByTestId('track-status')).toHaveText('Đã tiếp nhận');
  await expect(page.getByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBeVisible();
  // The steps in plain words, the current one marked, then what happens next.
  await expect(page.locator('.pub-timeline li')).toHaveCount(4);
  await expect(page.locator('.pub-timeline li[aria-current="step"]')).toContainText('Tiếp nhận hồ sơ');
  await expect(page.getByRole('heading', { name: 'Tiếp theo' })).toBeVisible();
  await expect(page.getByText('Cơ quan chuyên môn thẩm định hồ sơ')).toBeVisible();
  await expect(page.getByText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).first()).toBeVisible();
  await expectNoPersonalData(page);
  await expectAccessible(page);
  await screenshot(page, 'track-found-vi');

  // In English, on a phone, with the phone number as the verifier.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/track?code=${encodeURIComponent(code)}&lang=en`);
  await heading(page, 'Track a dossier');
  await page.getByLabel('Verifier').fill('0905 123 456');
  await page.getByRole('button', { name: 'Track' }).click();
  await expect(page.getByTestId('track-status')).toHaveText('Received');
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoPersonalData(page);
  await expectAccessible(page);
  await screenshot(page, 'track-found-en-375');
});

test('a wrong verifier and an unknown code show the same message', async ({ page }) => {
  await page.goto(`/track?code=${encodeURIComponent(code)}`);
  await page.getByLabel('Mã xác minh').fill('0000' === IDENTITY.slice(-4) ? '1111' : '0000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  const wrong = page.getByRole('alert');
  await expect(wrong).toContainText('Không tìm thấy hồ sơ');
  const wrongText = await wrong.innerText();
  await expect(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'track-not-found-vi');

  await page.getByLabel('Mã hồ sơ').fill('000.00.12.H57-200101-9999');
  await page.getByLabel('Mã xác minh').fill(IDENTITY.slice(-4));
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toHaveText(wrongText);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);

  // Nothing typed: the form says which field is missing, in words.
  await page.goto('/track');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByText('Vui lòng nhập Mã hồ sơ')).toBeVisible();
  await expect(page.getByLabel('Mã hồ sơ')).toBeFocused();
});

test('the front page finds a procedure without accents and opens its page', async ({ page }) => {
  await page.goto('/');
  await heading(page, 'Trung tâm Phục vụ hành chính công');
  await page.getByLabel('Tên hoặc mã thủ tục').fill('ly lich tu phap');
  const results = page.locator('.pub-procedures li');
  await expect(page.getByRole('status').filter({ hasText: /Tìm thấy \d+ thủ tục/ })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' })).toBeVisible();
  for (const text of await results.allInnerTexts()) expect(text.toLowerCase()).toMatch(/lý lịch tư pháp|lltp/);
  await expectAccessible(page);
  await screenshot(page, 'front-search-vi');
  await page.getByLabel('Tên hoặc mã thủ tục').fill('khong co thu tuc nay');
  await expect(page.getByText('Không có thủ tục nào khớp với «khong co thu tuc nay».')).toBeVisible();

  await page.getByLabel('Tên hoặc mã thủ tục').fill('LY LICH');
  await results.getByRole('link', { name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' }).click();
  await expect(page).toHaveURL(/\/procedures\/LLTP-01$/);
  await heading(page, 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
  await expect(page.getByText('10 ngày làm việc')).toBeVisible();
  await expect(page.getByText('200.000 ₫')).toBeVisible();
  await expect(page.locator('.pub-facts')).toContainText('Cấp tỉnh');
  await expect(page.getByText('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu 03/2013/TT-LLTP)')).toBeVisible();
  await expect(page.getByText('Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế')).toBeVisible();
  // Where to submit: the centres of the procedure's levels only (LLTP-01 is a province's procedure).
  await expect(page.getByText('Bộ phận Một cửa phường Phú Hội')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).last()).toHaveAttribute(
    'href',
    '/me/submit?procedure=LLTP-01',
  );
  await expectAccessible(page);
  await screenshot(page, 'procedure-vi');

  // The front page's track form leads to /track with the code filled in.
  await page.goto('/?lang=en');
  await heading(page, 'Public Administrative Service Centre');
  await page.getByLabel('Dossier code').fill(code);
  await page.getByRole('button', { name: 'Track' }).click();
  await expect(page).toHaveURL(new RegExp(`/track\\?code=${code.replace(/\./g, '\\.')}`));
  await expect(page.getByLabel('Dossier code')).toHaveValue(code);
});

test('the public pages in English and at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const [path, title, shot] of [
    ['/?lang=en', 'Public Administrative Service Centre', 'front-en-375'],
    ['/procedures/LLTP-01?lang=en', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'procedure-en-375'],
    ['/track?lang=en', 'Track a dossier', 'track-en-375'],
    ['/procedures/NO-SUCH?lang=en', 'Procedure not found', 'procedure-missing-en-375'],
  ] as const) {
    await page.goto(path);
    await heading(page, title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await screenshot(page, shot);
  }
  await page.goto('/procedures/LLTP-01?lang=en');
  await expect(page.getByText('10 working days')).toBeVisible();
  await expect(page.getByText('Province', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Submit online' }).last()).toBeVisible();
});

// Last: it uses up the limits that protect tracking.
test('too many wrong verifiers end in a polite message, never a raw code', async ({ page }) => {
  const unknown = '000.00.12.H57-200102-0001';
  await page.goto(`/track?code=${encodeURIComponent(unknown)}`);
  const alert = page.getByRole('alert');
  for (let i = 0; i < 12; i += 1) {
    await page.getByLabel('Mã xác minh').fill(String(1000 + i));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('button', { name: 'Tra cứu' })).toBeEnabled();
    if (/thử lại sau khoảng/.test(await alert.innerText())) break;
  }
  await expect(alert).toContainText(/vui lòng (đợi|thử lại sau) khoảng \d+ (phút|giờ)/i);
  await expect(page.locator('main')).not.toContainText(/RATE_LIMITED|BAD_USER_INPUT|retryAfter/);
  await expectAccessible(page);
  await screenshot(page, 'track-rate-limited-vi');
});
