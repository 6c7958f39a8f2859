import { at, local } from './__fixtures__/clock';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();

describe('Office time between two instants', () => {
  it('a full working day with the default hours (07:30–11:30, 13:30–17:00) is 450 minutes', () => {
    expect(cal.minutesPerWorkingDay).toBe(450);
    expect(cal.workingMinutesBetween(at('2026-03-02 07:30'), at('2026-03-02 17:00'))).toBe(450);
    expect(cal.workingMinutesBetween(at('2026-03-02 00:00'), at('2026-03-03 00:00'))).toBe(450);
  });

  it('lunch is not office time: 11:00 to 14:00 is one hour', () => {
    expect(cal.workingMinutesBetween(at('2026-03-02 11:00'), at('2026-03-02 14:00'))).toBe(60);
  });

  it('nights and weekends are not office time: Friday 16:00 to Monday 08:00 is 90 minutes', () => {
    expect(cal.workingMinutesBetween(at('2026-03-06 16:00'), at('2026-03-09 08:00'))).toBe(90);
  });

  it('Tết is not office time: Friday 13 Feb 2026 07:30 to Monday 23 Feb 17:00 is two working days', () => {
    expect(cal.workingMinutesBetween(at('2026-02-13 07:30'), at('2026-02-23 17:00'))).toBe(900);
  });

  it('2026 has 250 working days, 112,500 office minutes', () => {
    expect(cal.workingMinutesBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(250 * 450);
  });

  it('an end before or at the start gives 0', () => {
    expect(cal.workingMinutesBetween(at('2026-03-02 10:00'), at('2026-03-02 09:00'))).toBe(0);
    expect(cal.workingMinutesBetween(at('2026-03-02 10:00'), at('2026-03-02 10:00'))).toBe(0);
  });

  it('seconds count: 09:00:00 to 09:00:30 is half a minute', () => {
    expect(cal.workingMinutesBetween(at('2026-03-02 09:00:00'), at('2026-03-02 09:00:30'))).toBe(0.5);
  });

  it("a centre's own office hours are used", () => {
    const c = new WorkingCalendar({ officeHours: [{ start: '08:00', end: '12:00' }] });
    expect(c.minutesPerWorkingDay).toBe(240);
    expect(c.officeHours).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(c.workingMinutesBetween(at('2026-03-02 07:00'), at('2026-03-03 09:00'))).toBe(300);
  });
});

describe('Working days between two instants (statistics)', () => {
  it('from Monday 07:30 to Tuesday 17:00 is two working days', () => {
    expect(cal.workingDaysBetween(at('2026-03-02 07:30'), at('2026-03-03 17:00'))).toBe(2);
  });

  it('a morning is 240 of the 450 minutes of a working day', () => {
    expect(cal.workingDaysBetween(at('2026-03-02 07:30'), at('2026-03-02 11:30'))).toBeCloseTo(240 / 450, 12);
  });

  it('with 8-hour office days (07:30–11:30, 13:00–17:00) a morning is half a day', () => {
    const c = new WorkingCalendar({
      officeHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(c.workingDaysBetween(at('2026-03-02 07:30'), at('2026-03-02 11:30'))).toBe(0.5);
  });

  it('from Friday before Tết to the Monday after is one working day', () => {
    expect(cal.workingDaysBetween(at('2026-02-13 17:00'), at('2026-02-23 17:00'))).toBe(1);
  });

  it('an end before the start gives 0', () => {
    expect(cal.workingDaysBetween(at('2026-03-03 10:00'), at('2026-03-02 10:00'))).toBe(0);
  });
});

describe('Adding office time to an instant', () => {
  it('landing exactly at the end of the morning stays at 11:30, it does not jump to 13:30', () => {
    expect(local(cal.addWorkingMinutes(at('2026-03-02 09:00'), 150))).toBe('2026-03-02 11:30');
  });

  it('landing exactly at the end of the day stays at 17:00; one minute more is 07:31 next morning', () => {
    expect(local(cal.addWorkingMinutes(at('2026-03-02 09:00'), 360))).toBe('2026-03-02 17:00');
    expect(local(cal.addWorkingMinutes(at('2026-03-02 09:00'), 361))).toBe('2026-03-03 07:31');
  });

  it('from 11:30 one minute more is 13:31', () => {
    expect(local(cal.addWorkingMinutes(at('2026-03-02 11:30'), 1))).toBe('2026-03-02 13:31');
  });

  it('adding nothing leaves the instant where it is, even on a Sunday', () => {
    expect(local(cal.addWorkingMinutes(at('2026-03-08 10:00'), 0))).toBe('2026-03-08 10:00');
  });

  it('half a minute is 30 seconds', () => {
    expect(local(cal.addWorkingMinutes(at('2026-03-02 09:00'), 0.5))).toBe('2026-03-02 09:00:30');
  });

  it('whole working days of office time from 17:00 land at 17:00 (ten days from Friday 13 Feb 2026: Friday 6 Mar)', () => {
    expect(local(cal.addWorkingMinutes(at('2026-02-13 17:00'), 10 * 450))).toBe('2026-03-06 17:00');
  });

  it('long spans step over years: 250 working days from 1 January 2026 end on 31 December 2026 at 17:00', () => {
    expect(local(cal.addWorkingMinutes(at('2026-01-01 00:00'), 250 * 450))).toBe('2026-12-31 17:00');
  });
});
