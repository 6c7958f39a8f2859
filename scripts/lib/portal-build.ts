/**
 * Builds the web portal (portal/ → portal/dist) when its sources changed since the last build:
 * a hash of the sources is kept beside the output (portal/dist/.source-hash, git-ignored with
 * dist/), so a restart with unchanged sources starts at once.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../platform-env';

export const PORTAL = join(ROOT, 'portal');
const DIST = join(PORTAL, 'dist');
const HASH_FILE = join(DIST, '.source-hash');
/** What the build reads: the sources, the page, the build configuration and the dependencies' versions. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => files(join(path, entry)));
}

export function portalSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(PORTAL, input)))) {
    hash.update(relative(PORTAL, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the portal unless the build on disk was made from the same sources. Resolves to what it did. */
export async function ensurePortalBuilt(
  log: (line: string) => void = () => undefined,
): Promise<'built' | 'up to date'> {
  const hash = portalSourceHash();
  if (existsSync(join(DIST, 'index.html')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hash)
    return 'up to date';
  log('building the web portal (its sources changed)…');
  const started = Date.now();
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [PORTAL] })), 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    // Always the production build: under jest (NODE_ENV=test) or a development start, Vite would
    // otherwise bundle React's development build, three times the weight and slower.
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: PORTAL,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the portal's build failed (exit ${code})`)),
    );
  });
  writeFileSync(HASH_FILE, hash + '\n');
  log(`web portal built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (require.main === module) {
  ensurePortalBuilt(console.log).then(
    (r) => console.log(r),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
