/**
 * What the platform accepts as a document's content, from an applicant (a dossier's components)
 * or from an officer (a decision's result): a format on the allow-list whose bytes really start
 * as that format does. Nothing else is stored, so nothing else is ever served (no HTML page with
 * a script, no MIME type that breaks a response header).
 */

export interface UploadInput {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The formats a centre accepts, with the bytes each file of that format starts with. */
export const ALLOWED_MIME_TYPES: Readonly<Record<string, ReadonlyArray<readonly number[]>>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
  // .docx is a ZIP container
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
};

/** Why an upload is refused, in words for the user. */
export class UploadProblem extends Error {}

/**
 * Decodes an upload, refusing (UploadProblem) a missing file name, a MIME type off the allow-list
 * (which also keeps CR/LF and other junk out of Content-Type headers), invalid base64, an empty or
 * oversized file, and content that is not what its MIME type says. The size is checked from the
 * base64 length before decoding, so an oversized upload costs no memory.
 */
export function decodeUpload(upload: UploadInput, maxBytes: number): Buffer {
  if (!upload.fileName?.trim()) throw new UploadProblem('the file name is missing');
  const signatures = Object.hasOwn(ALLOWED_MIME_TYPES, upload.mimeType)
    ? ALLOWED_MIME_TYPES[upload.mimeType]
    : undefined;
  if (!signatures) {
    throw new UploadProblem(
      `${JSON.stringify(String(upload.mimeType).slice(0, 100))} is not accepted; send one of ${Object.keys(ALLOWED_MIME_TYPES).join(', ')}`,
    );
  }
  const base64 = (upload.contentBase64 ?? '').replace(/\s+/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new UploadProblem('contentBase64 is not valid base64');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const size = (base64.length / 4) * 3 - padding;
  if (size === 0) throw new UploadProblem(`${upload.fileName} is empty`);
  if (size > maxBytes) throw new UploadProblem(`${upload.fileName} is ${size} bytes; the limit is ${maxBytes} bytes`);
  const content = Buffer.from(base64, 'base64');
  if (!signatures.some((sig) => sig.every((byte, i) => content[i] === byte))) {
    throw new UploadProblem(`${upload.fileName} is not a ${upload.mimeType} file`);
  }
  return content;
}
