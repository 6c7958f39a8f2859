import type { DossierAcceptedV1, DossierSubmittedV1 } from '@onestop/events';
import type { DossierFact } from '../persistence';
import type { StatisticsStores } from '../persistence/stores';
import { factOf, receiveFact } from './fact-changes';

/**
 * DossierSubmitted: the dossier's fact, its procedure's label, and — at a counter or by post,
 * received at once (status 2) — its reception. A redelivered submission changes nothing.
 */
export async function recordSubmission(stores: StatisticsStores, p: DossierSubmittedV1): Promise<void> {
  const fact = submittedFact(p);
  const { code, name, sector, version } = p.procedure;
  await stores.procedureLabels.label({ code, name, sector, version }, 'reception');
  if (!(await stores.facts.insert(fact)) || p.status !== 2 || !p.receivedAt) return;
  await receiveFact(stores, fact, new Date(p.receivedAt), p.dueAt ? new Date(p.dueAt) : null);
}

/** DossierAccepted: an online dossier received (1 → 2), unless a later status change already stands. */
export async function recordAcceptance(stores: StatisticsStores, p: DossierAcceptedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'DossierAccepted');
  if (fact.receivedAt !== null) return;
  const receivedAt = new Date(p.receivedAt);
  const stale = fact.stateAt.getTime() > receivedAt.getTime() && fact.nationalStatusCode !== 1;
  await receiveFact(
    stores,
    fact,
    receivedAt,
    new Date(p.dueAt),
    stale ? {} : { state: 'RECEIVED', nationalStatusCode: 2, stateAt: receivedAt },
  );
}

/** A dossier's fact as submitted: counted from its reception on (receiveFact). No personal data is kept. */
export function submittedFact(p: DossierSubmittedV1): DossierFact {
  const submittedAt = new Date(p.submittedAt);
  return {
    dossierId: p.dossierId,
    code: p.code,
    centreId: p.receivingCentre.id,
    processingCentreId: p.receivingCentre.id,
    level: p.receivingCentre.level,
    procedureId: p.procedure.id,
    procedureCode: p.procedure.code,
    sector: p.procedure.sector,
    channel: p.channel,
    submittedAt,
    receivedAt: null,
    dueAt: null,
    apologyDueAt: null,
    overdueFrom: null,
    state: p.status === 2 ? 'RECEIVED' : 'NEW',
    nationalStatusCode: p.status,
    stateAt: submittedAt,
    resolvedAt: null,
    decision: null,
    outcome: null,
    processingDays: null,
    closedAt: null,
    returnedAt: null,
    satisfaction: null,
    ratedAt: null,
  };
}
