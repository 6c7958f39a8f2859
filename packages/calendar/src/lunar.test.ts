import fc from 'fast-check';
import { VIETNAMESE_LUNAR_MONTH_STARTS } from './__fixtures__/vietnamese-lunar-months';
import { jdFromDate, jdToDate, lunarNewYear, lunarToSolar, solarToLunar } from './lunar';

const ymd = ([d, m, y]: [number, number, number]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('Vietnamese lunar calendar (reckoned at UTC+7)', () => {
  it.each([
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // The new moon is at 23:07 on 2 Feb 2030 in Hanoi (00:07 on 3 Feb in Beijing): Tết Canh Tuất
    // is Saturday 2 Feb 2030 in Vietnam, 3 Feb in China (Hồ Ngọc Đức's tables agree).
    [2030, '2030-02-02'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(ymd(lunarNewYear(year))).toBe(date);
  });

  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('Tết %i is %s in Vietnam, not %s as in the Chinese (UTC+8) calendar', (year, vietnam, china) => {
    expect(ymd(lunarNewYear(year))).toBe(vietnam);
    expect(ymd(lunarNewYear(year, 8))).toBe(china);
  });

  it.each([
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])("Hùng Kings' day (10th of the 3rd lunar month) %i falls on %s", (year, date) => {
    expect(ymd(lunarToSolar(10, 3, year)!)).toBe(date);
  });

  it('agrees with the published Vietnamese tables on every lunar month of 1968–2053', () => {
    let months = 0;
    for (const [year, list] of Object.entries(VIETNAMESE_LUNAR_MONTH_STARTS)) {
      for (const entry of list.split(', ')) {
        const [date, label] = entry.split(' ');
        const month = parseInt(label, 10);
        const leap = label.endsWith('L');
        const [y, m, d] = date.split('-').map(Number);
        expect({ date, ...solarToLunar(d, m, y) }).toEqual({ date, day: 1, month, year: Number(year), leap });
        expect(ymd(lunarToSolar(1, month, Number(year), leap)!)).toBe(date);
        months++;
      }
    }
    expect(months).toBeGreaterThan(1060);
  });

  it('converts the first day of Tết 2026 back and forth', () => {
    expect(solarToLunar(17, 2, 2026)).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar(16, 2, 2026)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });

  it('knows leap months: 2023 has a leap 2nd month, 2025 a leap 6th month', () => {
    expect(solarToLunar(22, 3, 2023)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(ymd(lunarToSolar(1, 6, 2025, true)!)).toBe('2025-07-25');
    expect(lunarToSolar(1, 3, 2025, true)).toBeUndefined();
    expect(lunarToSolar(1, 1, 2026, true)).toBeUndefined();
  });

  it('has no 30th day in a 29-day month', () => {
    // lunar month 12 of 2025 has 29 days: the 29th is the last day of the year (16 Feb 2026)
    expect(ymd(lunarToSolar(29, 12, 2025)!)).toBe('2026-02-16');
    expect(lunarToSolar(30, 12, 2025)).toBeUndefined();
    expect(lunarToSolar(0, 1, 2026)).toBeUndefined();
  });

  it('round-trips every day of 1900–2199 through the lunar calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: jdFromDate(1, 1, 1900), max: jdFromDate(31, 12, 2199) }), (jd) => {
        const [d, m, y] = jdToDate(jd);
        const l = solarToLunar(d, m, y);
        expect(l.day).toBeGreaterThanOrEqual(1);
        expect(l.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toEqual([d, m, y]);
      }),
      { numRuns: 2000 },
    );
  });

  it('converts Julian day numbers both ways', () => {
    expect(jdFromDate(1, 1, 2000)).toBe(2451545);
    expect(jdToDate(2451545)).toEqual([1, 1, 2000]);
    expect(jdToDate(jdFromDate(4, 10, 1582))).toEqual([4, 10, 1582]);
  });
});
