import type { DataSource } from 'typeorm';

/** A document processing issued once and keeps (issued_document): its kind, what it was made from, its hash. */
export interface IssuedDocument {
  dossierId: string;
  /** refusal-slip, supplement-request, stop-slip, withdrawal-slip, apology-letter, control-slip */
  kind: string;
  /** What it was rendered from (a history line's, a pause's or an apology's id): a new source, a new document. */
  sourceKey: string;
  sha256: string;
  sizeBytes: number;
  signerCertificateSha256: string | null;
  issuedAt: Date;
}

const columns = `dossier_id AS "dossierId", kind, source_key AS "sourceKey", sha256, size_bytes AS "sizeBytes",
  signer_certificate_sha256 AS "signerCertificateSha256", issued_at AS "issuedAt"`;

export async function issuedDocument(
  db: DataSource,
  dossierId: string,
  kind: string,
  sourceKey: string,
): Promise<IssuedDocument | null> {
  const rows: IssuedDocument[] = await db.query(
    `SELECT ${columns} FROM issued_document WHERE dossier_id = $1 AND kind = $2 AND source_key = $3`,
    [dossierId, kind, sourceKey],
  );
  return rows[0] ?? null;
}

/** Records a document unless one from the same source is there already (two first prints at once): the one kept wins. */
export async function recordIssuedDocument(db: DataSource, d: IssuedDocument): Promise<IssuedDocument> {
  await db.query(
    `INSERT INTO issued_document (dossier_id, kind, source_key, sha256, size_bytes, signer_certificate_sha256, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [d.dossierId, d.kind, d.sourceKey, d.sha256, d.sizeBytes, d.signerCertificateSha256, d.issuedAt],
  );
  return (await issuedDocument(db, d.dossierId, d.kind, d.sourceKey))!;
}

export async function issuedDocumentsOf(db: DataSource, dossierId: string): Promise<IssuedDocument[]> {
  return db.query(`SELECT ${columns} FROM issued_document WHERE dossier_id = $1 ORDER BY issued_at, kind`, [dossierId]);
}
