/**
 * The documents of a dossier (thành phần hồ sơ): checked against the procedure's components
 * and decoded, with no I/O, so that a refused dossier writes nothing.
 */
import { decodeUpload as decodeBlobUpload, UploadProblem, type UploadInput } from '@onestop/blob-store';

export interface ProcedureComponent {
  code: string;
  name: string;
  required: boolean;
  /** National document type (loại giấy tờ), e.g. "GKS" for a birth certificate. */
  documentType: string;
}

export interface DocumentInput {
  componentCode: string;
  reuseRecordId?: string | null;
  upload?: UploadInput | null;
  title?: string | null;
  /** Until when the document stays valid (YYYY-MM-DD); open-ended when absent. */
  validUntil?: string | null;
}

export class DocumentProblem extends Error {
  constructor(
    message: string,
    readonly componentCode?: string,
  ) {
    super(message);
  }
}

/** An upload decoded by the platform's one set of upload rules (@onestop/blob-store), as a problem of the component. */
export function decodeUpload(upload: UploadInput, maxBytes: number, componentCode?: string): Buffer {
  try {
    return decodeBlobUpload(upload, maxBytes);
  } catch (err) {
    if (!(err instanceof UploadProblem)) throw err;
    throw new DocumentProblem(`${componentCode ? `Component ${componentCode}: ` : ''}${err.message}`, componentCode);
  }
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
    if (seen.has(doc.componentCode))
      throw new DocumentProblem(`Component ${doc.componentCode} is given twice`, doc.componentCode);
    seen.add(doc.componentCode);
    if (!!doc.upload === !!doc.reuseRecordId) {
      throw new DocumentProblem(
        `Component ${doc.componentCode}: give either an upload or a reuseRecordId`,
        doc.componentCode,
      );
    }
    if (doc.validUntil && doc.validUntil < opts.today) {
      throw new DocumentProblem(
        `Component ${doc.componentCode}: the document expired on ${doc.validUntil}`,
        doc.componentCode,
      );
    }
    if (doc.reuseRecordId) {
      if (!UUID.test(doc.reuseRecordId))
        throw new DocumentProblem(`Component ${doc.componentCode}: no record ${doc.reuseRecordId}`, doc.componentCode);
      plan.reuses.push({
        componentCode: component.code,
        documentType: component.documentType,
        recordId: doc.reuseRecordId.toLowerCase(),
      });
    } else {
      const content = decodeUpload(doc.upload!, opts.maxBytes, doc.componentCode);
      plan.uploads.push({
        componentCode: component.code,
        documentType: component.documentType,
        title: doc.title?.trim() || component.name,
        fileName: doc.upload!.fileName,
        mimeType: doc.upload!.mimeType,
        validUntil: doc.validUntil ?? null,
        content,
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
