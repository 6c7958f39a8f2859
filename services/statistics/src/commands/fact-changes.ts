import { NotReadyError } from '@onestop/events';
import { localDateTime } from '@onestop/calendar';
import type { DossierFact } from '../persistence';
import type { StatisticsStores } from '../persistence/stores';
import { isOpen, receive, resolve, type Transition } from '../domain/dossier-fact';
import { dayOf } from '../domain/days';

/**
 * The common frame of the event commands: a dossier's fact, its change with the counters' deltas
 * in the same transaction, and the two changes several events announce (reception, resolution).
 */

export const NO_CHANGE: Transition = { patch: {}, deltas: [] };

/** The dossier's fact; an event about a dossier whose reception has not arrived yet throws NotReadyError (retried). */
export async function factOf(stores: StatisticsStores, dossierId: string, what: string): Promise<DossierFact> {
  const fact = await stores.facts.load(dossierId);
  if (!fact) throw new NotReadyError(`${what}: dossier ${dossierId} not known yet`);
  return fact;
}

/** The transition's patch (with `extra`) on the fact, and its deltas on the counters. */
export async function applyTransition(
  stores: StatisticsStores,
  fact: DossierFact,
  t: Transition,
  extra: Partial<DossierFact> = {},
): Promise<void> {
  await stores.facts.save(fact, { ...t.patch, ...extra } as Partial<DossierFact>);
  await stores.counters.add(fact, t.deltas);
}

/** Reception (status 2): counted as received, its due date running, and in the hourly traffic. */
export async function receiveFact(
  stores: StatisticsStores,
  fact: DossierFact,
  receivedAt: Date,
  dueAt: Date | null,
  extra: Partial<DossierFact> = {},
): Promise<void> {
  await applyTransition(stores, fact, receive(fact, receivedAt, dueAt), extra);
  const day = dayOf(receivedAt);
  const hour = Math.floor((receivedAt.getTime() - localDateTime(day).getTime()) / 3_600_000);
  await stores.counters.countReception(fact.centreId, day, hour, fact.channel === 'COUNTER');
}

/** The resolution counted once (DossierDecided and the status change 9 both announce it), with `extra` in the same update. */
export async function resolveFact(
  stores: StatisticsStores,
  fact: DossierFact,
  resolvedAt: Date,
  dueAt: Date | null,
  extra: Partial<DossierFact>,
): Promise<void> {
  if (fact.receivedAt === null) throw new NotReadyError(`resolution of ${fact.dossierId} before its reception`);
  if (!isOpen(fact)) return applyTransition(stores, fact, NO_CHANGE, extra);
  const due = statutoryDue(fact, dueAt) ?? resolvedAt;
  const calendar = await stores.calendar.current();
  const days = calendar.workingDaysBetween(fact.receivedAt, resolvedAt);
  await applyTransition(stores, fact, resolve(fact, resolvedAt, due, days), extra);
}

/** A decision or status change naming another processing centre (a transfer): kept for `Dossier.outcome`'s readers. */
export async function followProcessingCentre(
  stores: StatisticsStores,
  fact: DossierFact,
  processingCentreId: string | null | undefined,
): Promise<void> {
  if (processingCentreId && processingCentreId !== fact.processingCentreId)
    await stores.facts.save(fact, { processingCentreId });
}

/**
 * The due date an outcome is judged by: processing's, except a date promised by an apology letter
 * (thư xin lỗi), which excuses nothing — the dossier is still late against the statutory date.
 */
export function statutoryDue(fact: Pick<DossierFact, 'dueAt' | 'apologyDueAt'>, dueAt: Date | null): Date | null {
  if (dueAt && fact.apologyDueAt && dueAt.getTime() === fact.apologyDueAt.getTime()) return fact.dueAt;
  return dueAt ?? fact.dueAt;
}
