import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBlobStoreContract } from '../test/blob-store-contract';
import { FileBlobStore, sha256Of } from './blob-store';

const files = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describeBlobStoreContract('the folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'blobs-'));
  return {
    store: new FileBlobStore(root),
    storedCount: async () => files(root).length,
    tamper: async (sha256, content) =>
      writeFileSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), content),
    cleanUp: async () => rmSync(root, { recursive: true, force: true }),
  };
});

describe('file blob store under concurrent writes', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'blobs-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('leaves no temporary file behind when the same bytes are put fifty times at once', async () => {
    const store = new FileBlobStore(root);
    const content = Buffer.from('%PDF-1.4 the same scan, sent fifty times at once');
    await Promise.all(Array.from({ length: 50 }, () => store.put(content)));
    expect(files(root)).toEqual([sha256Of(content)]);
  });
});
