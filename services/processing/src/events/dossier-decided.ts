import type { ActorV1, DossierDecidedV1 } from '@onestop/events';
import type { ProcessingDossier, StoredResult } from '../persistence';

/**
 * The one builder of DossierDecided: a decision taken here (decideDossier) and one replayed from a
 * historical import. `dueAt` is the statutory one: a dossier decided after it is late, apology or not.
 */
export function dossierDecided(
  d: Pick<ProcessingDossier, 'id' | 'code' | 'processingCentreId' | 'statutoryDueAt' | 'dueAt'>,
  decision: {
    decision: DossierDecidedV1['decision'];
    reason: string | null;
    at: Date;
    result: StoredResult | null;
    actor: ActorV1;
  },
  imported?: DossierDecidedV1['imported'],
): DossierDecidedV1 {
  return {
    dossierId: d.id,
    code: d.code,
    decision: decision.decision,
    reason: decision.reason,
    resolvedAt: decision.at.toISOString(),
    dueAt: (d.statutoryDueAt ?? d.dueAt ?? decision.at).toISOString(),
    processingCentreId: d.processingCentreId,
    result: decision.result,
    actor: decision.actor,
    ...(imported ? { imported } : {}),
  };
}
