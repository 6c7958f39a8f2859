import { at } from './__fixtures__/clock';
import type { CalendarDay, OfficePeriod, ProcessingTime } from './types';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();
const received = at('2026-03-02 10:00');

describe('Validation of inputs', () => {
  it.each([0, -1, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number])(
    'a processing time of %p is refused',
    (amount) => {
      for (const unit of ['WORKING_DAYS', 'CALENDAR_DAYS', 'WORKING_HOURS'] as const) {
        expect(() => cal.dueAt(received, { amount, unit })).toThrow(RangeError);
      }
    },
  );

  it('amounts from 1 to 3650 are accepted in every unit', () => {
    for (const unit of ['WORKING_DAYS', 'CALENDAR_DAYS', 'WORKING_HOURS'] as const) {
      expect(cal.dueAt(received, { amount: 1, unit }).getTime()).toBeGreaterThan(received.getTime());
      expect(cal.dueAt(received, { amount: 3650, unit }).getTime()).toBeGreaterThan(received.getTime());
    }
  });

  it('an unknown unit or a missing processing time is refused', () => {
    expect(() => cal.dueAt(received, { amount: 1, unit: 'MONTHS' } as unknown as ProcessingTime)).toThrow(RangeError);
    expect(() => cal.dueAt(received, null as unknown as ProcessingTime)).toThrow(RangeError);
  });

  it('an invalid Date is refused everywhere', () => {
    const bad = new Date('2026-02-30T25:00');
    expect(() => cal.receptionDay(bad)).toThrow(RangeError);
    expect(() => cal.dueAt(bad, { amount: 1, unit: 'WORKING_DAYS' })).toThrow(RangeError);
    expect(() => cal.workingMinutesBetween(bad, received)).toThrow(RangeError);
    expect(() => cal.workingMinutesBetween(received, bad)).toThrow(RangeError);
    expect(() => cal.addWorkingMinutes(bad, 10)).toThrow(RangeError);
    expect(() => cal.remainingWorkingMinutes(received, bad)).toThrow(RangeError);
    expect(() => cal.resume(bad, 10)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween(bad, received)).toThrow(RangeError);
    expect(() => cal.receptionDay('2026-03-02' as unknown as Date)).toThrow(RangeError);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-2-3', '20260303', '', '2026-03-02T10:00'])(
    'the date %p is refused',
    (date) => {
      expect(() => cal.isWorkingDay(date)).toThrow(RangeError);
    },
  );

  it('dates outside 1900–2199 are refused', () => {
    expect(() => cal.isWorkingDay('2200-01-01')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('1899-12-31')).toThrow(RangeError);
    expect(() => cal.specialDays(2200)).toThrow(RangeError);
    expect(() => cal.dueAt(at('2199-12-30 10:00'), { amount: 30, unit: 'WORKING_DAYS' })).toThrow(RangeError);
  });

  it('negative or non-finite office time to add is refused', () => {
    expect(() => cal.addWorkingMinutes(received, -1)).toThrow(RangeError);
    expect(() => cal.addWorkingMinutes(received, Number.NaN)).toThrow(RangeError);
    expect(() => cal.resume(received, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it.each<[string, CalendarDay]>([
    ['an impossible date', { date: '2026-02-29', kind: 'HOLIDAY', name: 'x' }],
    ['an unknown kind', { date: '2026-03-02', kind: 'DAY_OFF' as CalendarDay['kind'], name: 'x' }],
    ['a missing name', { date: '2026-03-02', kind: 'HOLIDAY' } as CalendarDay],
    ['a year out of range', { date: '2300-03-02', kind: 'HOLIDAY', name: 'x' }],
  ])('a declared day with %s is refused', (_, day) => {
    expect(() => new WorkingCalendar({ declared: [day] })).toThrow(RangeError);
  });

  it.each<[string, OfficePeriod[]]>([
    ['no period', []],
    ['a malformed time', [{ start: '7:30', end: '11:30' }]],
    ['an impossible time', [{ start: '07:30', end: '25:00' }]],
    ['a period ending before it starts', [{ start: '11:30', end: '07:30' }]],
    ['an empty period', [{ start: '11:30', end: '11:30' }]],
    [
      'overlapping periods',
      [
        { start: '07:30', end: '12:00' },
        { start: '11:30', end: '17:00' },
      ],
    ],
  ])('office hours with %s are refused', (_, officeHours) => {
    expect(() => new WorkingCalendar({ officeHours })).toThrow(RangeError);
  });
});
