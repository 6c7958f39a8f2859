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
