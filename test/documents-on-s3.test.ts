import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { blobIntegrityFailures, sha256Of, type S3BlobStore } from '@onestop/blob-store';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { startS3TestServer, type S3TestServer } from '../packages/blob-store/test/s3-test-server';

/**
 * The platform with BLOB_STORE=s3: an applicant's scan goes into the bucket, not onto the disk,
 * comes back through the gateway, and is refused once altered in the bucket.
 */
let server: S3TestServer;
let platform: TestPlatform;
let recordId: string;
let officer: string;
const BUCKET = 'onestop-documents';
const PDF = Buffer.from('%PDF-1.4\n% Giấy khai sinh, bản chụp\n%%EOF\n');
const ENV = (endpoint: string) => ({
  BLOB_STORE: 's3',
  S3_ENDPOINT: endpoint,
  S3_BUCKET: BUCKET,
  S3_REGION: 'us-east-1',
  S3_SSE: 'AES256',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
});

beforeAll(async () => {
  server = await startS3TestServer();
  await server.createBucket(BUCKET);
  Object.assign(process.env, ENV(server.endpoint));
  platform = await TestPlatform.start();
  const fixtures = new Fixtures(platform);
  const centre = await fixtures.centre({ code: 'S3.01' });
  const procedure = await fixtures.procedure({
    components: [{ code: 'GKS', name: 'Giấy khai sinh', required: true, documentType: 'GIAY_KHAI_SINH' }],
  });
  officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
  const { submitDossier } = await platform.contractOk(
    'SubmitDossier',
    {
      input: {
        procedureCode: procedure.code,
        centreId: centre.id,
        channel: 'COUNTER',
        applicant: {
          kind: 'CITIZEN',
          identityNumber: '046090001234',
          fullName: 'Trần Thị Bình',
          phone: '0905123456',
          email: 'binh@example.vn',
        },
        documents: [
          {
            componentCode: 'GKS',
            upload: { fileName: 'gks.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
          },
        ],
        delivery: { method: 'COUNTER' },
      },
    },
    officer,
  );
  recordId = submitDossier.components[0].record.id;
});
afterAll(async () => {
  await platform?.stop();
  for (const service of ['intake', 'processing', 'delivery'] as const)
    (platform?.services[service].deps.blobs as S3BlobStore | undefined)?.close();
  for (const key of Object.keys(ENV(''))) delete process.env[key];
  await server?.stop();
});

const content = () =>
  fetch(`${platform.url}/intake/records/${recordId}/content?purpose=${encodeURIComponent('Đối chiếu bản gốc')}`, {
    headers: { authorization: `Bearer ${officer}` },
  });

it('gives every service that stores documents the one bucket', () => {
  for (const service of ['intake', 'processing', 'delivery'] as const) {
    expect((platform.services[service].deps.blobs as S3BlobStore).location).toBe(
      `bucket ${BUCKET} at ${server.endpoint}`,
    );
  }
});

it("keeps an applicant's scan in the bucket, asking the store to encrypt it, and serves it back through the gateway", async () => {
  const sha256 = sha256Of(PDF);
  expect(await server.keys(BUCKET)).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
  expect(existsSync(join(platform.dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(false);
  const put = server.requests.find((r) => r.method === 'PUT' && r.url.includes(sha256))!;
  expect(put.headers['x-amz-server-side-encryption']).toBe('AES256');
  const res = await content();
  expect(res.status).toBe(200);
  expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
});

it('never serves a scan altered in the bucket: the reader gets an error, the operators the count', async () => {
  const sha256 = sha256Of(PDF);
  await server.overwrite(BUCKET, `${sha256.slice(0, 2)}/${sha256}`, Buffer.from('%PDF-1.4\n% sửa đổi\n%%EOF\n'));
  const before = blobIntegrityFailures.count;
  const res = await content();
  expect(res.status).toBe(500);
  expect(await res.text()).not.toContain('sửa đổi');
  await waitFor(async () => blobIntegrityFailures.count === before + 1, { what: 'the integrity failure counted' });
});
