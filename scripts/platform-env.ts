import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const DATA_DIR = process.env.DATA_DIR ?? join(ROOT, '.data');
const EMBEDDED_STATE = join(DATA_DIR, 'postgres.json');
export const EMBEDDED_DATABASE = 'onestop';

interface EmbeddedState {
  port: number;
  password: string;
}

/** DATABASE_URL, or the embedded PostgreSQL's (which `npm start` runs under .data/). */
export async function resolveDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const state = await embeddedState();
  return `postgres://postgres:${state.password}@127.0.0.1:${state.port}/${EMBEDDED_DATABASE}`;
}

/** The embedded server's port and password, chosen once and kept under .data/ so that a restart finds its data. */
export async function embeddedState(): Promise<EmbeddedState> {
  if (existsSync(EMBEDDED_STATE)) return JSON.parse(readFileSync(EMBEDDED_STATE, 'utf8'));
  mkdirSync(DATA_DIR, { recursive: true });
  const state = { port: await freePort(54329), password: 'onestop-dev' };
  writeFileSync(`${EMBEDDED_STATE}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${EMBEDDED_STATE}.tmp`, EMBEDDED_STATE); // whole or absent: a start killed while writing leaves no torn file
  return state;
}

/**
 * The secret that signs citizens' result download links: DOWNLOAD_LINK_SECRET, or one generated
 * at the first start and kept beside the data (mode 0600), so that links survive a restart and no
 * two installations share one. Production must set it: a secret on the container's disk would
 * differ between replicas.
 */
export function downloadLinkSecret(env: NodeJS.ProcessEnv = process.env, dataDir = DATA_DIR): string {
  if (env.DOWNLOAD_LINK_SECRET) return env.DOWNLOAD_LINK_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'DOWNLOAD_LINK_SECRET must be set in production: every delivery process signs and verifies result download links with it (e.g. `openssl rand -hex 32`).',
    );
  }
  const file = join(dataDir, 'download-link.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another start wrote it a moment ago: theirs is the one.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
  return secret;
}

/** The first free port from `start` on (5432 may belong to a PostgreSQL already on the machine). */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${start} and ${start + 100}`);
}
