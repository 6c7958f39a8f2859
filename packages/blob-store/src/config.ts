import { join } from 'node:path';
import { FileBlobStore, type BlobStore } from './blob-store';
import type * as S3 from './s3-blob-store';

const SSE_MODES = ['AES256', 'aws:kms'] as const;

/**
 * The documents' store named by the environment, read once at start: BLOB_STORE=file (default, a
 * folder under DATA_DIR) or BLOB_STORE=s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_SSE, S3_SSE_KMS_KEY_ID). Every service that stores or serves documents
 * must be given the same one.
 */
export function blobStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): BlobStore {
  const kind = env.BLOB_STORE || 'file';
  if (kind === 'file') return new FileBlobStore(join(dataDir, 'blobs'));
  if (kind !== 's3') throw new Error(`BLOB_STORE=${kind} is not a blob store; use file or s3`);
  if (!env.S3_BUCKET) throw new Error('BLOB_STORE=s3 needs S3_BUCKET (and S3_ENDPOINT for a store other than AWS)');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the SDK\'s default credentials)');
  }
  const sse = env.S3_SSE || undefined;
  if (sse && !(SSE_MODES as readonly string[]).includes(sse)) throw new Error(`S3_SSE=${sse} must be one of ${SSE_MODES.join(', ')} (or unset)`);
  if (env.S3_SSE_KMS_KEY_ID && sse !== 'aws:kms') throw new Error('S3_SSE_KMS_KEY_ID needs S3_SSE=aws:kms');
  if (env.S3_ENDPOINT && !/^https?:\/\//.test(env.S3_ENDPOINT)) throw new Error(`S3_ENDPOINT=${env.S3_ENDPOINT} must be an http(s) URL`);
  // Loaded here, not at the top: the AWS SDK costs each process about 22 MB and half a second to
  // load, which a platform on the folder store should not pay.
  const { S3BlobStore } = require('./s3-blob-store') as typeof S3;
  return new S3BlobStore({
    endpoint: env.S3_ENDPOINT || undefined,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    credentials: env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! } : undefined,
    serverSideEncryption: sse as (typeof SSE_MODES)[number] | undefined,
    kmsKeyId: env.S3_SSE_KMS_KEY_ID || undefined,
  });
}
