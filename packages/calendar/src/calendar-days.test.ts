import { statutoryHolidays } from './holidays';
import type { CalendarDay } from './types';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();
const holiday = (date: string, name = 'Nghỉ thêm (extra day off)'): CalendarDay => ({ date, kind: 'HOLIDAY', name });
const makeup = (date: string, name = 'Làm bù (make-up working day)'): CalendarDay => ({
  date,
  kind: 'MAKEUP_WORKDAY',
  name,
});
const ordinary = (date: string): CalendarDay => ({ date, kind: 'ORDINARY', name: '' });

describe('Working days: Monday to Friday, except holidays', () => {
  it('Monday to Friday are working days, Saturday and Sunday are not', () => {
    const week = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
    expect(week.map((d) => cal.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });

  it('the five days of Tết 2026 (Mon 16 – Fri 20 Feb) are days off; the Friday before and the Monday after are worked', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(cal.isWorkingDay(d)).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('a compensatory day off is not worked (Monday 27 Apr 2026 after Hùng Kings on Sunday)', () => {
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('a year with no declarations lists exactly its statutory holidays', () => {
    expect(cal.specialDays(2026)).toEqual(statutoryHolidays(2026));
  });

  it('weekends are not listed as special days', () => {
    expect(cal.specialDays(2026).some((d) => d.date === '2026-03-07')).toBe(false);
  });

  it('moves from one year to the next: after Thursday 31 Dec 2026 the next working day is Monday 4 Jan 2027', () => {
    expect(cal.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(cal.addWorkingDays('2026-12-31', 0)).toBe('2026-12-31');
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-13', 6)).toBe('2026-03-02');
  });
});

describe('Declared days override the statutory calendar', () => {
  it('an extra day off declared by the province (Monday 23 Feb 2026) is not worked', () => {
    const c = new WorkingCalendar({ declared: [holiday('2026-02-23')] });
    expect(c.isWorkingDay('2026-02-23')).toBe(false);
    expect(c.nextWorkingDay('2026-02-13')).toBe('2026-02-24');
  });

  it('a make-up Saturday (28 Feb 2026) is a working day', () => {
    const c = new WorkingCalendar({ declared: [makeup('2026-02-28')] });
    expect(c.isWorkingDay('2026-02-28')).toBe(true);
    expect(c.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('a statutory holiday declared ORDINARY is worked (National Day taken on 2–3 Sep 2026 instead of 1–2 Sep)', () => {
    const c = new WorkingCalendar({
      declared: [ordinary('2026-09-01'), holiday('2026-09-03', 'Quốc khánh (National Day)')],
    });
    expect(
      ['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04'].map((d) => c.isWorkingDay(d)),
    ).toEqual([true, true, false, false, true]);
  });

  it('ORDINARY on a Saturday leaves it a day off (it only cancels a declaration)', () => {
    const c = new WorkingCalendar({ declared: [ordinary('2026-03-07')] });
    expect(c.isWorkingDay('2026-03-07')).toBe(false);
  });

  it('a make-up working day declared on a statutory holiday is worked (a swapped day)', () => {
    const c = new WorkingCalendar({ declared: [makeup('2026-02-20', 'Làm việc, hoán đổi (swapped working day)')] });
    expect(c.isWorkingDay('2026-02-20')).toBe(true);
  });

  it('for a date declared twice, the last declaration wins', () => {
    expect(
      new WorkingCalendar({ declared: [holiday('2026-03-09'), ordinary('2026-03-09')] }).isWorkingDay('2026-03-09'),
    ).toBe(true);
    expect(
      new WorkingCalendar({ declared: [ordinary('2026-03-09'), holiday('2026-03-09')] }).isWorkingDay('2026-03-09'),
    ).toBe(false);
    expect(
      new WorkingCalendar({ declared: [makeup('2026-03-07'), ordinary('2026-03-07')] }).isWorkingDay('2026-03-07'),
    ).toBe(false);
  });

  it('specialDays merges statutory and declared days, sorted, without ORDINARY ones', () => {
    const c = new WorkingCalendar({
      declared: [
        makeup('2026-02-28'),
        holiday('2026-02-23'),
        ordinary('2026-09-01'),
        holiday('2026-02-16', 'Tết (declared name)'),
      ],
    });
    const feb = c.specialDays(2026).filter((d) => d.date.startsWith('2026-02'));
    expect(feb).toEqual([
      { date: '2026-02-16', kind: 'HOLIDAY', name: 'Tết (declared name)' },
      { date: '2026-02-17', kind: 'HOLIDAY', name: 'Tết Nguyên đán (Lunar New Year)' },
      { date: '2026-02-18', kind: 'HOLIDAY', name: 'Tết Nguyên đán (Lunar New Year)' },
      { date: '2026-02-19', kind: 'HOLIDAY', name: 'Tết Nguyên đán (Lunar New Year)' },
      { date: '2026-02-20', kind: 'HOLIDAY', name: 'Tết Nguyên đán (Lunar New Year)' },
      { date: '2026-02-23', kind: 'HOLIDAY', name: 'Nghỉ thêm (extra day off)' },
      { date: '2026-02-28', kind: 'MAKEUP_WORKDAY', name: 'Làm bù (make-up working day)' },
    ]);
    expect(c.specialDays(2026).some((d) => d.date === '2026-09-01')).toBe(false);
    const all = c.specialDays(2026).map((d) => d.date);
    expect([...all].sort()).toEqual(all);
  });

  it("a year's declarations do not leak into another year", () => {
    const c = new WorkingCalendar({ declared: [holiday('2027-03-01')] });
    expect(c.specialDays(2026)).toEqual(statutoryHolidays(2026));
    expect(c.specialDays(2027).map((d) => d.date)).toContain('2027-03-01');
  });

  it('the list returned is a copy: changing it changes nothing', () => {
    const c = new WorkingCalendar();
    const list = c.specialDays(2026);
    list[1].kind = 'MAKEUP_WORKDAY';
    list.pop();
    expect(c.specialDays(2026)).toEqual(statutoryHolidays(2026));
    expect(c.isWorkingDay('2026-02-16')).toBe(false);
  });

  it('the declarations array given to the constructor can change afterwards without effect', () => {
    const declared = [holiday('2026-03-09')];
    const c = new WorkingCalendar({ declared });
    declared[0].kind = 'ORDINARY';
    declared.push(holiday('2026-03-10'));
    expect(c.isWorkingDay('2026-03-09')).toBe(false);
    expect(c.isWorkingDay('2026-03-10')).toBe(true);
  });
});
