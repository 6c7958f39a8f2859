import { at, local } from './__fixtures__/clock';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();

describe('Pause and resumption: the office time left is kept and restarts on resumption', () => {
  it('a pause over a weekend and a declared day off keeps the time left exactly', () => {
    // The province declares Monday 9 Mar 2026 a day off.
    const c = new WorkingCalendar({
      declared: [{ date: '2026-03-09', kind: 'HOLIDAY', name: 'Nghỉ thêm (extra day off)' }],
    });
    const due = c.dueAt(at('2026-03-02 09:00'), { amount: 5, unit: 'WORKING_DAYS' });
    expect(local(due)).toBe('2026-03-10 17:00'); // Tue 3, Wed 4, Thu 5, Fri 6, (Mon 9 off) Tue 10
    // Supplementation requested on Friday 6 Mar at 14:00: Friday 14:00–17:00 and all of Tuesday are left.
    const left = c.remainingWorkingMinutes(at('2026-03-06 14:00'), due);
    expect(left).toBe(180 + 450);
    // The applicant completes the dossier on Tuesday 10 Mar at 09:00.
    const newDue = c.resume(at('2026-03-10 09:00'), left);
    expect(local(newDue)).toBe('2026-03-11 14:00');
    expect(c.workingMinutesBetween(at('2026-03-10 09:00'), newDue)).toBe(left);
  });

  it('the time left keeps its seconds: paused at 10:15:30, resumed at 08:00, due at 14:44:30', () => {
    const due = cal.dueAt(at('2026-03-02 09:00'), { amount: 5, unit: 'WORKING_DAYS' });
    expect(local(due)).toBe('2026-03-09 17:00');
    const left = cal.remainingWorkingMinutes(at('2026-03-06 10:15:30'), due);
    expect(left).toBe(74.5 + 210 + 450);
    expect(local(cal.resume(at('2026-03-11 08:00'), left))).toBe('2026-03-12 14:44:30');
  });

  it('a pause and resumption on the same weekend consume nothing', () => {
    const due = cal.dueAt(at('2026-03-02 09:00'), { amount: 5, unit: 'WORKING_DAYS' });
    const left = cal.remainingWorkingMinutes(at('2026-03-07 10:00'), due);
    expect(left).toBe(450);
    expect(cal.resume(at('2026-03-07 12:00'), left)).toEqual(due);
  });

  it('a pause during lunch counts the afternoon', () => {
    expect(cal.remainingWorkingMinutes(at('2026-03-09 12:00'), at('2026-03-09 17:00'))).toBe(210);
  });

  it('a working-hours procedure paused at 16:00 and resumed two days later at 13:30 keeps its three hours', () => {
    const due = cal.dueAt(at('2026-03-02 09:00'), { amount: 8, unit: 'WORKING_HOURS' });
    expect(local(due)).toBe('2026-03-03 09:30');
    const left = cal.remainingWorkingMinutes(at('2026-03-02 16:00'), due);
    expect(left).toBe(180);
    expect(local(cal.resume(at('2026-03-04 13:30'), left))).toBe('2026-03-04 16:30');
  });

  it('a pause across Tết 2026 does not consume Tết', () => {
    const due = at('2026-02-24 17:00');
    const left = cal.remainingWorkingMinutes(at('2026-02-12 17:00'), due); // Fri 13, Mon 23, Tue 24
    expect(left).toBe(3 * 450);
    expect(local(cal.resume(at('2026-02-23 07:30'), left))).toBe('2026-02-25 17:00');
  });

  it('a dossier already overdue when paused has nothing left and is due again at the moment it resumes', () => {
    const left = cal.remainingWorkingMinutes(at('2026-03-10 09:00'), at('2026-03-09 17:00'));
    expect(left).toBe(0);
    expect(local(cal.resume(at('2026-03-12 10:00'), left))).toBe('2026-03-12 10:00');
  });
});
