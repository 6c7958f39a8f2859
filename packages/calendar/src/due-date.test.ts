import { at, local } from './__fixtures__/clock';
import type { CalendarDay, ProcessingTime } from './types';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();
const days = (amount: number): ProcessingTime => ({ amount, unit: 'WORKING_DAYS' });
const calendarDays = (amount: number): ProcessingTime => ({ amount, unit: 'CALENDAR_DAYS' });
const hours = (amount: number): ProcessingTime => ({ amount, unit: 'WORKING_HOURS' });
const extraDayOff = (date: string): CalendarDay => ({ date, kind: 'HOLIDAY', name: 'Nghỉ thêm (extra day off)' });
const makeupSaturday = (date: string): CalendarDay => ({
  date,
  kind: 'MAKEUP_WORKDAY',
  name: 'Làm bù (make-up working day)',
});

describe('Due date for N working days: 17:00 of the N-th working day after the reception day', () => {
  it('two working days from Monday are due on Wednesday at 17:00', () => {
    expect(local(cal.dueAt(at('2026-03-02 10:00'), days(2)))).toBe('2026-03-04 17:00');
  });

  it('five working days from Monday 9 Feb 2026 skip Tết and are due on Monday 23 Feb at 17:00', () => {
    expect(local(cal.dueAt(at('2026-02-09 10:00'), days(5)))).toBe('2026-02-23 17:00');
  });

  it('one working day from Friday 13 Feb 2026 at 14:59 is due on the Monday after Tết', () => {
    expect(local(cal.dueAt(at('2026-02-13 14:59'), days(1)))).toBe('2026-02-23 17:00');
  });

  it('at exactly 15:00 it still counts from Friday; at 15:00:01 it counts from Monday 23 Feb and is due Tuesday', () => {
    expect(local(cal.dueAt(at('2026-02-13 15:00:00'), days(1)))).toBe('2026-02-23 17:00');
    expect(local(cal.dueAt(at('2026-02-13 15:00:01'), days(1)))).toBe('2026-02-24 17:00');
    expect(local(cal.dueAt(at('2026-02-13 15:01'), days(1)))).toBe('2026-02-24 17:00');
  });

  it('three working days from Thursday 4 Feb 2027 skip Tết and its two compensatory days: due Tuesday 16 Feb 2027', () => {
    // off: Fri 5 – Tue 9 (Tết), Wed 10 and Thu 11 (compensatory), the weekend 13–14
    expect(local(cal.dueAt(at('2027-02-04 09:00'), days(3)))).toBe('2027-02-16 17:00');
  });

  it('a dossier received on a Sunday counts from Monday: one working day is due Tuesday', () => {
    expect(local(cal.dueAt(at('2026-03-08 10:00'), days(1)))).toBe('2026-03-10 17:00');
  });

  it("a province's extra day off after Tết (Monday 23 Feb 2026) pushes the due date back one day", () => {
    const c = new WorkingCalendar({ declared: [extraDayOff('2026-02-23')] });
    expect(local(cal.dueAt(at('2026-02-13 10:00'), days(2)))).toBe('2026-02-24 17:00');
    expect(local(c.dueAt(at('2026-02-13 10:00'), days(2)))).toBe('2026-02-25 17:00');
  });

  it('a make-up Saturday counts as a working day: two working days from Thursday 26 Feb are due Saturday 28 Feb', () => {
    const c = new WorkingCalendar({ declared: [makeupSaturday('2026-02-28')] });
    expect(local(c.dueAt(at('2026-02-26 09:00'), days(2)))).toBe('2026-02-28 17:00');
    expect(local(cal.dueAt(at('2026-02-26 09:00'), days(2)))).toBe('2026-03-02 17:00');
  });

  it("three working days from Friday 24 Apr 2026 skip Hùng Kings' compensatory Monday and 30 April – 1 May: due Monday 4 May", () => {
    expect(local(cal.dueAt(at('2026-04-24 10:00'), days(3)))).toBe('2026-05-04 17:00');
  });

  it('two working days from Wednesday 30 Dec 2026 skip New Year: due Monday 4 Jan 2027', () => {
    expect(local(cal.dueAt(at('2026-12-30 10:00'), days(2)))).toBe('2027-01-04 17:00');
  });

  it("the due time is the end of the centre's last office period (16:30 for a centre open 07:00–11:30, 13:00–16:30)", () => {
    const c = new WorkingCalendar({
      officeHours: [
        { start: '13:00', end: '16:30' },
        { start: '07:00', end: '11:30' },
      ],
    });
    expect(local(c.dueAt(at('2026-03-02 10:00'), days(2)))).toBe('2026-03-04 16:30');
  });

  it('a procedure of 3650 working days (the longest accepted) is due on a working day about 14 years later', () => {
    const due = cal.dueAt(at('2026-03-02 10:00'), days(3650));
    expect(local(due)).toMatch(/^2040-\d\d-\d\d 17:00$/);
  });
});

describe('Due date for N calendar days: the N-th day after reception, moved to the next working day if off', () => {
  it('three calendar days from Monday 2 Mar 2026 end on Thursday 5 Mar at 17:00', () => {
    expect(local(cal.dueAt(at('2026-03-02 10:00'), calendarDays(3)))).toBe('2026-03-05 17:00');
  });

  it('seven calendar days from Monday 9 Feb 2026 end on a Tết day and move to Monday 23 Feb', () => {
    expect(local(cal.dueAt(at('2026-02-09 10:00'), calendarDays(7)))).toBe('2026-02-23 17:00');
  });

  it('ten calendar days from Wednesday 4 Feb 2026 end on Saturday 14 Feb and move past Tết to Monday 23 Feb', () => {
    expect(local(cal.dueAt(at('2026-02-04 10:00'), calendarDays(10)))).toBe('2026-02-23 17:00');
  });

  it('six calendar days from Monday end on Sunday and move to Monday', () => {
    expect(local(cal.dueAt(at('2026-03-02 10:00'), calendarDays(6)))).toBe('2026-03-09 17:00');
  });

  it('counting starts from the reception day: Friday 6 Mar after 15:00 counts from Monday 9 Mar, so 3 days end Thursday 12 Mar', () => {
    expect(local(cal.dueAt(at('2026-03-06 16:00'), calendarDays(3)))).toBe('2026-03-12 17:00');
  });

  it('nine calendar days from Monday 24 Aug 2026 end on National Day (Wednesday 2 Sep) and move to Thursday 3 Sep', () => {
    expect(local(cal.dueAt(at('2026-08-24 10:00'), calendarDays(9)))).toBe('2026-09-03 17:00');
  });

  it('a procedure ending on a declared extra day off moves to the next working day', () => {
    const c = new WorkingCalendar({ declared: [extraDayOff('2026-03-05')] });
    expect(local(c.dueAt(at('2026-03-02 10:00'), calendarDays(3)))).toBe('2026-03-06 17:00');
  });

  it('a procedure ending on a make-up Saturday is due that Saturday', () => {
    const c = new WorkingCalendar({ declared: [makeupSaturday('2026-03-07')] });
    expect(local(c.dueAt(at('2026-03-02 10:00'), calendarDays(5)))).toBe('2026-03-07 17:00');
  });
});

describe('Due date for N working hours: N hours of office time from the moment of reception', () => {
  it('four hours from Monday 09:00 cross lunch and end at 15:00', () => {
    expect(local(cal.dueAt(at('2026-03-02 09:00'), hours(4)))).toBe('2026-03-02 15:00');
  });

  it('four hours from Monday 16:00 cross the night and end Tuesday at 10:30', () => {
    expect(local(cal.dueAt(at('2026-03-02 16:00'), hours(4)))).toBe('2026-03-03 10:30');
  });

  it('a dossier received during lunch starts counting at 13:30', () => {
    expect(local(cal.dueAt(at('2026-03-02 12:00'), hours(2)))).toBe('2026-03-02 15:30');
  });

  it('a dossier received before the office opens starts counting at 07:30', () => {
    expect(local(cal.dueAt(at('2026-03-02 06:00'), hours(1)))).toBe('2026-03-02 08:30');
  });

  it('four hours from 07:30 end at 11:30 that morning, not at 13:30', () => {
    expect(local(cal.dueAt(at('2026-03-02 07:30'), hours(4)))).toBe('2026-03-02 11:30');
  });

  it('a dossier received on Sunday starts counting on Monday at 07:30', () => {
    expect(local(cal.dueAt(at('2026-03-08 10:00'), hours(2)))).toBe('2026-03-09 09:30');
  });

  it('two hours from Friday 16:00 cross the weekend and end Monday 08:30', () => {
    expect(local(cal.dueAt(at('2026-03-06 16:00'), hours(2)))).toBe('2026-03-09 08:30');
  });

  it('the 15:00 cut-off does not apply to hours: one hour from Monday 16:30 ends Tuesday 08:00', () => {
    expect(local(cal.dueAt(at('2026-03-02 16:30'), hours(1)))).toBe('2026-03-03 08:00');
  });

  it('eight hours from Friday 13 Feb 2026 at 16:00 cross Tết and end Monday 23 Feb at 16:30', () => {
    expect(local(cal.dueAt(at('2026-02-13 16:00'), hours(8)))).toBe('2026-02-23 16:30');
  });

  it('24 hours from Monday 07:30 take three full office days (7 h 30 each) and 1 h 30 more: Thursday 09:00', () => {
    expect(local(cal.dueAt(at('2026-03-02 07:30'), hours(24)))).toBe('2026-03-05 09:00');
  });

  it('hours count on a make-up Saturday', () => {
    const c = new WorkingCalendar({ declared: [makeupSaturday('2026-03-07')] });
    expect(local(c.dueAt(at('2026-03-06 16:00'), hours(2)))).toBe('2026-03-07 08:30');
  });
});
