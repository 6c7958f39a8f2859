import { at } from './__fixtures__/clock';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();

describe('Reception day: the day received, or the next working day after 15:00 or on a day off', () => {
  it('a dossier received on Monday at 14:59 counts from Monday', () => {
    expect(cal.receptionDay(at('2026-03-02 14:59'))).toBe('2026-03-02');
  });

  it('a dossier received at exactly 15:00:00 still counts from that day ("after 15:00" is strictly after)', () => {
    expect(cal.receptionDay(at('2026-03-02 15:00:00'))).toBe('2026-03-02');
  });

  it('a dossier received at 15:00:01 counts from the next working day', () => {
    expect(cal.receptionDay(at('2026-03-02 15:00:01'))).toBe('2026-03-03');
  });

  it('one millisecond after 15:00:00 is already after 15:00', () => {
    expect(cal.receptionDay(new Date(at('2026-03-02 15:00:00').getTime() + 1))).toBe('2026-03-03');
  });

  it('a dossier received at 15:01 counts from the next working day', () => {
    expect(cal.receptionDay(at('2026-03-02 15:01'))).toBe('2026-03-03');
  });

  it('a dossier received before the office opens (online at 06:00) counts from that day', () => {
    expect(cal.receptionDay(at('2026-03-02 06:00'))).toBe('2026-03-02');
  });

  it('a dossier received on Friday afternoon after 15:00 counts from Monday', () => {
    expect(cal.receptionDay(at('2026-03-06 15:30'))).toBe('2026-03-09');
  });

  it('a dossier received on a Saturday or a Sunday counts from Monday', () => {
    expect(cal.receptionDay(at('2026-03-07 09:00'))).toBe('2026-03-09');
    expect(cal.receptionDay(at('2026-03-08 09:00'))).toBe('2026-03-09');
  });

  it('a dossier received on the Friday before Tết after 15:00 counts from the Monday after Tết (23 Feb 2026)', () => {
    expect(cal.receptionDay(at('2026-02-13 16:00'))).toBe('2026-02-23');
  });

  it('a dossier submitted online on the first day of Tết counts from the first working day after Tết', () => {
    expect(cal.receptionDay(at('2026-02-17 10:00'))).toBe('2026-02-23');
  });

  it('a dossier received on a make-up Saturday counts from that Saturday, or from Monday after 15:00', () => {
    const c = new WorkingCalendar({ declared: [{ date: '2026-02-28', kind: 'MAKEUP_WORKDAY', name: 'Làm bù' }] });
    expect(c.receptionDay(at('2026-02-28 10:00'))).toBe('2026-02-28');
    expect(c.receptionDay(at('2026-02-28 15:30'))).toBe('2026-03-02');
  });

  it('a dossier received on a declared extra day off counts from the next working day', () => {
    const c = new WorkingCalendar({ declared: [{ date: '2026-03-09', kind: 'HOLIDAY', name: 'Nghỉ thêm' }] });
    expect(c.receptionDay(at('2026-03-09 08:00'))).toBe('2026-03-10');
  });

  it('a dossier received on 31 December after 15:00 counts from the first working day of January (4 Jan 2027)', () => {
    expect(cal.receptionDay(at('2026-12-31 16:00'))).toBe('2027-01-04');
  });

  it('the day is the local day in Hồ Chí Minh City time, not the UTC day', () => {
    // 17:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Vietnam
    expect(cal.receptionDay(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    // 08:00:01 UTC is 15:00:01 local: after the cut-off
    expect(cal.receptionDay(new Date('2026-03-02T08:00:00Z'))).toBe('2026-03-02');
    expect(cal.receptionDay(new Date('2026-03-02T08:00:01Z'))).toBe('2026-03-03');
  });
});
