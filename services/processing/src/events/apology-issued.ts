import type { ActorV1, ApologyIssuedV1 } from '@onestop/events';
import type { ProcessingDossier } from '../persistence';

/** The one builder of ApologyIssued: the new appointment, and the statutory due date that stays. */
export function apologyIssued(
  d: Pick<ProcessingDossier, 'id' | 'code' | 'statutoryDueAt'>,
  apology: { reason: string; newDueAt: Date; at: Date; actor: ActorV1 },
): ApologyIssuedV1 {
  return {
    dossierId: d.id,
    code: d.code,
    reason: apology.reason,
    newDueAt: apology.newDueAt.toISOString(),
    statutoryDueAt: d.statutoryDueAt?.toISOString(),
    issuedAt: apology.at.toISOString(),
    actor: apology.actor,
  };
}
