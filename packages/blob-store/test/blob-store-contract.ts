import { randomBytes } from 'node:crypto';
import { BlobIntegrityError, BlobNotFoundError, blobIntegrityFailures, sha256Of, type BlobStore } from '../src';

/** One store under test, fresh and empty, with what the contract needs to see behind its back. */
export interface BlobStoreUnderTest {
  store: BlobStore;
  /** How many documents the store holds, counted in its medium (files, objects). */
  storedCount(): Promise<number>;
  /** Replaces the stored bytes of a blob without going through the store. */
  tamper(sha256: string, content: Buffer): Promise<void>;
  cleanUp(): Promise<void>;
}

/**
 * What every BlobStore promises, written once and run against each implementation (the folder,
 * S3), so that a service cannot tell which one it was given.
 */
export function describeBlobStoreContract(name: string, open: () => Promise<BlobStoreUnderTest>): void {
  describe(`${name}: the blob store contract`, () => {
    let subject: BlobStoreUnderTest;
    let store: BlobStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.cleanUp());

    it('returns what was stored, addressed by its SHA-256', async () => {
      const content = Buffer.from('Giấy khai sinh');
      const stored = await store.put(content);
      expect(stored).toEqual({ sha256: sha256Of(content), sizeBytes: content.length });
      expect((await store.get(stored.sha256)).equals(content)).toBe(true);
    });

    it('returns a scanned document of several megabytes byte for byte', async () => {
      const scan = randomBytes(3 * 1024 * 1024 + 7);
      const { sha256 } = await store.put(scan);
      expect((await store.get(sha256)).equals(scan)).toBe(true);
    });

    it('stores identical bytes once', async () => {
      await store.put(Buffer.from('same'));
      await store.put(Buffer.from('same'));
      expect(await subject.storedCount()).toBe(1);
    });

    it('says whether it holds a document', async () => {
      const content = Buffer.from('%PDF-1.4 a decision');
      expect(await store.has(sha256Of(content))).toBe(false);
      await store.put(content);
      expect(await store.has(sha256Of(content))).toBe(true);
      expect(await store.has('../../etc/passwd')).toBe(false);
    });

    it('refuses to serve content that was altered behind its back, and counts it', async () => {
      const { sha256 } = await store.put(Buffer.from('original'));
      await subject.tamper(sha256, Buffer.from('tampered'));
      const before = blobIntegrityFailures.count;
      await expect(store.get(sha256)).rejects.toBeInstanceOf(BlobIntegrityError);
      expect(blobIntegrityFailures.count).toBe(before + 1);
    });

    it('says plainly when content is missing', async () => {
      await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('deletes a document, and deleting one that is not there is no error', async () => {
      const { sha256 } = await store.put(Buffer.from('written by a transaction that then failed'));
      await store.delete(sha256);
      expect(await store.has(sha256)).toBe(false);
      await expect(store.get(sha256)).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await subject.storedCount()).toBe(0);
      await expect(store.delete(sha256)).resolves.toBeUndefined();
      await expect(store.delete('../../etc/passwd')).resolves.toBeUndefined();
    });

    it('stores the same bytes put fifty times at once, once', async () => {
      const content = Buffer.from('%PDF-1.4 the same scan, sent fifty times at once');
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => store.put(content)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect((await store.get(sha256Of(content))).equals(content)).toBe(true);
      expect(await subject.storedCount()).toBe(1);
    });
  });
}
