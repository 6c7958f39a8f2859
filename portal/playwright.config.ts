import { defineConfig, devices } from '@playwright/test';

/**
 * The browser suite: Debian's Chromium (no browser is downloaded) against the whole platform as
 * `npm start` starts it (tests/platform.ts: a fresh database, its own ports and DATA_DIR).
 * Ports are chosen once in the runner and inherited by its worker.
 */
process.env.PORTAL_E2E_BASE ??= String(41000 + 10 * Math.floor(Math.random() * 890));
const port = Number(process.env.PORTAL_E2E_BASE);

export default defineConfig({
  testDir: 'tests',
  globalSetup: './tests/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // The whole platform on a shared 2-core machine: a step that times out under load gets one more go.
  retries: 1,
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
