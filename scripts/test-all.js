#!/usr/bin/env node
// `npm test`: the lint step (`npm run lint`: ESLint, the layering rule, Prettier's check), then jest
// (every unit and platform test), then the portal's browser tests (Playwright driving Chromium
// against the platform as `npm start` starts it). All three always run (a lint failure does not
// keep the tests from running and being counted); the exit code is the first failure's. Arguments
// go to jest; with jest's --outputFile, Playwright's JSON report is written beside it
// (<file>.playwright.json) so that .ci/run can add up both.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const root = join(__dirname, '..');
const lint = spawnSync(process.execPath, [join(__dirname, 'lint.js')], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0)
  console.log(
    'npm test: the lint step FAILED (see above; `npm run lint` runs it alone); running the tests all the same',
  );
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { cwd: root, stdio: 'inherit' });
const output =
  args.find((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length) ??
  (args.includes('--outputFile') ? args[args.indexOf('--outputFile') + 1] : undefined);
const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  ...(output ? { PLAYWRIGHT_JSON_OUTPUT_NAME: `${output}.playwright.json` } : {}),
};
const playwright = spawnSync(
  process.execPath,
  [require.resolve('@playwright/test/cli', { paths: [join(root, 'portal')] }), 'test'],
  { cwd: join(root, 'portal'), stdio: 'inherit', env },
);
if (lint.status !== 0)
  console.log('npm test: the lint step FAILED (see above), so npm test fails whatever the tests say');
process.exit(lint.status !== 0 ? lint.status || 1 : jest.status || playwright.status || 0);
