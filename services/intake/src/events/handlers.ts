import { NotReadyError, type EventHandlers } from '@onestop/events';
import type { IntakeDeps } from '../deps';
import { replicateStatus } from './status-replica';

/**
 * Intake keeps a replica of the lifecycle fields its own mutations answer with (status,
 * nationalStatusCode, dueAt): status-replica.ts says when a change applies.
 */
export function intakeHandlers(_deps: IntakeDeps): EventHandlers {
  return {
    async DossierStatusChanged({ event, manager }) {
      const p = event.payload;
      const supplement = p.status === 'SUPPLEMENT_REQUESTED';
      await replicateStatus(manager, {
        dossierId: p.dossierId, status: p.status, nationalStatusCode: p.nationalStatusCode, at: new Date(p.at),
        fields: { dueAt: p.dueAt, processingCentreId: p.processingCentreId, remainingWorkingMinutes: supplement ? p.remainingWorkingMinutes : null,
          componentCodes: supplement ? p.componentCodes ?? [] : null },
      });
    },

    async ResultReturned({ event, manager }) {
      const p = event.payload;
      await replicateStatus(manager, { dossierId: p.dossierId, status: 'RETURNED', nationalStatusCode: 10, at: new Date(p.returnedAt) });
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
