#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.mjs), the layering rule (.dependency-cruiser.cjs) and Prettier's check
// (.prettierrc.json). All three always run, so that one run shows every kind of problem; the exit code is 1 if
// any failed, and the last line names them.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
// (their package.json exports do not list the command-line scripts, so they are found by path)
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const steps = [
  ['eslint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
  [
    'layers (dependency-cruiser)',
    [
      bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'packages',
      'services',
      'gateway',
      'scripts',
      'test',
      'portal/src',
      'portal/tests',
    ],
  ],
  ['prettier --check', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
];
const failed = [];
for (const [name, args] of steps) {
  console.log(`lint: ${name}`);
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
console.log(failed.length ? `lint: FAILED: ${failed.join(', ')}` : 'lint: eslint, layers and prettier passed');
process.exit(failed.length ? 1 : 0);
