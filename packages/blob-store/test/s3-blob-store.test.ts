import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreFromEnv, BlobNotFoundError, FileBlobStore, sha256Of, type S3BlobStore } from '../src';
import { describeBlobStoreContract } from './blob-store-contract';
import { startS3TestServer, type S3TestServer } from './s3-test-server';

let server: S3TestServer;
const opened: S3BlobStore[] = [];
beforeAll(async () => {
  server = await startS3TestServer();
});
afterAll(async () => {
  for (const store of opened) store.close();
  await server.stop();
});

/** A store on a bucket of its own, as blobStoreFromEnv builds it from the environment. */
async function s3Store(extra: NodeJS.ProcessEnv = {}): Promise<{ store: S3BlobStore; bucket: string }> {
  const bucket = `blobs-${randomUUID().slice(0, 8)}`;
  await server.createBucket(bucket);
  const store = blobStoreFromEnv(
    {
      BLOB_STORE: 's3',
      S3_ENDPOINT: server.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: server.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
      ...extra,
    },
    '/nonexistent',
  ) as S3BlobStore;
  opened.push(store);
  return { store, bucket };
}

describeBlobStoreContract('S3 (s3rver)', async () => {
  const { store, bucket } = await s3Store();
  return {
    store,
    storedCount: async () => (await server.keys(bucket)).length,
    tamper: (sha256, content) => server.overwrite(bucket, `${sha256.slice(0, 2)}/${sha256}`, content),
    cleanUp: async () => undefined,
  };
});

describe('the S3 blob store on the wire', () => {
  it('keys each document by its SHA-256 behind a two-character prefix, path-style, with the hash for the store to check', async () => {
    const { store, bucket } = await s3Store();
    const content = Buffer.from('%PDF-1.4 quyết định');
    const sha256 = sha256Of(content);
    const from = server.requests.length;
    await store.put(content);
    expect(await server.keys(bucket)).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
    const put = server.requests.slice(from).find((r) => r.method === 'PUT')!;
    expect(put.url.split('?')[0]).toBe(`/${bucket}/${sha256.slice(0, 2)}/${sha256}`);
    expect(put.headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha256, 'hex').toString('base64'));
    expect(put.headers['x-amz-server-side-encryption']).toBeUndefined();
  });

  it('writes nothing when the content is already there', async () => {
    const { store } = await s3Store();
    await store.put(Buffer.from('already there'));
    const from = server.requests.length;
    await store.put(Buffer.from('already there'));
    expect(server.requests.slice(from).map((r) => r.method)).toEqual(['HEAD']);
  });

  it.each([
    [{ S3_SSE: 'AES256' }, { 'x-amz-server-side-encryption': 'AES256' }],
    [
      { S3_SSE: 'aws:kms', S3_SSE_KMS_KEY_ID: 'onestop-documents' },
      { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': 'onestop-documents' },
    ],
  ])('asks the store to encrypt every document with %j', async (env, headers) => {
    const { store } = await s3Store(env);
    const from = server.requests.length;
    await store.put(Buffer.from(`encrypted ${JSON.stringify(env)}`));
    const put = server.requests.slice(from).find((r) => r.method === 'PUT')!;
    expect(put.headers).toMatchObject(headers);
  });

  it('reports a store that cannot be reached as an error, never as a missing document', async () => {
    const store = blobStoreFromEnv(
      {
        BLOB_STORE: 's3',
        S3_ENDPOINT: 'http://127.0.0.1:1',
        S3_BUCKET: 'nowhere',
        S3_ACCESS_KEY_ID: 'x',
        S3_SECRET_ACCESS_KEY: 'y',
      },
      '/nonexistent',
    ) as S3BlobStore;
    opened.push(store);
    const read = store.get('0'.repeat(64));
    await expect(read).rejects.toThrow();
    await expect(read).rejects.not.toBeInstanceOf(BlobNotFoundError);
  });

  it('reports a bucket that does not exist as an error, never as a missing document', async () => {
    const store = blobStoreFromEnv(
      {
        BLOB_STORE: 's3',
        S3_ENDPOINT: server.endpoint,
        S3_BUCKET: 'no-such-bucket',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
      '/nonexistent',
    ) as S3BlobStore;
    opened.push(store);
    const read = store.get('0'.repeat(64));
    await expect(read).rejects.toThrow(/bucket/i);
    await expect(read).rejects.not.toBeInstanceOf(BlobNotFoundError);
  });
});

describe('choosing the blob store from the environment', () => {
  it('keeps documents in a folder under DATA_DIR by default', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-'));
    try {
      const store = blobStoreFromEnv({}, dataDir);
      expect(store).toBeInstanceOf(FileBlobStore);
      const { sha256 } = await store.put(Buffer.from('in the folder'));
      expect(await new FileBlobStore(join(dataDir, 'blobs')).has(sha256)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ BLOB_STORE: 'disk' }, /BLOB_STORE=disk is not a blob store/],
    [{ BLOB_STORE: 's3' }, /needs S3_BUCKET/],
    [
      { BLOB_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-the-id' },
      /both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    ],
    [{ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_SSE: 'yes' }, /S3_SSE=yes must be one of AES256, aws:kms/],
    [{ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_SSE_KMS_KEY_ID: 'k' }, /needs S3_SSE=aws:kms/],
    [{ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }, /must be an http\(s\) URL/],
  ])('refuses %j at start, saying what to set', (env, message) => {
    expect(() => blobStoreFromEnv(env, '.data')).toThrow(message);
  });
});
