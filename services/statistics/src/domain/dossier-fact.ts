import { outcome as outcomeOf, type Outcome } from '@onestop/calendar';
import { dayOf, maxDay } from './days';
import { round4, type CounterDelta } from './measures';

/**
 * The parts of a dossier's fact that the counters depend on, and the pure transitions that say
 * how each lifecycle step changes the counters. No I/O: the handlers load the fact, call these,
 * and write the patch and the deltas in one transaction.
 */
export interface FactState {
  channel: 'COUNTER' | 'ONLINE' | 'POST';
  receivedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** The day on which the +1 of overdueDelta was counted, while it counts (see assignDue). */
  overdueFrom: string | null;
  satisfaction: Satisfaction | null;
  ratedAt: Date | null;
}

export type Satisfaction = 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED';

export interface Transition {
  patch: Partial<FactState> & { outcome?: Outcome; processingDays?: number };
  deltas: CounterDelta[];
}

const none: Transition = { patch: {}, deltas: [] };

export const isOpen = (f: FactState): boolean => f.receivedAt !== null && f.resolvedAt === null && f.closedAt === null;

/**
 * Overdue-in-progress as a stock: a due date assigned at instant `at` makes the dossier overdue at
 * every day boundary E with dueDay < E and atDay < E, until it is replaced or the dossier closes at
 * instant t2 (it still counts at E when t2Day >= E). So +1 goes in bucket max(dueDay, atDay) and
 * -1 in bucket max(t2Day, that start): the stock at E (sum of buckets before E) is then exactly
 * the open dossiers whose due day had passed at E. A changed due date (a supplementation pause,
 * which clears it, or a resumption) takes effect from the day of the change, so past reports
 * keep what was true then.
 */
export function assignDue(f: FactState, at: Date, dueAt: Date | null): Transition {
  const deltas: CounterDelta[] = [];
  const changeDay = dayOf(at);
  if (f.overdueFrom !== null) deltas.push({ day: maxDay(changeDay, f.overdueFrom), measures: { overdueDelta: -1 } });
  let overdueFrom: string | null = null;
  if (dueAt !== null && f.receivedAt !== null) {
    overdueFrom = maxDay(dayOf(dueAt), changeDay);
    deltas.push({ day: overdueFrom, measures: { overdueDelta: 1 } });
  }
  return { patch: { dueAt, overdueFrom }, deltas };
}

/** Reception (status 2): counted as received on its day, and its due date starts to run. */
export function receive(f: FactState, receivedAt: Date, dueAt: Date | null): Transition {
  if (f.receivedAt !== null) return none;
  const channelMeasure = f.channel === 'ONLINE' ? 'receivedOnline' : 'receivedOffline';
  const received = { ...f, receivedAt };
  const due = assignDue(received, receivedAt, dueAt);
  return {
    patch: { receivedAt, ...due.patch },
    deltas: [{ day: dayOf(receivedAt), measures: { [channelMeasure]: 1 } }, ...due.deltas],
  };
}

/**
 * A decision (status 9): resolved on its day, EARLY/ON_TIME/LATE by calendar day against the
 * statutory due date, with its processing time in working days.
 */
export function resolve(f: FactState, resolvedAt: Date, dueAt: Date, processingDays: number): Transition {
  if (!isOpen(f)) return none;
  const outcome = outcomeOf(resolvedAt, dueAt);
  const measure = outcome === 'EARLY' ? 'resolvedEarly' : outcome === 'ON_TIME' ? 'resolvedOnTime' : 'resolvedLate';
  const days = round4(processingDays);
  const stop = assignDue({ ...f, dueAt }, resolvedAt, null);
  return {
    patch: { resolvedAt, dueAt, outcome, processingDays: days, overdueFrom: null },
    deltas: [{ day: dayOf(resolvedAt), measures: { [measure]: 1, processingDays: days } }, ...stop.deltas],
  };
}

/** Withdrawn (7) or stopped (8) after reception: the dossier leaves the open stock without being resolved. */
export function closeUnresolved(f: FactState, at: Date): Transition {
  if (!isOpen(f)) return none;
  const stop = assignDue(f, at, null);
  return {
    patch: { closedAt: at, overdueFrom: null },
    deltas: [{ day: dayOf(at), measures: { closedUnresolved: 1 } }, ...stop.deltas],
  };
}

/** A (re-)rating replaces the previous one, counted on the day it was given. */
export function rate(f: FactState, overall: Satisfaction, ratedAt: Date): Transition {
  const satisfied = (s: Satisfaction) => (s === 'VERY_SATISFIED' || s === 'SATISFIED' ? 1 : 0);
  if (f.ratedAt && f.ratedAt.getTime() > ratedAt.getTime()) return none;
  const deltas: CounterDelta[] = [];
  if (f.satisfaction && f.ratedAt)
    deltas.push({ day: dayOf(f.ratedAt), measures: { ratings: -1, ratingsSatisfied: -satisfied(f.satisfaction) } });
  deltas.push({ day: dayOf(ratedAt), measures: { ratings: 1, ratingsSatisfied: satisfied(overall) } });
  return { patch: { satisfaction: overall, ratedAt }, deltas };
}
