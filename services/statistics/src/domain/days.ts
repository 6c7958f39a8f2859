import { localDate } from '@onestop/calendar';

/**
 * Counters are kept per local day (Asia/Ho_Chi_Minh) and rolled up per month and per year, so
 * that a sum over "every day before X" reads at most (years) + 11 months + 30 days of buckets.
 */
export type Grain = 'D' | 'M' | 'Y';

/** The local calendar day (YYYY-MM-DD) of an instant. */
export const dayOf = (at: Date): string => localDate(at);

export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
export const yearOf = (day: string): string => `${day.slice(0, 4)}-01-01`;

/** The three buckets an event of `day` is counted in. */
export function bucketsOf(day: string): Array<{ grain: Grain; bucket: string }> {
  return [
    { grain: 'D', bucket: day },
    { grain: 'M', bucket: monthOf(day) },
    { grain: 'Y', bucket: yearOf(day) },
  ];
}

/**
 * The buckets whose sum is "everything counted on a day strictly before `day`":
 * whole years before its year, whole months of its year before its month, days of its month before it.
 */
export function prefixBounds(day: string): { day: string; month: string; year: string } {
  return { day, month: monthOf(day), year: yearOf(day) };
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMonths(month: string, n: number): string {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

export const maxDay = (a: string, b: string): string => (a > b ? a : b);
export const minDay = (a: string, b: string): string => (a < b ? a : b);

/**
 * The months a period [from, to] touches, each clipped to the period, as half-open day ranges
 * [start, end) — the rows of a report grouped by MONTH.
 */
export function monthsOf(from: string, to: string): Array<{ key: string; start: string; end: string }> {
  const end = addDays(to, 1);
  const out: Array<{ key: string; start: string; end: string }> = [];
  for (let m = monthOf(from); m < end; m = addMonths(m, 1)) {
    out.push({ key: m.slice(0, 7), start: maxDay(m, from), end: minDay(addMonths(m, 1), end) });
  }
  return out;
}

/**
 * A read of the counters: the buckets of `grain` in [from, to) (from null: every bucket before
 * `to`), multiplied by `coefficient`, added to output number `output`.
 */
export interface BucketTerm {
  output: number;
  grain: Grain;
  from: string | null;
  to: string;
  coefficient: number;
}

const nextBucket = (grain: Grain, bucket: string): string =>
  grain === 'D' ? addDays(bucket, 1) : grain === 'M' ? addMonths(bucket, 1) : `${Number(bucket.slice(0, 4)) + 1}-01-01`;

const daysInMonth = (month: string): number => (Date.parse(addMonths(month, 1)) - Date.parse(month)) / 86_400_000;

/**
 * "Everything counted before `day`" as signed buckets, the shorter way round: the days of its month
 * before it (≤ 15), or the month's successor minus the days from it on; likewise the months of its
 * year before its month (≤ 6), or the whole year minus the months from it on. Years before
 * `firstYear` are one open-ended term (key 'Y|').
 */
function prefixBuckets(day: string, firstYear: string, into: Map<string, number>, sign: number): void {
  const add = (grain: Grain, bucket: string, c: number) => {
    const key = `${grain}|${bucket}`;
    into.set(key, (into.get(key) ?? 0) + c);
  };
  const beforeYear = (year: string, c: number) => {
    add('Y', '', c);
    for (let y = firstYear; y < year; y = nextBucket('Y', y)) add('Y', y, c);
  };
  const beforeMonth = (month: string, c: number) => {
    const year = yearOf(month);
    const index = Number(month.slice(5, 7)) - 1;
    if (index <= 12 - index) {
      beforeYear(year, c);
      for (let m = year; m < month; m = addMonths(m, 1)) add('M', m, c);
    } else {
      const next = nextBucket('Y', year);
      beforeYear(next, c);
      for (let m = month; m < next; m = addMonths(m, 1)) add('M', m, -c);
    }
  };
  const month = monthOf(day);
  const index = Number(day.slice(8, 10)) - 1;
  if (index <= daysInMonth(month) - index) {
    beforeMonth(month, sign);
    for (let d = month; d < day; d = addDays(d, 1)) add('D', d, sign);
  } else {
    const next = addMonths(month, 1);
    beforeMonth(next, sign);
    for (let d = day; d < next; d = addDays(d, 1)) add('D', d, -sign);
  }
}

/**
 * The counter reads behind outputs that are differences of prefix sums: output 0 is the sum before
 * boundaries[0], output i the sum between boundaries[i-1] and boundaries[i]. Buckets common to the
 * two prefixes of a difference cancel out (a year-aligned period reads its year rows only), and
 * runs of neighbouring buckets with one coefficient become one range: one index range scan each.
 */
export function bucketTerms(boundaries: string[]): BucketTerm[] {
  const firstYear = yearOf(boundaries.reduce(minDay));
  const terms: BucketTerm[] = [];
  boundaries.forEach((boundary, output) => {
    const coefficients = new Map<string, number>();
    prefixBuckets(boundary, firstYear, coefficients, 1);
    if (output > 0) prefixBuckets(boundaries[output - 1], firstYear, coefficients, -1);
    const byGrain = new Map<Grain, Array<[string, number]>>();
    for (const [key, c] of coefficients) {
      if (c === 0) continue;
      const [grain, bucket] = key.split('|') as [Grain, string];
      if (bucket === '') terms.push({ output, grain, from: null, to: firstYear, coefficient: c });
      else byGrain.set(grain, [...(byGrain.get(grain) ?? []), [bucket, c]]);
    }
    for (const [grain, buckets] of byGrain) {
      buckets.sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [bucket, c] of buckets) {
        const last = terms[terms.length - 1];
        if (
          last &&
          last.output === output &&
          last.grain === grain &&
          last.from !== null &&
          last.to === bucket &&
          last.coefficient === c
        )
          last.to = nextBucket(grain, bucket);
        else terms.push({ output, grain, from: bucket, to: nextBucket(grain, bucket), coefficient: c });
      }
    }
  });
  return terms;
}
