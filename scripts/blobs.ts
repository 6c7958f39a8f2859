/**
 * npm run blobs -- migrate [--from FOLDER] [--dry-run] [--concurrency N]
 * Copies the documents of a folder store (default: DATA_DIR/blobs, as `npm start` keeps them)
 * into the S3 store that the environment names (BLOB_STORE=s3, S3_BUCKET, S3_ENDPOINT, ...; the
 * same variables the services read), reads each copy back and checks its SHA-256. The folder is
 * left as it was; a second run copies nothing and verifies everything again, a stopped run goes
 * on where it stopped. Exit code 1 when any document is corrupt in the folder or failed to copy.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { blobStoreFromEnv, migrateFolderBlobs, S3BlobStore, type MigrationReport } from '@onestop/blob-store';
import { DATA_DIR } from './platform-env';

const USAGE = 'usage: npm run blobs -- migrate [--from FOLDER] [--dry-run] [--concurrency N]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, 'dry-run': { type: 'boolean' }, concurrency: { type: 'string' } },
  });
  if (positionals[0] !== 'migrate' || positionals.length !== 1) throw new Error(USAGE);
  const concurrency = Number(values.concurrency ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`--concurrency ${values.concurrency} must be a positive integer`);
  const from = values.from ?? join(DATA_DIR, 'blobs');
  if (process.env.BLOB_STORE !== 's3')
    throw new Error(
      'Set BLOB_STORE=s3 and the S3_ variables of the store to migrate to (see the README, "Documents on S3")',
    );
  const target = blobStoreFromEnv(process.env, DATA_DIR) as S3BlobStore;
  const dryRun = Boolean(values['dry-run']);
  console.log(`${dryRun ? 'dry run: ' : ''}documents of the folder ${from} → ${target.location}`);
  try {
    const report = await migrateFolderBlobs(from, target, {
      dryRun,
      concurrency,
      onProgress: (r) => console.log(`… ${r.found} documents examined`),
    });
    console.log(summary(report, dryRun));
    for (const sha256 of report.corruptInFolder) console.log(`corrupt in the folder, not copied: ${sha256}`);
    for (const { sha256, error } of report.failed) console.log(`failed: ${sha256}: ${error}`);
    process.exitCode = report.corruptInFolder.length || report.failed.length ? 1 : 0;
  } finally {
    target.close();
  }
}

function summary(r: MigrationReport, dryRun: boolean): string {
  const moved = dryRun ? `${r.wouldCopy} to copy` : `${r.copied} copied`;
  const checked = dryRun
    ? 'nothing written'
    : `${r.copied + r.alreadyThere} read back from the bucket with their SHA-256 checked`;
  return `${r.found} documents in the folder: ${moved}, ${r.alreadyThere} already in the bucket, ${r.corruptInFolder.length} corrupt in the folder, ${r.failed.length} failed; ${checked}`;
}

main().catch((err) => {
  // Not service-kit's errorLine: loading the services' libraries would double this command's start.
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
