import { NotReadyError, type EventHandlers } from '@onestop/events';
import { Applicant, Centre, DigitalRecord, Dossier } from '../persistence';
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

    /** A result issued today is a record of the applicant, reusable tomorrow, under the id processing gave it. */
    async DossierDecided({ event, manager }) {
      const p = event.payload;
      if (!p.result) return;
      const dossier = await manager.findOneBy(Dossier, { id: p.dossierId });
      if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} not yet known to intake`);
      const applicant = await manager.findOneByOrFail(Applicant, { id: dossier.applicantId });
      const issuer = (await manager.findOneBy(Centre, { id: p.processingCentreId })) ? p.processingCentreId : dossier.centreId;
      await manager.createQueryBuilder().insert().into(DigitalRecord).values({
        id: p.result.recordId, ownerIdentityNumber: applicant.identityNumber, documentType: p.result.documentType, title: p.result.title,
        fileName: null, sha256: p.result.sha256, sizeBytes: p.result.sizeBytes, mimeType: p.result.mimeType,
        validUntil: p.result.validUntil ? p.result.validUntil.slice(0, 10) : null,
        digitisedAtCentreId: issuer, sourceDossierId: dossier.id, reuseCount: 0, createdAt: new Date(p.resolvedAt),
      }).orIgnore().execute();
    },
  };
}
