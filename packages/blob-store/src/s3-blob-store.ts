import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { BlobNotFoundError, isSha256, sha256Of, verified, type BlobStore, type StoredBlob } from './blob-store';

export interface S3BlobStoreOptions {
  /** The S3 API's URL (MinIO, Ceph, a province's object store); unset: AWS's own for the region. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Unset: the SDK's default chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Server-side encryption asked of the store for every object ('AES256' or 'aws:kms'). */
  serverSideEncryption?: ServerSideEncryption;
  /** The KMS key for 'aws:kms'; unset: the bucket's default key. */
  kmsKeyId?: string;
}

/**
 * The documents in a bucket of an S3-compatible store, under the same contract as the folder:
 * the key is the content's SHA-256 (behind a two-character prefix, as the folder's subfolders),
 * a put of content already there writes nothing, and every read is hashed again.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: options.credentials,
      // Path-style (endpoint/bucket/key): MinIO and most on-premises stores have no wildcard DNS for buckets.
      forcePathStyle: true,
      // The SDK's default CRC32 checksums (and their aws-chunked bodies) are not understood by every
      // S3-compatible store; each put carries the content's SHA-256 instead, and reads are hashed here.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Where the documents are, for operators' messages (never the credentials). */
  get location(): string {
    return `bucket ${this.options.bucket} at ${this.options.endpoint ?? `AWS ${this.options.region}`}`;
  }

  private keyOf(sha256: string): string {
    if (!isSha256(sha256)) throw new BlobNotFoundError(sha256);
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(content: Buffer): Promise<StoredBlob> {
    const sha256 = sha256Of(content);
    if (!(await this.has(sha256))) {
      // Two puts of the same content at once both write the same bytes: the last one wins, unchanged.
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.keyOf(sha256),
          Body: content,
          ContentLength: content.length,
          ContentType: 'application/octet-stream',
          // A store that checks it refuses bytes damaged on the way.
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          ServerSideEncryption: this.options.serverSideEncryption,
          SSEKMSKeyId: this.options.kmsKeyId,
        }),
      );
    }
    return { sha256, sizeBytes: content.length };
  }

  async get(sha256: string): Promise<Buffer> {
    const key = this.keyOf(sha256);
    let content: Buffer;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      content = Buffer.from(await object.Body!.transformToByteArray());
    } catch (err) {
      // Only a missing object is "not found"; a store that is down or refuses our keys must show as such.
      if (isNotFound(err)) throw new BlobNotFoundError(sha256);
      throw err;
    }
    return verified(sha256, content);
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async delete(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
  }

  /** Closes the client's kept-alive connections (at shutdown, and after a test). */
  close(): void {
    this.client.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException) || err.name === 'NoSuchBucket') return false;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404;
}
