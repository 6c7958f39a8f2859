import { NotReadyError, type EventHandlers } from '@onestop/events';
import type { IntakeDeps } from '../deps';

/**
 * Intake keeps a replica of the lifecycle fields its own mutations answer with (status,
 * nationalStatusCode, dueAt). The rule: a change applies only if it is not older than the state
 * the replica holds (status_at), so an event that arrives late never undoes intake's own newer
 * write (e.g. a supplementation submitted here after processing's request).
 */
export function intakeHandlers(_deps: IntakeDeps): EventHandlers {
  return {
    async DossierStatusChanged({ event, manager }) {
      const p = event.payload;
      const supplement = p.status === 'SUPPLEMENT_REQUESTED';
      await manager.query(
        `UPDATE dossier SET status = $2, national_status_code = $3, due_at = $4, status_at = $5, processing_centre_id = $6,
           remaining_working_minutes = $7, requested_component_codes = $8
         WHERE id = $1 AND status_at <= $5`,
        [p.dossierId, p.status, p.nationalStatusCode, p.dueAt, p.at, p.processingCentreId,
          supplement ? p.remainingWorkingMinutes : null, supplement ? p.componentCodes ?? [] : null],
      );
    },

    async ResultReturned({ event, manager }) {
      const p = event.payload;
      await manager.query(
        `UPDATE dossier SET status = 'RETURNED', national_status_code = 10, status_at = $2 WHERE id = $1 AND status_at <= $2`,
        [p.dossierId, p.returnedAt],
      );
    },

    /**
     * A result issued today is a record of the applicant, reusable tomorrow, under the id processing
     * gave it; issued by the processing centre if intake knows it, else by the receiving one. One
     * statement: imports bring a decision per dossier.
     */
    async DossierDecided({ event, manager }) {
      const p = event.payload;
      if (!p.result) return;
      const r = p.result;
      const [{ known }] = await manager.query(
        `WITH d AS (SELECT d.id, d.centre_id, a.identity_number FROM dossier d JOIN applicant a ON a.id = d.applicant_id WHERE d.id = $1),
         ins AS (
           INSERT INTO digital_record (id, owner_identity_number, document_type, title, file_name, sha256, size_bytes, mime_type,
             valid_until, digitised_at_centre_id, source_dossier_id, reuse_count, created_at)
           SELECT $2, d.identity_number, $3, $4, NULL, $5, $6, $7, $8::date,
             coalesce((SELECT id FROM centre WHERE id = $9), d.centre_id), d.id, 0, $10 FROM d
           ON CONFLICT DO NOTHING)
         SELECT count(*)::int AS known FROM d`,
        [p.dossierId, r.recordId, r.documentType, r.title, r.sha256, r.sizeBytes, r.mimeType, r.validUntil ? r.validUntil.slice(0, 10) : null,
          p.processingCentreId, p.resolvedAt],
      );
      if (!known) throw new NotReadyError(`Dossier ${p.dossierId} not yet known to intake`);
    },
  };
}
