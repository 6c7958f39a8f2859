import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { identityFromP12, makeDevelopmentP12, renderPdf } from '@onestop/documents';
import { Fixtures, pdfText, pdfsig, sha256Hex, TestPlatform, verifyPdfSignatures, waitFor } from '@onestop/test-kit';

/**
 * The printable documents through the gateway as PDFs (issue 20): the receipt, every slip of
 * processing (the refusal at the counter, the supplementation request, the stop, the withdrawal,
 * the control slip) and the signed result. Each slip's text holds the dossier's data with its
 * diacritics, its signature verifies byte for byte against the certificate configured with
 * SIGNING_P12_PATH, and the file served is the one whose hash is stored.
 */
let platform: TestPlatform;
let f: Fixtures;
let centre: { id: string; code: string };
let procedureCode: string;
let dir: string;
let configuredCertificateSha256: string;
const APPLICANT = 'Nguyễn Thị Hường';
const saved = { path: process.env.SIGNING_P12_PATH, passphrase: process.env.SIGNING_P12_PASSPHRASE };

const token = (role: string) =>
  platform.token({
    role: role as never,
    centre: centre.code,
    name: `${role === 'LEADER' ? 'Lê Văn Đạt' : 'Phạm Thị Ánh'}`,
  });
const applicant = (identityNumber: string) => ({
  kind: 'CITIZEN',
  identityNumber,
  fullName: APPLICANT,
  phone: '0905123456',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'documents-pdf-'));
  const p12 = makeDevelopmentP12('khóa bí mật', 'Trung tam PVHCC test');
  writeFileSync(join(dir, 'centre.p12'), p12);
  configuredCertificateSha256 = createHash('sha256')
    .update(identityFromP12(p12, 'khóa bí mật').certificateDer)
    .digest('hex');
  process.env.SIGNING_P12_PATH = join(dir, 'centre.p12');
  process.env.SIGNING_P12_PASSPHRASE = 'khóa bí mật';
  platform = await TestPlatform.start();
  f = new Fixtures(platform);
  centre = await f.centre({ name: 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế' });
  procedureCode = (await f.procedure({ name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' })).code;
  await platform.contractOk(
    'DefineWorkflow',
    {
      input: {
        procedureCode,
        steps: [
          { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
          { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 8 },
          { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
        ],
      },
    },
    await f.admin(),
  );
  for (const service of ['processing', 'delivery'] as const) {
    await waitFor(
      async () =>
        (await platform.services[service].db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id])).length,
      { what: `${service} to learn of the centre` },
    );
  }
});
afterAll(async () => {
  await platform?.stop();
  rmSync(dir, { recursive: true, force: true });
  for (const [key, value] of [
    ['SIGNING_P12_PATH', saved.path],
    ['SIGNING_P12_PASSPHRASE', saved.passphrase],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function receive(identityNumber: string, deliveryMethod = 'COUNTER') {
  const { submitDossier } = await platform.ok(
    `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
    {
      input: {
        procedureCode,
        centreId: centre.id,
        channel: 'COUNTER',
        applicant: applicant(identityNumber),
        documents: [],
        delivery: { method: deliveryMethod },
      },
    },
    await token('INTAKE_OFFICER'),
  );
  await waitFor(
    async () =>
      (await platform.services.processing.db.query(`SELECT 1 FROM dossier WHERE id = $1`, [submitDossier.id])).length,
    { what: 'processing to learn of the dossier' },
  );
  return submitDossier as { id: string; code: string };
}

async function get(path: string, role = 'INTAKE_OFFICER') {
  const res = await fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${await token(role)}` } });
  expect(res.status).toBe(200);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** A slip served as a signed PDF: the text, the signature, and the hash processing stored for it. */
async function signedSlip(dossier: { id: string; code: string }, kind: string, expected: string[]) {
  const { res, body } = await get(`/processing/dossiers/${dossier.id}/${kind}`);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const text = await pdfText(body);
  for (const s of [
    dossier.code,
    APPLICANT,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'TRUNG TÂM PHỤC VỤ',
    ...expected,
  ])
    expect(text).toContain(s);
  const signatures = await verifyPdfSignatures(body);
  expect(signatures).toEqual([
    {
      subFilter: 'ETSI.CAdES.detached',
      coversWholeFile: true,
      digestMatches: true,
      signatureVerified: true,
      signerCertificateSha256: configuredCertificateSha256,
      hasSigningCertificateV2: true,
    },
  ]);
  const report = pdfsig(body); // Debian's poppler-utils, when installed
  if (report !== null) {
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  }
  const stored = await platform.services.processing.db.query(
    `SELECT sha256, signer_certificate_sha256 FROM issued_document WHERE dossier_id = $1 AND kind = $2`,
    [dossier.id, kind],
  );
  expect(stored.map((r: { sha256: string }) => r.sha256)).toContain(sha256Hex(body));
  expect(stored[0].signer_certificate_sha256).toBe(configuredCertificateSha256);
  expect(res.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(body).digest('base64')}:`);
  // printed again: the same file, not a new signature
  expect((await get(`/processing/dossiers/${dossier.id}/${kind}`)).body.equals(body)).toBe(true);
  return text;
}

it("the receipt is an A4 PDF with the dossier's data; ?format=html is the page", async () => {
  const d = await receive('046090001111');
  const { res, body } = await get(`/intake/receipts/${d.id}`);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const text = await pdfText(body);
  for (const s of [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    d.code,
    APPLICANT,
    '046090001111',
    'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    'Tại Bộ phận Một cửa',
  ])
    expect(text).toContain(s);
  const html = await get(`/intake/receipts/${d.id}?format=html`);
  expect(html.res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(html.body.toString()).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
});

it('a walk-in refused at the counter gets its signed refusal slip', async () => {
  const { refuseAtCounter } = await platform.ok(
    `mutation($input: RefuseAtCounterInput!) { refuseAtCounter(input: $input) { id code } }`,
    {
      input: {
        procedureCode,
        centreId: centre.id,
        applicant: applicant('046090002222'),
        reason: 'Thiếu bản chính giấy chứng nhận quyền sử dụng đất',
        idempotencyKey: 'pdf-refusal-1',
      },
    },
    await token('INTAKE_OFFICER'),
  );
  await signedSlip(refuseAtCounter, 'refusal-slip', [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    'Thiếu bản chính giấy chứng nhận quyền sử dụng đất',
  ]);
});

it('a supplementation request, a stop and a withdrawal each get their signed slip; the control slip lists every step', async () => {
  const supplemented = await receive('046090003333');
  await platform.ok(
    `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
    { id: supplemented.id },
    await token('INTAKE_OFFICER'),
  );
  await platform.ok(
    `mutation($id: ID!, $reason: String!, $codes: [String!]!) { requestSupplement(dossierId: $id, reason: $reason, componentCodes: $codes) { id } }`,
    { id: supplemented.id, reason: 'Bản vẽ thiết kế chưa có chữ ký', codes: ['BAN_VE'] },
    await token('SPECIALIST'),
  );
  await signedSlip(supplemented, 'supplement-request', [
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Bản vẽ thiết kế chưa có chữ ký',
    'BAN_VE',
  ]);

  const stopped = await receive('046090004444');
  await platform.ok(
    `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
    { id: stopped.id },
    await token('INTAKE_OFFICER'),
  );
  await platform.ok(
    `mutation($id: ID!, $reason: String!) { stopDossier(dossierId: $id, reason: $reason) { status nationalStatusCode } }`,
    { id: stopped.id, reason: 'Công trình thuộc diện giải tỏa' },
    await token('LEADER'),
  );
  await signedSlip(stopped, 'stop-slip', [
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    'Công trình thuộc diện giải tỏa',
    'Lê Văn Đạt',
  ]);
  const control = await signedSlip(stopped, 'control-slip', ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'STOP']);
  expect(control).toMatch(/Phạm Thị\s?Ánh/);

  const withdrawn = await receive('046090005555');
  await platform.ok(
    `mutation($id: ID!, $reason: String!) { withdrawDossier(dossierId: $id, reason: $reason) { status nationalStatusCode } }`,
    { id: withdrawn.id, reason: 'Người dân xin rút để bổ sung giấy tờ' },
    await token('INTAKE_OFFICER'),
  );
  await signedSlip(withdrawn, 'withdrawal-slip', ['PHIẾU XÁC NHẬN RÚT HỒ SƠ', 'Người dân xin rút để bổ sung giấy tờ']);

  // a slip the dossier has not: 404; the browser's page of the new slips
  expect(
    (
      await fetch(`${platform.url}/processing/dossiers/${withdrawn.id}/stop-slip`, {
        headers: { authorization: `Bearer ${await token('INTAKE_OFFICER')}` },
      })
    ).status,
  ).toBe(404);
  const html = (await get(`/processing/dossiers/${withdrawn.id}/withdrawal-slip?format=html`)).body.toString();
  expect(html).toContain('Người dân xin rút để bổ sung giấy tờ');
});

it("the result is signed with the centre's certificate at the decision; the download is that file, whose hash is the one stored", async () => {
  const d = await receive('046090006666', 'ONLINE');
  await platform.ok(
    `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
    { id: d.id },
    await token('INTAKE_OFFICER'),
  );
  await platform.ok(
    `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
    { id: d.id },
    await token('SPECIALIST'),
  );
  const licence = await renderPdf({
    issuer: 'Sở Xây dựng tỉnh Thừa Thiên Huế',
    issuedAt: new Date(),
    title: 'Giấy phép xây dựng',
    reference: 'Số: 123/GPXD',
    blocks: [{ kind: 'fields', rows: [{ label: 'Cấp cho', value: APPLICANT, bold: true }] }],
  });
  const { decideDossier } = await platform.ok(
    `mutation($input: DecisionInput!) { decideDossier(input: $input) { result { sha256 } } }`,
    {
      input: {
        dossierId: d.id,
        decision: 'APPROVED',
        result: {
          documentType: 'GPXD',
          title: 'Giấy phép xây dựng',
          upload: { fileName: 'gpxd.pdf', mimeType: 'application/pdf', contentBase64: licence.toString('base64') },
        },
      },
    },
    await token('LEADER'),
  );
  expect(decideDossier.result.sha256).not.toBe(sha256Hex(licence)); // what is kept is the signed file

  const url = await waitFor(
    async () => {
      const { dossier } = await platform.ok(
        `query($id: ID!) { dossier(id: $id) { delivery { downloadUrl } } }`,
        { id: d.id },
        await platform.token({ role: 'CITIZEN', identityNumber: '046090006666' }),
      );
      return dossier?.delivery?.downloadUrl as string | undefined;
    },
    { what: 'the download link' },
  );
  const res = await fetch(
    url.startsWith('/') ? `${platform.url}${url}` : url.replace(/^https?:\/\/[^/]+/, platform.url),
  );
  expect(res.status).toBe(200);
  const served = Buffer.from(await res.arrayBuffer());
  expect(sha256Hex(served)).toBe(decideDossier.result.sha256);
  expect(res.headers.get('repr-digest')).toBe(
    `sha-256=:${Buffer.from(decideDossier.result.sha256, 'hex').toString('base64')}:`,
  );
  expect(served.subarray(0, licence.length).equals(licence)).toBe(true);
  const [signature] = await verifyPdfSignatures(served);
  expect(signature).toMatchObject({
    subFilter: 'ETSI.CAdES.detached',
    coversWholeFile: true,
    digestMatches: true,
    signatureVerified: true,
    signerCertificateSha256: configuredCertificateSha256,
  });
  expect(await pdfText(served)).toContain(APPLICANT);
  const report = pdfsig(served);
  if (report !== null) expect(report).toContain('Signature is Valid');
});
