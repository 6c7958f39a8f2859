import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FullConfig } from '@playwright/test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the platform as `npm start` does (scripts/start.ts in a child process) on a fresh database
 * of the machine's PostgreSQL, a DATA_DIR under /tmp and ports of its own; the returned function
 * stops it and drops the database.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const base = Number(process.env.PORTAL_E2E_BASE);
  // While writing tests: a platform already running on PORTAL_E2E_BASE with E2E_JWT_SECRET as its secret.
  if (process.env.PORTAL_E2E_REUSE) return async () => undefined;
  const name = `onestop_portal_e2e_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-portal-e2e-'));
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  process.env.E2E_JWT_SECRET = randomBytes(24).toString('hex');
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    PORT: String(base),
    INTAKE_PORT: String(base + 1),
    PROCESSING_PORT: String(base + 2),
    DELIVERY_PORT: String(base + 3),
    STATISTICS_PORT: String(base + 4),
    AUTH_JWT_SECRET: process.env.E2E_JWT_SECRET,
    PUBLIC_URL: `http://localhost:${base}`,
    SLA_SWEEP_EVERY_MS: '5000',
    // A notification that cannot be sent fails its six attempts in seconds, not a minute (admin.spec.ts).
    NOTIFICATION_BACKOFF_MS: '100',
    REDIS_URL: '',
    // An identity provider nobody answers at (the last port of this run's ten): /login offers its
    // sign-in beside the demo users, and a sign-in there ends back on /login saying it failed
    // (login.spec.ts; the sign-in itself is tested against a real provider in gateway/src/oidc).
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${base + 9}/realms/onestop`,
    AUTH_OIDC_CLIENT_ID: 'onestop-portal',
    NODE_ENV: 'development',
    // The demo history is off here: these tests follow their own dossiers on the first page of an
    // inbox or a returns desk, which hundreds of history dossiers ordered by deadline would push
    // off it, and its import would run under the tests on the same cores. A test that wants the
    // history sets DEMO_HISTORY for the run.
    DEMO_HISTORY: process.env.DEMO_HISTORY ?? '0',
  };
  const child: ChildProcess = spawn(process.execPath, ['-r', './scripts/register.js', 'scripts/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the platform did not start in 240 s:\n${output.slice(-3000)}`)),
      240_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('One-stop platform is up')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output.slice(-3000)}`));
    });
  }).catch(async (err) => {
    child.kill('SIGINT');
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  child.removeAllListeners('exit');
  void config;

  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
