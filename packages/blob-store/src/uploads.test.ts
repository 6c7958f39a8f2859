import { decodeUpload, UploadProblem } from './uploads';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('the upload allow-list', () => {
  it('decodes a document whose bytes are what its MIME type says', () => {
    expect(
      decodeUpload(
        { fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: b64('%PDF-1.4 x') },
        1024,
      ).toString(),
    ).toBe('%PDF-1.4 x');
  });

  it.each([
    ['an HTML page', { mimeType: 'text/html', contentBase64: b64('<script>alert(1)</script>') }, /not accepted/],
    [
      'HTML called a PDF',
      { mimeType: 'application/pdf', contentBase64: b64('<script>alert(1)</script>') },
      /not a application\/pdf file/,
    ],
    [
      'a MIME type with CR/LF',
      { mimeType: 'application/pdf\r\nX-Injected: 1', contentBase64: b64('%PDF-1.4') },
      /not accepted/,
    ],
    ['a name of Object.prototype', { mimeType: 'constructor', contentBase64: b64('%PDF-1.4') }, /not accepted/],
    [
      'no file name',
      { fileName: ' ', mimeType: 'application/pdf', contentBase64: b64('%PDF-1.4') },
      /file name is missing/,
    ],
  ])('refuses %s', (_what, upload, message) => {
    const attempt = () => decodeUpload({ fileName: 'a.pdf', ...upload }, 1024);
    expect(attempt).toThrow(UploadProblem);
    expect(attempt).toThrow(message);
  });
});
