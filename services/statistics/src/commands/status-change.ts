import { NotReadyError, type DossierStatus, type DossierStatusChangedV1 } from '@onestop/events';
import type { DossierFact } from '../persistence';
import type { StatisticsStores } from '../persistence/stores';
import { assignDue, closeUnresolved, isOpen } from '../domain/dossier-fact';
import { applyTransition, factOf, followProcessingCentre, NO_CHANGE, resolveFact } from './fact-changes';

/** The clock is stopped, waiting for the applicant: no running due date (in progress, not due). */
const PAUSED: readonly DossierStatus[] = ['SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'];

/**
 * DossierStatusChanged: the fact follows the dossier's status; what the counters see depends on
 * where it now stands. A change older than the fact's last one (`stateAt`) arrived late: ignored.
 */
export async function applyStatusChange(stores: StatisticsStores, p: DossierStatusChangedV1): Promise<void> {
  const fact = await factOf(stores, p.dossierId, 'DossierStatusChanged');
  const at = new Date(p.at);
  if (fact.stateAt.getTime() > at.getTime()) return;
  await followProcessingCentre(stores, fact, p.processingCentreId);
  const state: Partial<DossierFact> = { state: p.status, nationalStatusCode: p.nationalStatusCode, stateAt: at };
  switch (p.status) {
    case 'RETURNED':
      return applyTransition(stores, fact, NO_CHANGE, { ...state, returnedAt: fact.returnedAt ?? at });
    case 'RESOLVED':
      return resolveFact(
        stores,
        fact,
        p.resolvedAt ? new Date(p.resolvedAt) : at,
        p.dueAt ? new Date(p.dueAt) : null,
        state,
      );
    case 'WITHDRAWN':
    case 'STOPPED':
      return applyTransition(stores, fact, closeUnresolved(fact, at), state);
    case 'NEW':
    case 'NOT_ACCEPTED':
      return applyTransition(stores, fact, NO_CHANGE, state);
    case 'RECEIVED':
    case 'PROCESSING':
    case 'SUPPLEMENT_REQUESTED':
    case 'FINANCIAL_OBLIGATION': {
      // Still open: the due date may have stopped (a pause) or moved (a resumption).
      if (fact.receivedAt === null)
        throw new NotReadyError(`status ${p.nationalStatusCode} of ${fact.dossierId} before its reception`);
      if (!isOpen(fact)) return;
      const next = statutoryDueOf(fact, p);
      const moved = next !== undefined && (next?.getTime() ?? null) !== (fact.dueAt?.getTime() ?? null);
      return applyTransition(stores, fact, moved ? assignDue(fact, at, next) : NO_CHANGE, state);
    }
    default:
      return unknownStatus(p.status);
  }
}

/** Every status is handled above (the catalogue's union): a new one fails to compile here first. */
function unknownStatus(status: never): never {
  throw new Error(`DossierStatusChanged with an unknown status ${String(status)}`);
}

/**
 * The statutory due date a status change carries: none while paused, else `statutoryDueAt`, or
 * `dueAt` from a publisher that does not send it. undefined: the change says nothing about the
 * statutory date (an apology's appointment, văn bản xin lỗi).
 */
export function statutoryDueOf(
  fact: Pick<DossierFact, 'apologyDueAt'>,
  p: DossierStatusChangedV1,
): Date | null | undefined {
  if (PAUSED.includes(p.status)) return null;
  if (p.statutoryDueAt) return new Date(p.statutoryDueAt);
  if (p.action === 'APOLOGISE') return undefined;
  const next = p.dueAt ? new Date(p.dueAt) : null;
  if (next && fact.apologyDueAt && next.getTime() === fact.apologyDueAt.getTime()) return undefined;
  return next;
}
