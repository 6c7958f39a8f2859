import { statutoryHolidays } from './holidays';
import { dayNumber, weekday } from './time';

const dates = (year: number) => statutoryHolidays(year).map((d) => d.date);
const named = (year: number) => statutoryHolidays(year).map((d) => `${d.date} ${d.name}`);
const isWeekend = (date: string) => [0, 6].includes(weekday(dayNumber(date)));

describe('Statutory holidays (Labour Code 2019, art. 112)', () => {
  it('2026: New Year, Tết from the last day of the year (Mon 16 Feb) to the 4th (Fri 20 Feb), Hùng Kings on Sunday 26 Apr with Monday off, 30/4, 1/5, 1–2 Sep', () => {
    expect(named(2026)).toEqual([
      "2026-01-01 Tết Dương lịch (New Year's Day)",
      '2026-02-16 Tết Nguyên đán (Lunar New Year)',
      '2026-02-17 Tết Nguyên đán (Lunar New Year)',
      '2026-02-18 Tết Nguyên đán (Lunar New Year)',
      '2026-02-19 Tết Nguyên đán (Lunar New Year)',
      '2026-02-20 Tết Nguyên đán (Lunar New Year)',
      "2026-04-26 Giỗ Tổ Hùng Vương (Hùng Kings' Commemoration Day)",
      "2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day off for Hùng Kings' Commemoration Day)",
      '2026-04-30 Ngày Chiến thắng (Reunification Day)',
      '2026-05-01 Ngày Quốc tế Lao động (International Labour Day)',
      '2026-09-01 Quốc khánh (National Day)',
      '2026-09-02 Quốc khánh (National Day)',
    ]);
  });

  it('2027: Tết (Fri 5 – Tue 9 Feb) spans a weekend, so Wednesday 10 and Thursday 11 Feb are compensatory days; 1 May is a Saturday, so Monday 3 May is off', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-05-03',
      '2027-09-01',
      '2027-09-02',
    ]);
    expect(statutoryHolidays(2027).find((d) => d.date === '2027-02-10')!.name).toBe(
      'Nghỉ bù Tết Nguyên đán (compensatory day off for Lunar New Year)',
    );
  });

  it('every entry is a HOLIDAY named in Vietnamese with English in parentheses', () => {
    for (let year = 2020; year <= 2035; year++) {
      for (const day of statutoryHolidays(year)) {
        expect(day.kind).toBe('HOLIDAY');
        expect(day.name).toMatch(/^\S.* \(.+\)$/);
        expect(day.date.startsWith(String(year))).toBe(true);
      }
    }
  });

  it('Tết is five consecutive days ending on the 4th day of the lunar new year', () => {
    const tet = statutoryHolidays(2025).filter((d) => d.name === 'Tết Nguyên đán (Lunar New Year)');
    expect(tet.map((d) => d.date)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
  });

  it('National Day is 2 September plus 1 September', () => {
    expect(
      statutoryHolidays(2025)
        .filter((d) => d.name === 'Quốc khánh (National Day)')
        .map((d) => d.date),
    ).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('the list is sorted and has no duplicate date', () => {
    for (let year = 1900; year <= 2199; year++) {
      const list = dates(year);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('rejects years the calendar cannot vouch for', () => {
    expect(() => statutoryHolidays(1899)).toThrow(RangeError);
    expect(() => statutoryHolidays(2200)).toThrow(RangeError);
    expect(() => statutoryHolidays(2026.5)).toThrow(RangeError);
    expect(() => statutoryHolidays(Number.NaN)).toThrow(RangeError);
  });
});

describe('Compensatory days off (Labour Code 2019, art. 111(3))', () => {
  it('New Year on Sunday 1 Jan 2023 gives Monday 2 Jan off', () => {
    expect(dates(2023)).toContain('2023-01-02');
    expect(statutoryHolidays(2023)[1]).toEqual({
      date: '2023-01-02',
      kind: 'HOLIDAY',
      name: "Nghỉ bù Tết Dương lịch (compensatory day off for New Year's Day)",
    });
  });

  it('Hùng Kings on Saturday 29 Apr 2023 and 30 April on Sunday give Tuesday 2 and Wednesday 3 May off (after Labour Day on Monday)', () => {
    expect(dates(2023).filter((d) => d >= '2023-04-01' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });

  it('30 April on Saturday and 1 May on Sunday (2022) give Monday 2 and Tuesday 3 May off', () => {
    expect(dates(2022).filter((d) => d >= '2022-04-30' && d <= '2022-05-31')).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('Hùng Kings on Sunday 10 Apr 2022 gives Monday 11 Apr off', () => {
    expect(dates(2022)).toContain('2022-04-11');
  });

  it('National Day with 1 September on a Sunday (2024) gives Tuesday 3 September off', () => {
    expect(dates(2024).filter((d) => d.startsWith('2024-09'))).toEqual(['2024-09-01', '2024-09-02', '2024-09-03']);
  });

  it('Tết 2024 (Fri 9 – Tue 13 Feb) over a weekend gives Wednesday 14 and Thursday 15 Feb off', () => {
    expect(dates(2024).filter((d) => d.startsWith('2024-02'))).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
    ]);
  });

  it('no holiday on a weekday gives no compensatory day (2025 has one: Saturday 1 Feb, the 4th day of Tết)', () => {
    const comp = statutoryHolidays(2025).filter((d) => d.name.startsWith('Nghỉ bù'));
    expect(comp.map((d) => d.date)).toEqual(['2025-02-03']);
  });

  it('every year, each holiday on a weekend has exactly one compensatory weekday, and holidays on the same date count once', () => {
    for (let year = 1900; year <= 2199; year++) {
      const list = statutoryHolidays(year);
      const comp = list.filter((d) => d.name.startsWith('Nghỉ bù'));
      const holidays = list.filter((d) => !d.name.startsWith('Nghỉ bù'));
      expect(holidays.length).toBe(year === 1947 ? 10 : 11);
      expect(comp.length).toBe(holidays.filter((d) => isWeekend(d.date)).length);
      for (const c of comp) expect(isWeekend(c.date)).toBe(false);
    }
  });

  it("Hùng Kings' day on 30 April (1947) is one day off with both names", () => {
    expect(statutoryHolidays(1947).find((d) => d.date === '1947-04-30')!.name).toBe(
      "Giỗ Tổ Hùng Vương (Hùng Kings' Commemoration Day); Ngày Chiến thắng (Reunification Day)",
    );
  });
});
