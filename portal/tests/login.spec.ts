import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './helpers';

// The platform of this run has an identity provider configured that does not answer (global-setup.ts).

test("/login offers the identity provider's sign-in, Vietnamese first, English on switching", async ({ page }) => {
  await page.goto('/login');
  const signIn = page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh' });
  await expect(signIn).toBeVisible();
  await expect(signIn).toHaveAttribute('href', '/auth/login?returnTo=%2F');
  // the demo users stay in development
  await expect(page.locator('[data-user="demo-admin"]')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'login-identity-provider');

  await page.goto('/login?lang=en&next=%2Finbox');
  await expect(page.getByRole('link', { name: 'Sign in with your identity account' })).toHaveAttribute(
    'href',
    '/auth/login?returnTo=%2Finbox',
  );
});

test('a sign-in the provider could not complete comes back to /login saying so; an account without a role is told why', async ({
  page,
}) => {
  await page.goto('/login?lang=vi');
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh' }).click();
  await expect(page).toHaveURL(/\/login\?error=failed$/);
  await expect(page.getByText('Không đăng nhập được.')).toBeVisible();

  await page.goto('/login?error=no-role');
  await expect(
    page.getByText('Tài khoản của bạn chưa được cấp quyền trên hệ thống này.', { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
});
