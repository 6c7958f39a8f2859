/**
 * npm run backup -- <dir>            PostgreSQL (pg_dump, one snapshot, without the queues) and the blob folder, into <dir>
 * npm run restore -- <dir> <database> into a new database on the same server, the blobs into DATA_DIR; then `npm start`
 *                                     with DATABASE_URL naming it, and `npm run stats:reconcile` (README "Backups and restore").
 * DATABASE_URL: a superuser's (the embedded PostgreSQL's when unset), DATA_DIR: the platform's data folder.
 */
import { resolve } from 'node:path';
import { errorLine } from '@onestop/service-kit';
import { DATA_DIR, resolveDatabaseUrl } from './platform-env';
import { backupPlatform, restorePlatform } from './lib/backup';

async function main() {
  const [command, dir, database] = process.argv.slice(2);
  const databaseUrl = await resolveDatabaseUrl();
  if (command === 'backup' && dir) {
    const result = await backupPlatform({ databaseUrl, dataDir: DATA_DIR, to: resolve(dir) });
    console.log(`backup in ${result.dir}: database ${(result.dumpBytes / 1e6).toFixed(1)} MB, ${result.blobs} blobs`);
  } else if (command === 'restore' && dir && database) {
    const result = await restorePlatform({ from: resolve(dir), adminUrl: databaseUrl, database, dataDir: DATA_DIR });
    const url = new URL(result.databaseUrl);
    url.password = url.password ? '…' : '';
    console.log(`restored into ${url}: ${result.blobs} blobs; ${result.resent} events will be sent again to the subscribers that had not applied them.
Next: start the platform with DATABASE_URL naming that database, then \`npm run stats:reconcile\` with the same DATABASE_URL.`);
  } else {
    console.error('usage: npm run backup -- <dir>   |   npm run restore -- <dir> <new database name>');
    process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
