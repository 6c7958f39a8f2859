import { figuresBetween, isEmpty, openAt, sumFigures, sumMonths, withRates, type Figures } from './figures';
import type { Measures } from './measures';

const measures = (m: Partial<Measures>): Measures => ({
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
  ...m,
});

/** A row with only counts given; rates computed as the report computes them. */
const row = (c: Partial<Figures>): Figures =>
  withRates({
    received: 0,
    receivedOnline: 0,
    receivedOffline: 0,
    carriedOver: 0,
    resolved: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    closedUnresolved: 0,
    inProgress: 0,
    inProgressNotDue: 0,
    inProgressOverdue: 0,
    ratings: 0,
    processingDaysSum: 0,
    ratingsSatisfied: 0,
    ...c,
  });

describe('form II.06a figures from the running counters', () => {
  // Before the period: 10 received, 6 resolved, 1 withdrawn → 3 open. By its end: 25 received, 18 resolved, 2 closed, 2 of the open overdue.
  const atStart = measures({
    receivedOnline: 4,
    receivedOffline: 6,
    resolvedEarly: 2,
    resolvedOnTime: 3,
    resolvedLate: 1,
    closedUnresolved: 1,
    processingDays: 30,
    ratings: 2,
    ratingsSatisfied: 2,
  });
  const atEnd = measures({
    receivedOnline: 12,
    receivedOffline: 13,
    resolvedEarly: 7,
    resolvedOnTime: 8,
    resolvedLate: 3,
    closedUnresolved: 2,
    processingDays: 90.5,
    overdueDelta: 2,
    ratings: 6,
    ratingsSatisfied: 5,
  });

  it('flows are what happened within the period; stocks are what was open at its start and end', () => {
    const f = figuresBetween(atStart, atEnd);
    expect(openAt(atStart)).toBe(3);
    expect(f).toMatchObject({
      received: 15,
      receivedOnline: 8,
      receivedOffline: 7,
      carriedOver: 3,
      resolved: 12,
      resolvedEarly: 5,
      resolvedOnTime: 5,
      resolvedLate: 2,
      closedUnresolved: 1,
      inProgress: 5,
      inProgressOverdue: 2,
      inProgressNotDue: 3,
      ratings: 4,
      ratingsSatisfied: 3,
    });
    // Every dossier is accounted for: carried over + received = resolved + closed + still open.
    expect(f.carriedOver + f.received).toBe(f.resolved + f.closedUnresolved + f.inProgress);
  });

  it('rates: on time counts early too; the average is in working days; nothing to rate gives no rate, not zero', () => {
    const f = figuresBetween(atStart, atEnd);
    expect(f.onTimeRate).toBe(0.8333);
    expect(f.averageProcessingDays).toBe(5.04); // 60.5 working days over 12 resolved
    expect(f.satisfactionRate).toBe(0.75);
    expect(figuresBetween(atEnd, atEnd)).toMatchObject({
      onTimeRate: null,
      averageProcessingDays: null,
      satisfactionRate: null,
      received: 0,
    });
  });

  it('a total’s rate is the pooled rate of its rows, not the average of their rates', () => {
    const a = row({ resolved: 1, resolvedOnTime: 1, processingDaysSum: 2 });
    const b = row({ resolved: 3, resolvedOnTime: 1, resolvedLate: 2, processingDaysSum: 12 });
    const total = sumFigures([a, b]);
    expect([a.onTimeRate, b.onTimeRate]).toEqual([1, 0.3333]);
    expect(total).toMatchObject({
      resolved: 4,
      resolvedOnTime: 2,
      resolvedLate: 2,
      onTimeRate: 0.5,
      averageProcessingDays: 3.5,
    });
  });

  it('months add up their flows, but the period’s stocks are its first month’s carried over and its last month’s open', () => {
    const march = row({
      received: 10,
      carriedOver: 4,
      inProgress: 6,
      inProgressNotDue: 5,
      inProgressOverdue: 1,
      resolved: 8,
      resolvedOnTime: 8,
    });
    const april = row({
      received: 5,
      carriedOver: 6,
      inProgress: 2,
      inProgressNotDue: 2,
      inProgressOverdue: 0,
      resolved: 9,
      resolvedLate: 9,
    });
    expect(sumMonths([march, april])).toMatchObject({
      received: 15,
      resolved: 17,
      carriedOver: 4,
      inProgress: 2,
      inProgressOverdue: 0,
      onTimeRate: 0.4706,
    });
    expect(sumMonths([])).toMatchObject({ received: 0, inProgress: 0 });
  });

  it('a group shows when anything happened to it or it holds open dossiers', () => {
    expect(isEmpty(row({}))).toBe(true);
    expect(isEmpty(row({ carriedOver: 1 }))).toBe(false);
    expect(isEmpty(row({ ratings: 1 }))).toBe(false);
  });

  it('processing days are kept to 4 decimals through flows and totals (no float drift in a sum of many rows)', () => {
    expect(figuresBetween(measures({ processingDays: 0.1 }), measures({ processingDays: 0.3 })).processingDaysSum).toBe(
      0.2,
    );
    const rows = Array.from({ length: 10 }, () => row({ resolved: 1, resolvedOnTime: 1, processingDaysSum: 0.1 }));
    expect(sumFigures(rows)).toMatchObject({ processingDaysSum: 1, averageProcessingDays: 0.1, onTimeRate: 1 });
  });

  it('an empty period between equal sums: no flow, the open stock carried over and still in progress, split by overdue', () => {
    const sums = measures({ receivedOffline: 3, resolvedLate: 1, overdueDelta: 1 });
    expect(figuresBetween(sums, sums)).toMatchObject({
      received: 0,
      resolved: 0,
      carriedOver: 2,
      inProgress: 2,
      inProgressOverdue: 1,
      inProgressNotDue: 1,
      onTimeRate: null,
    });
  });
});
