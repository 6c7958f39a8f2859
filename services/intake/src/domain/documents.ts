/**
 * The documents of a dossier (thành phần hồ sơ): checked against the procedure's components
 * and decoded, with no I/O, so that a refused dossier writes nothing.
 */

export interface ProcedureComponent {
  code: string;
  name: string;
  required: boolean;
  /** National document type (loại giấy tờ), e.g. "GKS" for a birth certificate. */
  documentType: string;
}

export interface UploadInput {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface DocumentInput {
  componentCode: string;
  reuseRecordId?: string | null;
  upload?: UploadInput | null;
  title?: string | null;
  /** Until when the document stays valid (YYYY-MM-DD); open-ended when absent. */
  validUntil?: string | null;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The formats a centre accepts, with the bytes each file of that format starts with. */
export const ALLOWED_MIME_TYPES: Readonly<Record<string, ReadonlyArray<readonly number[]>>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/tiff': [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]],
  // .docx is a ZIP container
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
};

export class DocumentProblem extends Error {
  constructor(message: string, readonly componentCode?: string) {
    super(message);
  }
}

/**
 * Decodes an upload, refusing (DocumentProblem) invalid base64, an empty or oversized file, a
 * MIME type off the allow-list, and content that is not what its MIME type says. The size is
 * checked from the base64 length before decoding, so an oversized upload costs no memory.
 */
export function decodeUpload(upload: UploadInput, maxBytes: number, componentCode?: string): Buffer {
  const fail = (message: string) => new DocumentProblem(`${componentCode ? `Component ${componentCode}: ` : ''}${message}`, componentCode);
  if (!upload.fileName?.trim()) throw fail('the file name is missing');
  const signatures = ALLOWED_MIME_TYPES[upload.mimeType];
  if (!signatures) {
    throw fail(`${upload.mimeType} is not accepted; send one of ${Object.keys(ALLOWED_MIME_TYPES).join(', ')}`);
  }
  const base64 = (upload.contentBase64 ?? '').replace(/\s+/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw fail('contentBase64 is not valid base64');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const size = (base64.length / 4) * 3 - padding;
  if (size === 0) throw fail(`${upload.fileName} is empty`);
  if (size > maxBytes) throw fail(`${upload.fileName} is ${size} bytes; the limit is ${maxBytes} bytes`);
  const content = Buffer.from(base64, 'base64');
  if (!signatures.some((sig) => sig.every((byte, i) => content[i] === byte))) {
    throw fail(`${upload.fileName} is not a ${upload.mimeType} file`);
  }
  return content;
}

export interface PlannedUpload {
  componentCode: string;
  documentType: string;
  title: string;
  fileName: string;
  mimeType: string;
  validUntil: string | null;
  content: Buffer;
}

export interface PlannedReuse {
  componentCode: string;
  documentType: string;
  recordId: string;
}

export interface DocumentPlan {
  uploads: PlannedUpload[];
  reuses: PlannedReuse[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a dossier's documents against the procedure's components: each document names a known
 * component, gives exactly one of an upload or a record to reuse, and each component appears at
 * most once; every code in `mustCover` (the required components at reception, the requested
 * ones at supplementation) is present.
 */
export function planDocuments(
  components: readonly ProcedureComponent[],
  documents: readonly DocumentInput[],
  opts: { maxBytes: number; mustCover: readonly string[]; today: string },
): DocumentPlan {
  const byCode = new Map(components.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const plan: DocumentPlan = { uploads: [], reuses: [] };
  for (const doc of documents) {
    const component = byCode.get(doc.componentCode);
    if (!component) throw new DocumentProblem(`The procedure has no component ${doc.componentCode}`, doc.componentCode);
    if (seen.has(doc.componentCode)) throw new DocumentProblem(`Component ${doc.componentCode} is given twice`, doc.componentCode);
    seen.add(doc.componentCode);
    if (!!doc.upload === !!doc.reuseRecordId) {
      throw new DocumentProblem(`Component ${doc.componentCode}: give either an upload or a reuseRecordId`, doc.componentCode);
    }
    if (doc.validUntil && doc.validUntil < opts.today) {
      throw new DocumentProblem(`Component ${doc.componentCode}: the document expired on ${doc.validUntil}`, doc.componentCode);
    }
    if (doc.reuseRecordId) {
      if (!UUID.test(doc.reuseRecordId)) throw new DocumentProblem(`Component ${doc.componentCode}: no record ${doc.reuseRecordId}`, doc.componentCode);
      plan.reuses.push({ componentCode: component.code, documentType: component.documentType, recordId: doc.reuseRecordId.toLowerCase() });
    } else {
      const content = decodeUpload(doc.upload!, opts.maxBytes, doc.componentCode);
      plan.uploads.push({
        componentCode: component.code, documentType: component.documentType, title: doc.title?.trim() || component.name,
        fileName: doc.upload!.fileName, mimeType: doc.upload!.mimeType, validUntil: doc.validUntil ?? null, content,
      });
    }
  }
  const missing = opts.mustCover.filter((code) => !seen.has(code));
  if (missing.length) {
    const names = missing.map((code) => `${code} (${byCode.get(code)?.name ?? code})`);
    throw new DocumentProblem(`Missing component${missing.length > 1 ? 's' : ''}: ${names.join(', ')}`, missing[0]);
  }
  return plan;
}

/** A record may be reused while it has not expired: valid through its validUntil day. */
export function isRecordValid(validUntil: string | null, today: string): boolean {
  return validUntil === null || validUntil >= today;
}
