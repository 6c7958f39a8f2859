import { round4, type Measures } from './measures';

/** One row of form II.06a (see schema.graphql for the definition of every figure). */
export interface Figures {
  received: number;
  receivedOnline: number;
  receivedOffline: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  closedUnresolved: number;
  inProgress: number;
  inProgressNotDue: number;
  inProgressOverdue: number;
  onTimeRate: number | null;
  averageProcessingDays: number | null;
  satisfactionRate: number | null;
  ratings: number;
  /** Sum of working days of the resolved dossiers; kept to compute averages of sums. */
  processingDaysSum: number;
  ratingsSatisfied: number;
}

/** Dossiers open at a day boundary: received before it, neither resolved nor closed before it. */
export const openAt = (p: Measures): number =>
  p.receivedOnline + p.receivedOffline - p.resolvedEarly - p.resolvedOnTime - p.resolvedLate - p.closedUnresolved;

/**
 * A group's figures for the period [start, end) from the counters summed over every day before
 * each boundary: flows are differences of the two sums, stocks are the sums themselves.
 */
export function figuresBetween(atStart: Measures, atEnd: Measures): Figures {
  const flow = (k: keyof Measures) => atEnd[k] - atStart[k];
  const inProgress = openAt(atEnd);
  return withRates({
    receivedOnline: flow('receivedOnline'),
    receivedOffline: flow('receivedOffline'),
    received: flow('receivedOnline') + flow('receivedOffline'),
    carriedOver: openAt(atStart),
    resolvedEarly: flow('resolvedEarly'),
    resolvedOnTime: flow('resolvedOnTime'),
    resolvedLate: flow('resolvedLate'),
    resolved: flow('resolvedEarly') + flow('resolvedOnTime') + flow('resolvedLate'),
    closedUnresolved: flow('closedUnresolved'),
    inProgress,
    inProgressOverdue: atEnd.overdueDelta,
    inProgressNotDue: inProgress - atEnd.overdueDelta,
    processingDaysSum: round4(flow('processingDays')),
    ratings: flow('ratings'),
    ratingsSatisfied: flow('ratingsSatisfied'),
  });
}

type Counts = Omit<Figures, 'onTimeRate' | 'averageProcessingDays' | 'satisfactionRate'>;
const COUNTS: (keyof Counts)[] = [
  'received',
  'receivedOnline',
  'receivedOffline',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'closedUnresolved',
  'inProgress',
  'inProgressNotDue',
  'inProgressOverdue',
  'ratings',
  'processingDaysSum',
  'ratingsSatisfied',
];

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** The rates are ratios of the sums, never averages of rates, so a total's rate is its rows' pooled rate. */
export function withRates(c: Counts): Figures {
  return {
    ...c,
    onTimeRate: ratio(c.resolvedEarly + c.resolvedOnTime, c.resolved),
    averageProcessingDays: c.resolved === 0 ? null : Math.round((c.processingDaysSum / c.resolved) * 100) / 100,
    satisfactionRate: ratio(c.ratingsSatisfied, c.ratings),
  };
}

/** The total of rows that partition the dossiers (every grouping but MONTH): every count is the sum of the rows'. */
export function sumFigures(rows: Figures[]): Figures {
  const total = Object.fromEntries(COUNTS.map((k) => [k, 0])) as unknown as Counts;
  for (const row of rows) for (const k of COUNTS) total[k] += row[k];
  total.processingDaysSum = round4(total.processingDaysSum);
  return withRates(total);
}

/**
 * The total of a MONTH grouping: flows add up over the months, but a stock is a snapshot, so the
 * period's carried-over stock is the first month's and its in-progress stock the last month's.
 */
export function sumMonths(rows: Figures[]): Figures {
  const flows = sumFigures(rows);
  if (rows.length === 0) return flows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return withRates({
    ...flows,
    carriedOver: first.carriedOver,
    inProgress: last.inProgress,
    inProgressNotDue: last.inProgressNotDue,
    inProgressOverdue: last.inProgressOverdue,
  });
}

/** A group shows in the report when anything happened to it in the period or it holds open dossiers. */
export const isEmpty = (f: Figures): boolean =>
  f.received === 0 &&
  f.carriedOver === 0 &&
  f.resolved === 0 &&
  f.closedUnresolved === 0 &&
  f.inProgress === 0 &&
  f.ratings === 0;
