import * as calendar from './index';

describe('The package entry point', () => {
  it('exports the agreed API', () => {
    expect(typeof calendar.WorkingCalendar).toBe('function');
    expect(typeof calendar.statutoryHolidays).toBe('function');
    expect(typeof calendar.outcome).toBe('function');
    expect(typeof calendar.localDate).toBe('function');
    expect(calendar.DEFAULT_OFFICE_HOURS).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('works end to end: a dossier received before Tết 2026, resolved after it', () => {
    const cal = new calendar.WorkingCalendar();
    const received = calendar.localDateTime('2026-02-12', '09:00');
    const due = cal.dueAt(received, { amount: 3, unit: 'WORKING_DAYS' });
    expect(calendar.toLocalISOString(due)).toBe('2026-02-24T17:00:00+07:00');
    expect(calendar.outcome(calendar.localDateTime('2026-02-24', '16:00'), due)).toBe('ON_TIME');
    expect(calendar.outcome(calendar.localDateTime('2026-02-25', '08:00'), due)).toBe('LATE');
  });
});
