import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}

/** Content that no longer matches its hash: never served, always reported. */
export class BlobIntegrityError extends Error {
  constructor(readonly sha256: string) {
    super(`Blob ${sha256} does not match its hash`);
  }
}

/**
 * How many reads found content that no longer matches its hash, since the process started: a
 * metric for the operators (any value above 0 means a corrupted or tampered store).
 */
export const blobIntegrityFailures = { count: 0 };

/** Content read back from any store, served only if it still matches its hash (counted otherwise). */
export function verified(sha256: string, content: Buffer): Buffer {
  if (sha256Of(content) === sha256) return content;
  blobIntegrityFailures.count += 1;
  throw new BlobIntegrityError(sha256);
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`Blob ${sha256} not found`);
  }
}

/**
 * Content-addressed store of documents: identical bytes are stored once under their SHA-256,
 * and content is hashed again on every read. A folder by default (under .data/), or a bucket of
 * an S3-compatible store (S3BlobStore), chosen by blobStoreFromEnv.
 */
export interface BlobStore {
  put(content: Buffer): Promise<StoredBlob>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** For callers that wrote a blob in a transaction that then failed and no row refers to it. */
  delete(sha256: string): Promise<void>;
}

/** A blob's address: 64 lowercase hex digits, and nothing that could name another path or key. */
export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new BlobNotFoundError(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer): Promise<StoredBlob> {
    const sha256 = sha256Of(content);
    const path = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(dirname(path), { recursive: true });
      // Write then rename: a reader never sees half a file. A temporary name of its own per put:
      // two puts of the same content in the same millisecond must not rename each other's file.
      const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(temp, content);
      await rename(temp, path);
    }
    return { sha256, sizeBytes: content.length };
  }

  async get(sha256: string): Promise<Buffer> {
    let content: Buffer;
    try {
      content = await readFile(this.pathOf(sha256));
    } catch {
      throw new BlobNotFoundError(sha256);
    }
    return verified(sha256, content);
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    await unlink(this.pathOf(sha256)).catch(() => undefined);
  }
}
