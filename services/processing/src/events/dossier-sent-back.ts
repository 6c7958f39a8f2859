import type { ActorV1, DossierSentBackV1 } from '@onestop/events';
import type { ProcessingDossier } from '../persistence';

/** The one builder of DossierSentBack: from which step back to which, why, and the restarted step's due time. */
export function dossierSentBack(
  d: Pick<ProcessingDossier, 'id' | 'code' | 'processingCentreId'>,
  s: { fromStepCode: string; toStepCode: string; reason: string; stepDueAt: Date; at: Date; actor: ActorV1 },
): DossierSentBackV1 {
  return {
    dossierId: d.id,
    code: d.code,
    fromStepCode: s.fromStepCode,
    toStepCode: s.toStepCode,
    reason: s.reason,
    stepDueAt: s.stepDueAt.toISOString(),
    processingCentreId: d.processingCentreId,
    at: s.at.toISOString(),
    actor: s.actor,
  };
}
