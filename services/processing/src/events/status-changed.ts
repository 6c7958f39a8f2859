import type { ActorV1, DossierStatusChangedV1, LifecycleAction } from '@onestop/events';
import { nationalStatusCode } from '../domain/lifecycle';
import type { ProcessingDossier } from '../persistence';

export type StatusChange = {
  action: LifecycleAction;
  at: Date;
  actor: ActorV1 | null;
  reason?: string | null;
  componentCodes?: string[];
  imported?: boolean;
};

/**
 * The one builder of DossierStatusChanged, the lifecycle's one announcement, for the dossier as it
 * now stands. `dueAt` is the appointment shown to the applicant (null while the clock is stopped);
 * `statutoryDueAt` the one the law sets, which statistics judge lateness by.
 */
export function statusChangedPayload(d: ProcessingDossier, change: StatusChange): DossierStatusChangedV1 {
  const paused = d.pausedAt !== null;
  return {
    dossierId: d.id,
    code: d.code,
    action: change.action,
    status: d.status,
    nationalStatusCode: nationalStatusCode(d.status),
    at: change.at.toISOString(),
    dueAt: paused ? null : (d.dueAt?.toISOString() ?? null),
    statutoryDueAt: d.statutoryDueAt?.toISOString() ?? null,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    processingCentreId: d.processingCentreId,
    remainingWorkingMinutes: paused ? d.pausedRemainingMinutes : null,
    reason: change.reason ?? null,
    ...(change.componentCodes ? { componentCodes: change.componentCodes } : {}),
    actor: change.actor,
    ...(change.imported ? { imported: true } : {}),
  };
}
