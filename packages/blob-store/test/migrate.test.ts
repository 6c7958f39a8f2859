import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { FileBlobStore, sha256Of } from '../src';
import { S3BlobStore } from '../src/s3-blob-store';
import { startS3TestServer, type S3TestServer } from './s3-test-server';

const ROOT = join(__dirname, '..', '..', '..');
const keyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

/** `npm run blobs -- <args>` as an operator runs it (asynchronously: the S3 server answers from this process). */
function blobs(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './scripts/register.js', 'scripts/blobs.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code) : 0, output: stdout + stderr });
      },
    );
  });
}

jest.setTimeout(180_000);

describe('npm run blobs -- migrate', () => {
  let server: S3TestServer;
  let dataDir: string;
  let bucket: string;
  let env: NodeJS.ProcessEnv;
  let bucketStore: S3BlobStore;
  const documents = Array.from({ length: 30 }, (_, i) => Buffer.from(`%PDF-1.4 hồ sơ số ${i} ${'x'.repeat(i * 1000)}`));

  beforeAll(async () => {
    server = await startS3TestServer();
    dataDir = mkdtempSync(join(tmpdir(), 'migrate-'));
    bucket = `documents-${randomUUID().slice(0, 8)}`;
    await server.createBucket(bucket);
    env = {
      DATA_DIR: dataDir,
      BLOB_STORE: 's3',
      S3_ENDPOINT: server.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: server.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
    };
    bucketStore = new S3BlobStore({
      endpoint: server.endpoint,
      bucket,
      region: 'us-east-1',
      credentials: server.credentials,
    });
    const folder = new FileBlobStore(join(dataDir, 'blobs'));
    for (const content of documents) await folder.put(content);
  });
  afterAll(async () => {
    bucketStore.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves every document of the folder to the bucket, verified, and can be run again and resumed', async () => {
    // A file whose bytes no longer match its name, and a put's leftover temporary file.
    const corrupt = sha256Of(Buffer.from('a scan that the disk damaged'));
    mkdirSync(join(dataDir, 'blobs', corrupt.slice(0, 2), corrupt.slice(2, 4)), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', corrupt.slice(0, 2), corrupt.slice(2, 4), corrupt), 'damaged');
    writeFileSync(join(dataDir, 'blobs', `${corrupt}.123.tmp`), 'half written');

    const dry = await blobs(['migrate', '--dry-run'], env);
    expect(dry.output).toContain(
      '31 documents in the folder: 30 to copy, 0 already in the bucket, 1 corrupt in the folder, 0 failed; nothing written',
    );
    expect(await server.keys(bucket)).toEqual([]);

    const first = await blobs(['migrate'], env);
    expect(first.output).toContain(
      '31 documents in the folder: 30 copied, 0 already in the bucket, 1 corrupt in the folder, 0 failed; 30 read back',
    );
    expect(first.output).toContain(`corrupt in the folder, not copied: ${corrupt}`);
    expect(first.code).toBe(1);
    expect((await server.keys(bucket)).sort()).toEqual(documents.map((d) => keyOf(sha256Of(d))).sort());
    for (const content of documents) expect((await bucketStore.get(sha256Of(content))).equals(content)).toBe(true);

    // As if the first run had stopped a third of the way: the next one copies only what is missing.
    rmSync(join(dataDir, 'blobs', corrupt.slice(0, 2), corrupt.slice(2, 4), corrupt));
    for (const content of documents.slice(0, 10))
      await server.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256Of(content)) }));
    const resumed = await blobs(['migrate', '--concurrency', '2'], env);
    expect(resumed.output).toContain(
      '30 documents in the folder: 10 copied, 20 already in the bucket, 0 corrupt in the folder, 0 failed; 30 read back',
    );
    expect(resumed.code).toBe(0);

    const again = await blobs(['migrate', '--from', join(dataDir, 'blobs')], env);
    expect(again.output).toContain(
      '30 documents in the folder: 0 copied, 30 already in the bucket, 0 corrupt in the folder, 0 failed',
    );
    expect(again.code).toBe(0);
  });

  it('reports a copy in the bucket that does not match its hash', async () => {
    const victim = sha256Of(documents[3]);
    await server.overwrite(bucket, keyOf(victim), Buffer.from('replaced in the bucket'));
    const run = await blobs(['migrate'], env);
    expect(run.output).toContain('0 copied, 29 already in the bucket, 0 corrupt in the folder, 1 failed');
    expect(run.output).toContain(`failed: ${victim}: Blob ${victim} does not match its hash`);
    expect(run.code).toBe(1);
  });

  it('refuses to run without an S3 store to migrate to, or without a folder', async () => {
    const noTarget = await blobs(['migrate'], { ...env, BLOB_STORE: '' });
    expect(noTarget.output).toContain('Set BLOB_STORE=s3');
    expect(noTarget.code).toBe(2);
    const noFolder = await blobs(['migrate', '--from', join(dataDir, 'nowhere')], env);
    expect(noFolder.output).toMatch(/ENOENT.*nowhere/);
    expect(noFolder.code).toBe(2);
    const usage = await blobs(['migrate-all'], env);
    expect(usage.output).toContain('usage: npm run blobs -- migrate');
  });
});
