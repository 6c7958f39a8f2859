export * from './blob-store';
// Types only: the AWS SDK is loaded when BLOB_STORE=s3 asks for it (blobStoreFromEnv).
export type { S3BlobStore, S3BlobStoreOptions } from './s3-blob-store';
export * from './config';
export * from './migrate';
export * from './uploads';
