import { NotReadyError, type EventHandlers } from '@onestop/events';
import type { IntakeDeps } from '../deps';
import { recordIssuedResult } from '../persistence/digital-records';
import { replicateStatus, type StatusRun } from '../persistence/status-replica';

/**
 * Intake keeps a replica of the lifecycle fields its own mutations answer with (status,
 * nationalStatusCode, dueAt): persistence/status-replica.ts says when a change applies. A run's
 * changes are folded in its context (`run`, a StatusRun) and written once before it commits.
 */
export function intakeHandlers(_deps: IntakeDeps): EventHandlers {
  return {
    async DossierStatusChanged({ event, manager, run }) {
      const p = event.payload;
      const supplement = p.status === 'SUPPLEMENT_REQUESTED';
      await replicateStatus(
        manager,
        {
          dossierId: p.dossierId,
          status: p.status,
          nationalStatusCode: p.nationalStatusCode,
          at: new Date(p.at),
          fields: {
            dueAt: p.dueAt,
            processingCentreId: p.processingCentreId,
            remainingWorkingMinutes: supplement ? p.remainingWorkingMinutes : null,
            componentCodes: supplement ? (p.componentCodes ?? []) : null,
          },
        },
        run as StatusRun | undefined,
      );
    },

    async ResultReturned({ event, manager, run }) {
      const p = event.payload;
      await replicateStatus(
        manager,
        { dossierId: p.dossierId, status: 'RETURNED', nationalStatusCode: 10, at: new Date(p.returnedAt) },
        run as StatusRun | undefined,
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
      const known = await recordIssuedResult(manager, p.dossierId, p.result, p.processingCentreId, p.resolvedAt);
      if (!known) throw new NotReadyError(`Dossier ${p.dossierId} not yet known to intake`);
    },
  };
}
