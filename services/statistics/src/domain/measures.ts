/**
 * What the counters count, per bucket (a day, month or year) and per group. Flows are counted in
 * the bucket of the day they happened; the two stocks (open and open-overdue dossiers) are kept as
 * deltas, so that the stock at the start of a day is the sum of the deltas of every earlier day.
 */
export interface Measures {
  /** Received (status 2) online. */
  receivedOnline: number;
  /** Received at the counter or by post. */
  receivedOffline: number;
  /** Resolved (a decision, status 9), by outcome. */
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Sum of the resolved dossiers' processing times in working days (4 decimals, exact in SQL numeric). */
  processingDays: number;
  /** Ended without a decision after reception: withdrawn (7) or stopped (8). */
  closedUnresolved: number;
  /** +1 on the day an open dossier's due day has passed, -1 on the day it stops counting as overdue. */
  overdueDelta: number;
  /** Satisfaction ratings given, and those VERY_SATISFIED or SATISFIED. */
  ratings: number;
  ratingsSatisfied: number;
}

export const MEASURES: readonly (keyof Measures)[] = [
  'receivedOnline',
  'receivedOffline',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'processingDays',
  'closedUnresolved',
  'overdueDelta',
  'ratings',
  'ratingsSatisfied',
];

/** Column names of the measures in the counter table. */
export const MEASURE_COLUMNS: Record<keyof Measures, string> = {
  receivedOnline: 'received_online',
  receivedOffline: 'received_offline',
  resolvedEarly: 'resolved_early',
  resolvedOnTime: 'resolved_on_time',
  resolvedLate: 'resolved_late',
  processingDays: 'processing_days',
  closedUnresolved: 'closed_unresolved',
  overdueDelta: 'overdue_delta',
  ratings: 'ratings',
  ratingsSatisfied: 'ratings_satisfied',
};

export const zeroMeasures = (): Measures => ({
  receivedOnline: 0,
  receivedOffline: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  processingDays: 0,
  closedUnresolved: 0,
  overdueDelta: 0,
  ratings: 0,
  ratingsSatisfied: 0,
});

export function addMeasures(a: Measures, b: Partial<Measures>, sign = 1): Measures {
  const out = { ...a };
  for (const k of MEASURES) out[k] = a[k] + sign * (b[k] ?? 0);
  out.processingDays = round4(out.processingDays);
  return out;
}

export const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** A change to the counters: `measures` added in the buckets of `day`. */
export interface CounterDelta {
  day: string;
  measures: Partial<Measures>;
}

/** Adds up the deltas of one day, dropping those that cancel out. */
export function mergeDeltas(deltas: CounterDelta[]): CounterDelta[] {
  const byDay = new Map<string, Measures>();
  for (const d of deltas) byDay.set(d.day, addMeasures(byDay.get(d.day) ?? zeroMeasures(), d.measures));
  return [...byDay]
    .filter(([, m]) => MEASURES.some((k) => m[k] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, measures]) => ({ day, measures }));
}
