import { expect, test } from '@playwright/test';
import { api, expectAccessible, officer, screenshot, signIn, user } from './helpers';

/**
 * The counter beyond reception: a walk-in refused with a reason and the refusal slip printed, and
 * the camera offered explicitly for a tablet, with the limits shown before anything is sent.
 */
test('a counter officer refuses a walk-in with a reason and prints the refusal slip', async ({ page }) => {
  // 046: Thừa Thiên Huế's prefix, which intake checks (an unknown province code is refused).
  const identityNumber = `0461${String(Date.now()).slice(-8)}`;
  await signIn(page, user('intake-officer'));
  await expect(page).toHaveURL(/\/counter$/);

  // Refusing needs the procedure and the applicant: the first missing one is announced.
  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await expect(page.getByText('Vui lòng nhập Thủ tục')).toBeVisible();

  await page.getByLabel('Thủ tục', { exact: true }).fill('ly lich tu phap');
  await page.keyboard.press('Enter');
  await page.getByLabel('Số định danh').fill(identityNumber);
  await page.getByLabel('Họ và tên').fill('Trần Văn Bình');

  // The camera, explicitly, beside the file picker; the limits are on the page before sending.
  await expect(page.getByText(/PDF, JPG, PNG; tối đa 10(\.0)? MB mỗi tệp/).first()).toBeVisible();
  const camera = page.locator('input[type=file][capture=environment]').first();
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await expect(page.getByRole('button', { name: /Chụp ảnh giấy tờ/ }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Từ chối tiếp nhận hồ sơ tại quầy')).toBeVisible();
  await dialog.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await expect(dialog.getByText('Vui lòng nhập Lý do')).toBeVisible();
  await dialog.getByLabel('Lý do').fill('Thủ tục không thuộc thẩm quyền của Trung tâm');
  await dialog.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();

  await expect(page.getByRole('heading', { name: 'Đã từ chối tiếp nhận hồ sơ' })).toBeVisible();
  const code = (await page.getByTestId('refused-code').textContent())!.trim();
  expect(code).toMatch(/^000\.00\.12\.H57-\d{6}-\d{4}$/);
  await expect(page.getByText('Không được tiếp nhận')).toBeVisible();
  const slipLink = page.getByRole('link', { name: 'In phiếu từ chối tiếp nhận' });
  await expect(slipLink).toBeFocused();
  await screenshot(page, 'counter-refusal');
  await expectAccessible(page);

  // The slip is the signed PDF (the officer's session opens it as the link does); its page view shows the reason.
  const href = (await slipLink.getAttribute('href'))!;
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const slip = await page.context().newPage();
  await slip.goto(`${href}?format=html`);
  await expect(slip.getByRole('heading', { name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' })).toBeVisible();
  await expect(slip.getByText('Thủ tục không thuộc thẩm quyền của Trung tâm')).toBeVisible();
  await expect(slip.getByText(code)).toBeVisible();
  await screenshot(slip, 'refusal-slip');
  await slip.close();

  // Recorded as not accepted (code 3), in English too.
  const { dossier } = await api(
    officer('INTAKE_OFFICER'),
    `query($id: ID!) { dossier(id: $id) { nationalStatusCode } }`,
    { id: (await slipLink.getAttribute('href'))!.split('/')[3] },
  );
  expect(dossier.nationalStatusCode).toBe(3);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
  await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 })).toBeVisible();
});

test('the counter at 375 px keeps the refusal and the camera within reach', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, user('intake-officer'));
  await page.getByLabel('Thủ tục', { exact: true }).fill('ly lich tu phap');
  // As an officer would: choose the procedure once the list offers it.
  await expect(page.getByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Từ chối tiếp nhận' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Chụp ảnh giấy tờ/ }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
