import { NotReadyError, type ResultReturnedV1, type ServiceRatedV1 } from '@onestop/events';
import type { StatisticsStores } from '../persistence/stores';
import { rate } from '../domain/dossier-fact';
import { applyTransition, factOf } from './fact-changes';

/** ResultReturned: the result handed over (after the decision, else retried); RETURNED unless a later change stands. */
export async function applyReturn(stores: StatisticsStores, p: ResultReturnedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'ResultReturned');
  if (fact.resolvedAt === null) throw new NotReadyError(`return of ${fact.dossierId} before its decision`);
  const returnedAt = new Date(p.returnedAt);
  const newer = fact.stateAt.getTime() <= returnedAt.getTime();
  await stores.facts.save(fact, {
    returnedAt: fact.returnedAt ?? returnedAt,
    ...(newer ? { state: 'RETURNED', nationalStatusCode: 10, stateAt: returnedAt } : {}),
  });
}

/** ServiceRated: the rating counted on its day; a re-rating replaces the earlier one. */
export async function applyRating(stores: StatisticsStores, p: ServiceRatedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'ServiceRated');
  await applyTransition(stores, fact, rate(fact, p.overall, new Date(p.ratedAt)));
}
