import type { ApologyIssuedV1, DossierDecidedV1 } from '@onestop/events';
import type { StatisticsStores } from '../persistence/stores';
import { factOf, followProcessingCentre, resolveFact } from './fact-changes';

/**
 * DossierDecided: the dossier resolved (counted once, with the status change 9 that also announces
 * it) and its decision; the fact's state moves to RESOLVED unless a later change already stands.
 */
export async function applyDecision(stores: StatisticsStores, p: DossierDecidedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'DossierDecided');
  await followProcessingCentre(stores, fact, p.processingCentreId);
  const resolvedAt = new Date(p.resolvedAt);
  const newer = fact.stateAt.getTime() <= resolvedAt.getTime() && fact.nationalStatusCode < 9;
  await resolveFact(stores, fact, resolvedAt, new Date(p.dueAt), {
    decision: p.decision,
    ...(newer ? { state: 'RESOLVED', nationalStatusCode: 9, stateAt: resolvedAt } : {}),
  });
}

/** ApologyIssued (thư xin lỗi): the new appointment, kept so that it never passes for the statutory due date. */
export async function applyApology(stores: StatisticsStores, p: ApologyIssuedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'ApologyIssued');
  await stores.facts.save(fact, { apologyDueAt: new Date(p.newDueAt) });
}
