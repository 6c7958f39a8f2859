import { isCalendarDate, parseIsoInstant } from './iso';

describe('strict ISO-8601 readers', () => {
  it('accept real days and instants', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(parseIsoInstant('2026-03-02T10:00:00+07:00')?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(parseIsoInstant('2026-03-02T10:00Z')?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(parseIsoInstant('2026-03-02T10:00:59.123456+0700')?.toISOString()).toBe('2026-03-02T03:00:59.123Z');
  });

  it('refuse impossible ones instead of shifting them', () => {
    for (const day of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-2-3', 'x'])
      expect(isCalendarDate(day)).toBe(false);
    for (const at of [
      '2026-02-30T10:00:00Z',
      '2026-04-31T00:00Z',
      '2026-01-01T24:00Z',
      '2026-01-01T23:60Z',
      '2026-01-01T10:00+25:00',
      '2026-01-01T10:00',
      '2026-01-01',
    ]) {
      expect(parseIsoInstant(at)).toBeNull();
    }
  });
});
