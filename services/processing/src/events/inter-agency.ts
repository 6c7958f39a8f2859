import type { ActorV1, InterAgencyEventV1 } from '@onestop/events';
import type { ProcessingDossier } from '../persistence';

/**
 * The one builder of InterAgencyTransferred, InterAgencyAccepted and InterAgencyReturned (one
 * payload shape): the transfer as it stands after the change, so that time per agency can be counted.
 */
export function interAgencyEvent(
  d: Pick<ProcessingDossier, 'id' | 'code' | 'processingCentreId' | 'interAgency'>,
  e: { at: Date; actor: ActorV1 },
): InterAgencyEventV1 {
  const t = d.interAgency!;
  return {
    dossierId: d.id,
    code: d.code,
    processingCentreId: d.processingCentreId,
    agencyCentreId: t.agencyCentreId,
    stepCode: t.stepCode,
    sentAt: t.sentAt,
    shareDueAt: t.shareDueAt,
    state: t.state,
    reason: t.reason,
    at: e.at.toISOString(),
    actor: e.actor,
  };
}
