/**
 * Statutory public holidays (Labour Code 2019, art. 112) and compensatory days off (art. 111(3)).
 *
 * Defaults where the law leaves the schedule to a yearly announcement:
 * - Tết (5 days): the last day of the lunar year and the 1st to 4th day of the new lunar year;
 * - National Day (2 days): 2 September and the day before, 1 September.
 * Compensatory days: each holiday that falls on a Saturday or Sunday gives one day off on the
 * next Monday–Friday that is neither a holiday nor already a compensatory day (holidays taken in
 * date order). This applies to every holiday, Tết and National Day included. Two holidays on
 * the same date (Hùng Kings' day on 30 April, which happens in 1947 only) count as one day off.
 * Administrators override all of this with declared days (see WorkingCalendar).
 */
import { lunarNewYear, lunarToSolar } from './lunar';
import type { CalendarDay } from './types';
import { checkYear, dayFromParts, formatDay, weekday } from './time';

interface HolidayName {
  vi: string;
  en: string;
}

export const HOLIDAY_NAMES = {
  NEW_YEAR: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  TET: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  HUNG_KINGS: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  REUNIFICATION: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  LABOUR_DAY: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  NATIONAL_DAY: { vi: 'Quốc khánh', en: 'National Day' },
} as const satisfies Record<string, HolidayName>;

function holidayName(n: HolidayName): string {
  return `${n.vi} (${n.en})`;
}

function compensatoryName(names: HolidayName[]): string {
  return `Nghỉ bù ${names.map((n) => n.vi).join(', ')} (compensatory day off for ${names.map((n) => n.en).join(', ')})`;
}

/**
 * The statutory public holidays of a year, with the compensatory days off for those that fall on
 * a Saturday or Sunday, sorted by date. Names are in Vietnamese with English in parentheses, e.g.
 * 'Tết Nguyên đán (Lunar New Year)', 'Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day off for Hùng
 * Kings' Commemoration Day)'. RangeError for a year outside 1900–2199.
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  checkYear(year, 'statutoryHolidays');
  const byDay = new Map<number, HolidayName[]>();
  const add = (day: number, name: HolidayName) => {
    const names = byDay.get(day);
    if (names) names.push(name);
    else byDay.set(day, [name]);
  };

  add(dayFromParts(year, 1, 1), HOLIDAY_NAMES.NEW_YEAR);

  const [td, tm, ty] = lunarNewYear(year);
  const tet = dayFromParts(ty, tm, td);
  for (let i = -1; i <= 3; i++) add(tet + i, HOLIDAY_NAMES.TET);

  const [hd, hm, hy] = lunarToSolar(10, 3, year)!;
  add(dayFromParts(hy, hm, hd), HOLIDAY_NAMES.HUNG_KINGS);

  add(dayFromParts(year, 4, 30), HOLIDAY_NAMES.REUNIFICATION);
  add(dayFromParts(year, 5, 1), HOLIDAY_NAMES.LABOUR_DAY);
  add(dayFromParts(year, 9, 1), HOLIDAY_NAMES.NATIONAL_DAY);
  add(dayFromParts(year, 9, 2), HOLIDAY_NAMES.NATIONAL_DAY);

  const holidays = [...byDay.keys()].sort((a, b) => a - b);
  const compensatory = new Map<number, HolidayName[]>();
  for (const day of holidays) {
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) continue;
    let c = day + 1;
    while (weekday(c) === 0 || weekday(c) === 6 || byDay.has(c) || compensatory.has(c)) c++;
    compensatory.set(c, byDay.get(day)!);
  }

  const days: Array<[number, CalendarDay]> = [];
  for (const [day, names] of byDay) {
    days.push([day, { date: formatDay(day), kind: 'HOLIDAY', name: uniqueNames(names).map(holidayName).join('; ') }]);
  }
  for (const [day, names] of compensatory) {
    days.push([day, { date: formatDay(day), kind: 'HOLIDAY', name: compensatoryName(uniqueNames(names)) }]);
  }
  return days.sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}

function uniqueNames(names: HolidayName[]): HolidayName[] {
  return [...new Set(names)];
}
