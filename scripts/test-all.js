#!/usr/bin/env node
// `npm test`: jest (every unit and platform test), then the portal's browser tests (Playwright
// driving Chromium against the platform as `npm start` starts it). Both always run; the exit code
// is the first failure's. Arguments go to jest; with jest's --outputFile, Playwright's JSON report
// is written beside it (<file>.playwright.json) so that .ci/run can add up both.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const root = join(__dirname, '..');
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { cwd: root, stdio: 'inherit' });
const output = args.find((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length) ??
  (args.includes('--outputFile') ? args[args.indexOf('--outputFile') + 1] : undefined);
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...(output ? { PLAYWRIGHT_JSON_OUTPUT_NAME: `${output}.playwright.json` } : {}) };
const playwright = spawnSync(process.execPath, [require.resolve('@playwright/test/cli', { paths: [join(root, 'portal')] }), 'test'], { cwd: join(root, 'portal'), stdio: 'inherit', env });
process.exit(jest.status || playwright.status || 0);
