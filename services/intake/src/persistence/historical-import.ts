import type { EntityManager } from 'typeorm';
import { sequenceOfCode, type HistoricalDossier } from '../domain/historical-import';
import type { ResultDocumentV1 } from '@onestop/events';

/**
 * The historical import's rows, written with multi-row statements (one per table for a whole
 * batch): applicants (upsert), dossiers (the old code kept; ON CONFLICT on the code makes the
 * import idempotent), the results' digital records, and the centres' day sequences.
 */
export interface PlannedImport {
  d: HistoricalDossier;
  dossierId: string;
  result: ResultDocumentV1 | null;
  content: Buffer | null;
}

/** The dossiers already holding any of these codes (imported before, or received live). */
export async function dossiersByCode(
  manager: EntityManager,
  codes: string[],
): Promise<Map<string, { id: string; centreId: string }>> {
  const rows: Array<{ id: string; code: string; centre_id: string }> = await manager.query(
    `SELECT id, code, centre_id FROM dossier WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, centreId: r.centre_id }]));
}

/** One statement for the batch's applicants; the latest line of an applicant wins, a detail left out keeps the one on file. */
export async function upsertApplicants(
  manager: EntityManager,
  dossiers: HistoricalDossier[],
): Promise<Map<string, string>> {
  const byNumber = new Map(dossiers.map((d) => [d.applicant.identityNumber, d.applicant]));
  // In key order, so two concurrent batches lock the same applicants in the same order.
  const list = [...byNumber.values()].sort((a, b) => (a.identityNumber < b.identityNumber ? -1 : 1));
  const rows: Array<{ id: string; identity_number: string }> = await manager.query(
    `INSERT INTO applicant (kind, identity_number, full_name, phone, email, address)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (identity_number) DO UPDATE SET full_name = EXCLUDED.full_name,
       phone = COALESCE(EXCLUDED.phone, applicant.phone), email = COALESCE(EXCLUDED.email, applicant.email),
       address = COALESCE(EXCLUDED.address, applicant.address)
     RETURNING id, identity_number`,
    [
      list.map((a) => a.kind),
      list.map((a) => a.identityNumber),
      list.map((a) => a.fullName),
      list.map((a) => a.phone),
      list.map((a) => a.email),
      list.map((a) => a.address),
    ],
  );
  return new Map(rows.map((r) => [r.identity_number, r.id]));
}

export async function insertDossiers(
  manager: EntityManager,
  planned: PlannedImport[],
  applicantIds: Map<string, string>,
): Promise<Set<string>> {
  const col = <T>(f: (p: PlannedImport) => T) => planned.map(f);
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO dossier (id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day,
       status, national_status_code, due_at, status_at, processing_centre_id, delivery_method, delivery_address)
     SELECT id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day,
       'RECEIVED', 2, due_at, received_at, centre_id, delivery_method, delivery_address
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                   $9::date[], $10::timestamptz[], $11::text[], $12::text[])
         AS t(id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day, due_at, delivery_method, delivery_address)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [
      col((p) => p.dossierId),
      col((p) => p.d.code),
      col((p) => p.d.procedure.id),
      col((p) => p.d.centre.id),
      col((p) => applicantIds.get(p.d.applicant.identityNumber)),
      col((p) => p.d.channel),
      col((p) => p.d.submittedAt.toISOString()),
      col((p) => p.d.receivedAt.toISOString()),
      col((p) => p.d.receptionDay),
      col((p) => p.d.dueAt.toISOString()),
      col((p) => p.d.delivery.method),
      col((p) => p.d.delivery.address),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/** The result of each approved dossier is a digital record of its applicant, as processing's live decision makes it. */
export async function insertResultRecords(manager: EntityManager, planned: PlannedImport[]): Promise<void> {
  const withResult = planned.filter((p) => p.result);
  if (!withResult.length) return;
  const col = <T>(f: (p: PlannedImport) => T) => withResult.map(f);
  await manager.query(
    `INSERT INTO digital_record (id, owner_identity_number, document_type, title, file_name, sha256, size_bytes, mime_type,
       valid_until, digitised_at_centre_id, source_dossier_id, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[],
       $9::date[], $10::uuid[], $11::uuid[], $12::timestamptz[])`,
    [
      col((p) => p.result!.recordId),
      col((p) => p.d.applicant.identityNumber),
      col((p) => p.result!.documentType),
      col((p) => p.result!.title),
      col((p) => p.result!.fileName),
      col((p) => p.result!.sha256),
      col((p) => p.result!.sizeBytes),
      col((p) => p.result!.mimeType),
      col((p) => p.result!.validUntil),
      col((p) => p.d.centre.id),
      col((p) => p.dossierId),
      col((p) => p.d.decision!.decidedAt.toISOString()),
    ],
  );
}

/** An old code in this platform's format moves the centre's day sequence past it, so live reception never reuses it. */
export async function advanceSequences(manager: EntityManager, planned: PlannedImport[]): Promise<void> {
  const highest = new Map<string, { centreId: string; day: string; value: number }>();
  for (const p of planned) {
    const seq = sequenceOfCode(p.d.code, p.d.centre.code);
    if (!seq) continue;
    const key = `${p.d.centre.id}|${seq.day}`;
    if ((highest.get(key)?.value ?? 0) < seq.value) highest.set(key, { centreId: p.d.centre.id, ...seq });
  }
  if (!highest.size) return;
  const list = [...highest.values()].sort((a, b) => (`${a.centreId}${a.day}` < `${b.centreId}${b.day}` ? -1 : 1));
  await manager.query(
    `INSERT INTO dossier_sequence (centre_id, day, last_value) SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[])
     ON CONFLICT (centre_id, day) DO UPDATE SET last_value = GREATEST(dossier_sequence.last_value, EXCLUDED.last_value)`,
    [list.map((s) => s.centreId), list.map((s) => s.day), list.map((s) => s.value)],
  );
}
