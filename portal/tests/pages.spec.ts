import { expect, test, type Page } from '@playwright/test';
import { CITIZEN_USER, expectAccessible, HUE, PROVINCE, receiveByApi, screenshot, signIn, user } from './helpers';

/** Every page: a deep link and a reload show it, in both languages, accessible, at 375 px too. */
let dossierId = '';

test.beforeAll(async () => {
  const d = await receiveByApi(PROVINCE, 'LLTP-01', `0461${String(Date.now()).slice(-8)}`, 'Trần Thị Bình', [
    'TK',
    'CCCD',
  ]);
  dossierId = d.id;
});

/** The page's main heading in each language, by path. */
const PAGES: Array<{ path: () => string; as?: string; vi: RegExp; en: RegExp; shot: string }> = [
  {
    path: () => '/',
    vi: /Trung tâm Phục vụ hành chính công/,
    en: /Public Administrative Service Centre/,
    shot: 'home',
  },
  { path: () => '/login', vi: /^Đăng nhập$/, en: /^Sign in$/, shot: 'login' },
  {
    path: () => '/counter',
    as: user('intake-officer'),
    vi: /^Tiếp nhận hồ sơ$/,
    en: /^Reception at the counter$/,
    shot: 'counter-empty',
  },
  { path: () => '/inbox', as: user('specialist'), vi: /^Hồ sơ cần xử lý$/, en: /^Inbox$/, shot: 'inbox-specialist' },
  {
    path: () => `/dossiers/${dossierId}`,
    as: user('specialist'),
    vi: /^Hồ sơ 000\.00\.12\.H57-/,
    en: /^Dossier 000\.00\.12\.H57-/,
    shot: 'dossier-received',
  },
  { path: () => '/returns', as: user('intake-officer'), vi: /^Trả kết quả$/, en: /^Returns$/, shot: 'returns-empty' },
  {
    path: () => '/track?code=000.00.12.H57-260101-0001',
    vi: /^Tra cứu hồ sơ$/,
    en: /^Track a dossier$/,
    shot: 'track',
  },
  {
    path: () => '/procedures/LLTP-01',
    vi: /^Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam$/,
    en: /^Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam$/,
    shot: 'procedure',
  },
  { path: () => '/dashboard', as: 'demo-observer', vi: /^Báo cáo, thống kê$/, en: /^Dashboard$/, shot: 'dashboard' },
  {
    path: () => '/admin/centres',
    as: 'demo-admin',
    vi: /^Cơ quan, trung tâm$/,
    en: /^Centres$/,
    shot: 'admin-centres',
  },
  {
    path: () => '/admin/procedures?code=LLTP-01',
    as: 'demo-admin',
    vi: /^Thủ tục và quy trình$/,
    en: /^Procedures and workflows$/,
    shot: 'admin-procedures',
  },
  {
    path: () => '/admin/calendar',
    as: 'demo-admin',
    vi: /^Lịch làm việc$/,
    en: /^Working calendar$/,
    shot: 'admin-calendar',
  },
  {
    path: () => '/admin/events',
    as: 'demo-admin',
    vi: /^Sự kiện và thông báo lỗi$/,
    en: /^Failed events and notifications$/,
    shot: 'admin-events',
  },
  { path: () => '/me', as: CITIZEN_USER, vi: /^Hồ sơ của tôi$/, en: /^My dossiers$/, shot: 'me' },
  {
    path: () => '/me/submit',
    as: CITIZEN_USER,
    vi: /^Nộp hồ sơ trực tuyến$/,
    en: /^Submit a dossier online$/,
    shot: 'me-submit',
  },
  { path: () => '/no/such/page', vi: /Không tìm thấy trang/, en: /Page not found/, shot: 'not-found' },
];

async function heading(page: Page, name: RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

for (const p of PAGES) {
  test(`${p.shot}: deep link, reload, both languages, axe`, async ({ page }) => {
    if (p.as) await signIn(page, p.as);
    await page.goto(p.path());
    await heading(page, p.vi);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expectAccessible(page);
    await screenshot(page, `${p.shot}-vi`);
    await page.reload();
    await heading(page, p.vi);

    // ?lang=en switches, and the choice is remembered for the next page.
    await page.goto(p.path() + (p.path().includes('?') ? '&' : '?') + 'lang=en');
    await heading(page, p.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page);
    await screenshot(page, `${p.shot}-en`);
    await page.goto(p.path());
    await heading(page, p.en);
    // The visible switch takes it back to Vietnamese.
    await page.getByLabel('Language').selectOption('vi');
    await heading(page, p.vi);
  });
}

test('a page for another role says so in words and offers the way back', async ({ page }) => {
  await signIn(page, user('specialist'));
  await page.goto('/counter');
  await heading(page, /Trang này không dành cho vai trò của bạn/);
  await expect(page.getByText('Trang «Tiếp nhận» dành cho: Cán bộ tiếp nhận.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
  await expectAccessible(page);
});

test('signed out, an officer page asks to sign in and comes back after', async ({ page }) => {
  await page.goto('/inbox?lang=vi');
  await heading(page, /Vui lòng đăng nhập/);
  await page.getByRole('link', { name: 'Đăng nhập' }).last().click();
  await page.locator(`[data-user="${user('leader', HUE)}"]`).click();
  await expect(page).toHaveURL(/\/inbox/);
  await heading(page, /Hồ sơ cần xử lý/);
  // The token never reaches the page: the cookie is HttpOnly and nothing is stored.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'onestop_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('onestop_session');
  expect(
    await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
  ).not.toMatch(/eyJ/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await heading(page, /Trung tâm Phục vụ hành chính công/);
  expect((await page.context().cookies()).find((c) => c.name === 'onestop_session')).toBeUndefined();
});

test.describe('a 375 px wide screen', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const p of PAGES.slice(0, 6)) {
    test(`${p.shot} fits without sideways scrolling`, async ({ page }) => {
      if (p.as) await signIn(page, p.as);
      await page.goto(p.path() + (p.path().includes('?') ? '&' : '?') + 'lang=vi');
      await heading(page, p.vi);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await expectAccessible(page);
      await screenshot(page, `${p.shot}-375`);
    });
  }
});
