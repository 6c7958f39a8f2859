import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText, pdfsig, verifyPdfSignatures } from '@onestop/test-support';
import {
  developmentCertificate,
  documentSignerFromEnv,
  makeDevelopmentP12,
  renderHtml,
  renderPdf,
  signResult,
  type DocumentModel,
} from '../src';

/** Rendering and signing without the platform: A4, the fonts embedded, the text as written, PAdES signatures that verify. */
const model: DocumentModel = {
  issuer: 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế',
  reference: 'Số: 000.00.12.H57-260305-0001',
  place: 'Huế',
  issuedAt: new Date('2026-03-05T02:30:00Z'),
  title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  subtitle: 'Cấp Phiếu lý lịch tư pháp',
  blocks: [
    { kind: 'fields', rows: [{ label: 'Người nộp hồ sơ', value: 'Nguyễn Thị Hường', bold: true }] },
    { kind: 'paragraph', text: 'Lý do: thiếu bản chính giấy khai sinh để đối chiếu; hồ sơ không thuộc thẩm quyền.' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1 },
        { header: 'Tên giấy tờ', width: 6 },
      ],
      rows: Array.from({ length: 60 }, (_, i) => [String(i + 1), `Tờ khai số ${i + 1}`]),
    },
  ],
  signatures: [{ role: 'Người nộp hồ sơ' }, { role: 'Người từ chối', name: 'Trần Văn Đức', digital: true }],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'documents-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rendering', () => {
  it('makes an A4 PDF with DejaVu Serif embedded and the Vietnamese text intact, over as many pages as the table needs', async () => {
    const pdf = await renderPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toMatch(/\/FontFile2/); // embedded TrueType, no reliance on the reader's fonts
    expect(raw).toMatch(/DejaVuSerif/);
    const text = await pdfText(pdf);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Nguyễn Thị Hường',
      'thiếu bản chính giấy khai sinh',
      'Huế, ngày 05 tháng 03 năm 2026',
      'Tờ khai số 60',
      'Trần Văn Đức',
      'Trang 1/',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Trang ([2-9])\/\1/); // numbered once the pages are known
  });

  it('gives the browser the same document as a page, escaped', () => {
    const html = renderHtml({ ...model, blocks: [{ kind: 'paragraph', text: '<script>alert(1)</script>' }] });
    expect(html).toContain('Phiếu từ chối tiếp nhận giải quyết hồ sơ');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>alert');
  });
});

describe('signing', () => {
  it('signs with the configured PKCS#12 as PAdES (ETSI.CAdES.detached, signing-certificate-v2), verifiable byte for byte', async () => {
    const p12 = join(dir, 'centre.p12');
    writeFileSync(p12, makeDevelopmentP12('mật khẩu', 'Trung tam test'));
    const signer = documentSignerFromEnv({ SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: 'mật khẩu' }, dir);
    expect(signer.source).toBe('configured');
    expect(signer.subject).toContain('CN=Trung tam test');
    const signed = await signer.sign(await renderPdf(model), { reason: 'Phiếu từ chối tiếp nhận', location: 'Huế' });
    const [sig, ...more] = await verifyPdfSignatures(signed);
    expect(more).toEqual([]);
    expect(sig).toEqual({
      subFilter: 'ETSI.CAdES.detached',
      coversWholeFile: true,
      digestMatches: true,
      signatureVerified: true,
      signerCertificateSha256: signer.certificateSha256,
      hasSigningCertificateV2: true,
    });
    expect(await pdfText(signed)).toContain('Nguyễn Thị Hường');

    // one byte changed inside the signed range: the digest no longer matches
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Title');
    tampered[at + 1] = 'X'.charCodeAt(0);
    const [broken] = await verifyPdfSignatures(tampered);
    expect(broken.digestMatches).toBe(false);
    expect(broken.signatureVerified).toBe(false);

    const report = pdfsig(signed);
    if (report !== null) {
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Trung tam test');
    }
  });

  it('makes the development certificate once per data dir and refuses production without one', async () => {
    const data = mkdtempSync(join(dir, 'data-'));
    const first = documentSignerFromEnv({}, data);
    const second = documentSignerFromEnv({}, data);
    expect(first.source).toBe('development');
    expect(second.certificateSha256).toBe(first.certificateSha256);
    expect(developmentCertificate(join(data, 'signing')).passphrase).toBeTruthy();
    expect(() => documentSignerFromEnv({ NODE_ENV: 'production' }, data)).toThrow(
      /SIGNING_P12_PATH must be set in production/,
    );
    expect(() => documentSignerFromEnv({ SIGNING_P12_PATH: join(data, 'missing.p12') }, data)).toThrow(
      /cannot be read/,
    );
    writeFileSync(join(data, 'other.p12'), makeDevelopmentP12('right'));
    expect(() =>
      documentSignerFromEnv({ SIGNING_P12_PATH: join(data, 'other.p12'), SIGNING_P12_PASSPHRASE: 'wrong' }, data),
    ).toThrow(/passphrase/);
  });

  it('signs a result PDF in place, keeping the signature it had valid; keeps what it cannot sign as uploaded', async () => {
    const authority = documentSignerFromEnv({}, mkdtempSync(join(dir, 'authority-')));
    const centre = documentSignerFromEnv({}, mkdtempSync(join(dir, 'centre-')));
    const signedByAuthority = await authority.sign(await renderPdf({ ...model, title: 'Giấy phép xây dựng' }), {
      reason: 'Phê duyệt',
    });
    const { content, signed } = await signResult(
      centre,
      { content: signedByAuthority, mimeType: 'application/pdf' },
      { title: 'Giấy phép xây dựng', issuer: 'Trung tâm', dossierCode: 'H57-1' },
    );
    expect(signed).toBe(true);
    expect(content.subarray(0, signedByAuthority.length).equals(signedByAuthority)).toBe(true); // an incremental update
    const sigs = await verifyPdfSignatures(content);
    expect(
      sigs.map((s) => [s.signerCertificateSha256, s.signatureVerified, s.digestMatches, s.coversWholeFile]),
    ).toEqual([
      [authority.certificateSha256, true, true, false],
      [centre.certificateSha256, true, true, true],
    ]);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    expect(
      await signResult(centre, { content: png, mimeType: 'image/png' }, { title: 't', issuer: 'c', dossierCode: 'd' }),
    ).toEqual({ content: png, signed: false });
    const notReadable = Buffer.from('%PDF-1.7\n% not a whole PDF\n%%EOF\n');
    expect(
      await signResult(
        centre,
        { content: notReadable, mimeType: 'application/pdf' },
        { title: 't', issuer: 'c', dossierCode: 'd' },
      ),
    ).toEqual({ content: notReadable, signed: false });
  });
});
