import type { ResultDocumentV1 } from '@onestop/events';
import type { EntityManager } from 'typeorm';

/**
 * A result issued by processing becomes a record of the dossier's applicant, under the id processing
 * gave it; issued by the processing centre if intake knows it, else by the receiving one. One
 * statement (imports bring a decision per dossier); false when intake does not know the dossier yet.
 */
export async function recordIssuedResult(
  manager: EntityManager,
  dossierId: string,
  r: ResultDocumentV1,
  processingCentreId: string | null | undefined,
  issuedAt: string,
): Promise<boolean> {
  const [{ known }] = await manager.query(
    `WITH d AS (SELECT d.id, d.centre_id, a.identity_number FROM dossier d JOIN applicant a ON a.id = d.applicant_id WHERE d.id = $1),
     ins AS (
       INSERT INTO digital_record (id, owner_identity_number, document_type, title, file_name, sha256, size_bytes, mime_type,
         valid_until, digitised_at_centre_id, source_dossier_id, reuse_count, created_at)
       SELECT $2, d.identity_number, $3, $4, NULL, $5, $6, $7, $8::date,
         coalesce((SELECT id FROM centre WHERE id = $9), d.centre_id), d.id, 0, $10 FROM d
       ON CONFLICT DO NOTHING)
     SELECT count(*)::int AS known FROM d`,
    [
      dossierId,
      r.recordId,
      r.documentType,
      r.title,
      r.sha256,
      r.sizeBytes,
      r.mimeType,
      r.validUntil ? r.validUntil.slice(0, 10) : null,
      processingCentreId ?? null,
      issuedAt,
    ],
  );
  return known > 0;
}
