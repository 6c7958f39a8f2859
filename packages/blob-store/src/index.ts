export * from './blob-store';
export * from './s3-blob-store';
export * from './config';
export * from './uploads';
export * from './migrate';
