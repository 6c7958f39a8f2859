import { at } from './__fixtures__/clock';
import { outcome } from './outcome';
import { localDate, localDateTime, toLocalISOString } from './time';

describe('Outcome: compared by calendar day in Hồ Chí Minh City time', () => {
  const due = at('2026-02-23 17:00');

  it('a dossier resolved before the due day is EARLY', () => {
    expect(outcome(at('2026-02-13 10:00'), due)).toBe('EARLY');
    expect(outcome(at('2026-02-22 23:59'), due)).toBe('EARLY');
  });

  it('a dossier resolved on the due day is ON_TIME, even after office hours', () => {
    expect(outcome(at('2026-02-23 00:00'), due)).toBe('ON_TIME');
    expect(outcome(at('2026-02-23 16:59'), due)).toBe('ON_TIME');
    expect(outcome(at('2026-02-23 17:30'), due)).toBe('ON_TIME');
    expect(outcome(at('2026-02-23 23:59:59'), due)).toBe('ON_TIME');
  });

  it('a dossier resolved after the due day is LATE', () => {
    expect(outcome(at('2026-02-24 00:00'), due)).toBe('LATE');
    expect(outcome(at('2026-03-02 07:30'), due)).toBe('LATE');
  });

  it('the day is the Vietnamese day, not the UTC day', () => {
    // 17:30 UTC on 23 Feb is 00:30 on 24 Feb in Vietnam
    expect(outcome(new Date('2026-02-23T17:30:00Z'), due)).toBe('LATE');
    expect(outcome(new Date('2026-02-22T17:00:00Z'), due)).toBe('ON_TIME');
    expect(outcome(new Date('2026-02-22T16:59:59.999Z'), due)).toBe('EARLY');
  });

  it('rejects an invalid Date', () => {
    expect(() => outcome(new Date('nope'), due)).toThrow(RangeError);
    expect(() => outcome(due, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('Local time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving)', () => {
  it('the Vietnamese day starts at 17:00 UTC of the day before', () => {
    expect(localDate(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(localDate(new Date('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16');
  });

  it('local wall-clock times convert to instants and back', () => {
    expect(localDateTime('2026-02-17', '07:30').toISOString()).toBe('2026-02-17T00:30:00.000Z');
    expect(localDateTime('2026-02-17').toISOString()).toBe('2026-02-16T17:00:00.000Z');
    expect(localDateTime('2026-02-17', '15:00:01').toISOString()).toBe('2026-02-17T08:00:01.000Z');
    expect(toLocalISOString(new Date('2026-02-17T10:00:00Z'))).toBe('2026-02-17T17:00:00+07:00');
    expect(toLocalISOString(new Date('2026-02-17T10:00:00.250Z'))).toBe('2026-02-17T17:00:00.250+07:00');
  });

  it('rejects malformed or impossible dates and times', () => {
    expect(() => localDate(new Date('not a date'))).toThrow(RangeError);
    expect(() => localDate('2026-02-17' as unknown as Date)).toThrow(RangeError);
    expect(() => localDateTime('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => localDateTime('2026-2-3', '10:00')).toThrow(RangeError);
    expect(() => localDateTime('2026-02-17', '7:30')).toThrow(RangeError);
    expect(() => localDateTime('2026-02-17', '24:30')).toThrow(RangeError);
    expect(() => localDateTime('2026-02-17', '10:00:60')).toThrow(RangeError);
  });
});
