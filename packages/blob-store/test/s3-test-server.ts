import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/**
 * A real S3-protocol server in the test's process: s3rver (pure JavaScript, from npm, so CI needs
 * no Docker and no Python) on a free loopback port, storing under a temporary folder that
 * stop() removes. It keeps the headers of every request so that tests can see what reached it.
 */
export interface S3TestServer {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Headers of every request received, oldest first. */
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  /** A raw client, for acting behind a store's back. */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  keys(bucket: string): Promise<string[]>;
  /** Writes bytes under a key directly, as an intruder or a broken disk would. */
  overwrite(bucket: string, key: string, content: Buffer): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  // s3rver accepts only its own fixed key pair.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = (await server.run()) as AddressInfo;
  const requests: S3TestServer['requests'] = [];
  const http = (server as unknown as { httpServer: Server }).httpServer;
  http.on('request', (req) => requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    credentials,
    requests,
    client,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async keys(bucket) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys;
    },
    async overwrite(bucket, key, content) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content }));
    },
    async stop() {
      client.destroy();
      http.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
