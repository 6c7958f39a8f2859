import { z } from 'zod';
import { join } from 'node:path';
import { FileBlobStore, type BlobStore } from './blob-store';
import type * as S3 from './s3-blob-store';

const SSE_MODES = ['AES256', 'aws:kms'] as const;

/** Where the documents are kept, as the environment names it (checked, typed). */
export type BlobStoreSettings =
  | { kind: 'file' }
  | {
      kind: 's3';
      bucket: string;
      endpoint?: string;
      region: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      serverSideEncryption?: (typeof SSE_MODES)[number];
      kmsKeyId?: string;
    };

const S3_VARIABLES = [
  'BLOB_STORE',
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_SSE',
  'S3_SSE_KMS_KEY_ID',
] as const;

/**
 * The documents' store named by the environment, checked once at start: BLOB_STORE=file (default, a
 * folder under DATA_DIR) or BLOB_STORE=s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_SSE, S3_SSE_KMS_KEY_ID). Every service that stores or serves documents
 * must be given the same one.
 */
export function blobStoreSettings(env: Record<string, string | undefined>): BlobStoreSettings {
  const kind = env.BLOB_STORE || 'file';
  if (kind === 'file') return { kind: 'file' };
  if (kind !== 's3') throw new Error(`BLOB_STORE=${kind} is not a blob store; use file or s3`);
  if (!env.S3_BUCKET) throw new Error('BLOB_STORE=s3 needs S3_BUCKET (and S3_ENDPOINT for a store other than AWS)');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error(
      "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the SDK's default credentials)",
    );
  }
  const sse = env.S3_SSE || undefined;
  if (sse && !(SSE_MODES as readonly string[]).includes(sse))
    throw new Error(`S3_SSE=${sse} must be one of ${SSE_MODES.join(', ')} (or unset)`);
  if (env.S3_SSE_KMS_KEY_ID && sse !== 'aws:kms') throw new Error('S3_SSE_KMS_KEY_ID needs S3_SSE=aws:kms');
  if (env.S3_ENDPOINT && !/^https?:\/\//.test(env.S3_ENDPOINT))
    throw new Error(`S3_ENDPOINT=${env.S3_ENDPOINT} must be an http(s) URL`);
  return {
    kind: 's3',
    endpoint: env.S3_ENDPOINT || undefined,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    credentials: env.S3_ACCESS_KEY_ID
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! }
      : undefined,
    serverSideEncryption: sse as (typeof SSE_MODES)[number] | undefined,
    kmsKeyId: env.S3_SSE_KMS_KEY_ID || undefined,
  };
}

/**
 * The blob store's variables as part of a process's configuration schema (zod): a wrong setting is
 * one of the problems the process lists at start, named by the variable it is about.
 */
export const blobStoreEnv = z
  .object(
    Object.fromEntries(S3_VARIABLES.map((name) => [name, z.string().optional()])) as Record<
      (typeof S3_VARIABLES)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .transform((env, ctx) => {
    try {
      return blobStoreSettings(env);
    } catch (err) {
      const message = (err as Error).message;
      const about = S3_VARIABLES.find((name) => message.startsWith(name)) ?? 'BLOB_STORE';
      ctx.addIssue({ code: 'custom', path: [about], message });
      return z.NEVER;
    }
  });

/** The store the settings name. */
export function openBlobStore(settings: BlobStoreSettings, dataDir: string): BlobStore {
  if (settings.kind === 'file') return new FileBlobStore(join(dataDir, 'blobs'));
  // Loaded here, not at the top: the AWS SDK costs each process about 22 MB and half a second to
  // load, which a platform on the folder store should not pay.
  const { S3BlobStore } = require('./s3-blob-store') as typeof S3;
  const { kind: _kind, ...config } = settings;
  return new S3BlobStore(config);
}

/** The store an environment names (scripts and tests; a service takes its settings from its parsed configuration). */
export function blobStoreFromEnv(env: Record<string, string | undefined>, dataDir: string): BlobStore {
  return openBlobStore(blobStoreSettings(env), dataDir);
}
