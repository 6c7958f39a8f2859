import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobIntegrityError, BlobNotFoundError, FileBlobStore, sha256Of } from './blob-store';

describe('file blob store', () => {
  let root: string;
  let store: FileBlobStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'blobs-'));
    store = new FileBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns what was stored, addressed by its SHA-256', async () => {
    const content = Buffer.from('Giấy khai sinh');
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: sha256Of(content), sizeBytes: content.length });
    expect((await store.get(stored.sha256)).equals(content)).toBe(true);
  });

  it('stores identical bytes once', async () => {
    await store.put(Buffer.from('same'));
    await store.put(Buffer.from('same'));
    const files = readdirSync(root, { recursive: true }).filter((f) => String(f).length > 10);
    expect(files).toHaveLength(1);
  });

  it('refuses to serve content that was altered on disk', async () => {
    const { sha256 } = await store.put(Buffer.from('original'));
    writeFileSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'tampered');
    await expect(store.get(sha256)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('says plainly when content is missing', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});

describe('file blob store under concurrent writes', () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'blobs-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores the same bytes put fifty times at once, once, with no temporary file left', async () => {
    const store = new FileBlobStore(root);
    const content = Buffer.from('%PDF-1.4 the same scan, sent fifty times at once');
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => store.put(content)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await store.get(sha256Of(content))).equals(content)).toBe(true);
    expect(readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
