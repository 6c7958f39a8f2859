import { decodeUpload, isRecordValid, planDocuments, type ProcedureComponent } from './documents';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Tờ khai')]);
const pdf = (content = PDF) => ({
  fileName: 'to-khai.pdf',
  mimeType: 'application/pdf',
  contentBase64: content.toString('base64'),
});
const components: ProcedureComponent[] = [
  { code: 'TK', name: 'Tờ khai', required: true, documentType: 'TK_LLTP' },
  { code: 'CCCD', name: 'Bản sao CCCD', required: true, documentType: 'CCCD' },
  { code: 'UQ', name: 'Văn bản ủy quyền', required: false, documentType: 'VBUQ' },
];
const opts = { maxBytes: 1024, mustCover: ['TK', 'CCCD'], today: '2026-03-05' };
const RECORD = '6f1c1d9e-0a57-4d0e-9d5c-1c0f6c1e2a3b';

describe('decodeUpload', () => {
  it('returns the bytes of a valid upload', () => {
    expect(decodeUpload(pdf(), 1024).equals(PDF)).toBe(true);
  });

  it('refuses invalid base64, an empty file and a file over the limit', () => {
    expect(() => decodeUpload({ ...pdf(), contentBase64: 'not base64!' }, 1024)).toThrow(/not valid base64/);
    expect(() => decodeUpload({ ...pdf(), contentBase64: 'QUJD=' }, 1024)).toThrow(/not valid base64/);
    expect(() => decodeUpload({ ...pdf(), contentBase64: '' }, 1024)).toThrow(/empty/);
    expect(() => decodeUpload(pdf(Buffer.concat([PDF, Buffer.alloc(2000)])), 1024)).toThrow(/limit is 1024 bytes/);
  });

  it('accepts a file of exactly the limit', () => {
    expect(decodeUpload(pdf(Buffer.concat([PDF, Buffer.alloc(1024 - PDF.length)])), 1024)).toHaveLength(1024);
  });

  it('refuses a MIME type off the allow-list and content that is not what it claims', () => {
    expect(() => decodeUpload({ ...pdf(), mimeType: 'application/x-msdownload' }, 1024)).toThrow(/not accepted/);
    expect(() => decodeUpload({ ...pdf(Buffer.from('MZ executable')) }, 1024)).toThrow(/not a application\/pdf file/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(
      decodeUpload({ fileName: 'a.png', mimeType: 'image/png', contentBase64: png.toString('base64') }, 1024),
    ).toHaveLength(11);
  });
});

describe('planDocuments', () => {
  it('splits uploads from reuses and titles an upload after its component by default', () => {
    const plan = planDocuments(
      components,
      [
        { componentCode: 'TK', upload: pdf() },
        { componentCode: 'CCCD', reuseRecordId: RECORD },
      ],
      opts,
    );
    expect(plan.uploads).toEqual([
      expect.objectContaining({ componentCode: 'TK', title: 'Tờ khai', documentType: 'TK_LLTP' }),
    ]);
    expect(plan.reuses).toEqual([{ componentCode: 'CCCD', documentType: 'CCCD', recordId: RECORD }]);
  });

  it('names the required components that are missing', () => {
    expect(() => planDocuments(components, [{ componentCode: 'TK', upload: pdf() }], opts)).toThrow(
      /Missing component: CCCD \(Bản sao CCCD\)/,
    );
  });

  it('refuses unknown and repeated components, and documents with both or neither source', () => {
    expect(() => planDocuments(components, [{ componentCode: 'XX', upload: pdf() }], opts)).toThrow(/no component XX/);
    expect(() =>
      planDocuments(
        components,
        [
          { componentCode: 'TK', upload: pdf() },
          { componentCode: 'TK', upload: pdf() },
        ],
        opts,
      ),
    ).toThrow(/twice/);
    expect(() =>
      planDocuments(components, [{ componentCode: 'TK', upload: pdf(), reuseRecordId: RECORD }], opts),
    ).toThrow(/either/);
    expect(() => planDocuments(components, [{ componentCode: 'TK' }], opts)).toThrow(/either/);
  });

  it('refuses a malformed record id and an upload that has already expired', () => {
    expect(() =>
      planDocuments(components, [{ componentCode: 'TK', reuseRecordId: 'abc' }], { ...opts, mustCover: [] }),
    ).toThrow(/no record abc/);
    expect(() =>
      planDocuments(components, [{ componentCode: 'TK', upload: pdf(), validUntil: '2026-03-04' }], {
        ...opts,
        mustCover: [],
      }),
    ).toThrow(/expired/);
  });
});

describe('isRecordValid', () => {
  it('keeps a record valid through its last day', () => {
    expect(isRecordValid(null, '2026-03-05')).toBe(true);
    expect(isRecordValid('2026-03-05', '2026-03-05')).toBe(true);
    expect(isRecordValid('2026-03-04', '2026-03-05')).toBe(false);
  });
});
