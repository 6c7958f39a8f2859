export * from './blob-store';
export * from './uploads';
