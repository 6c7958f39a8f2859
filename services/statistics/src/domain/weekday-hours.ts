import { addDays } from './days';

/** Reception counted in one local hour of one local day (a row of traffic_hour, summed over centres). */
export interface HourCount {
  day: string;
  hour: number;
  received: number;
  atCounter: number;
}

/** One cell of the weekday × hour grid: what the counters see, on average, at that hour of that weekday. */
export interface WeekdayHourCell {
  /** ISO weekday: 1 Monday … 7 Sunday (a local date in Asia/Ho_Chi_Minh). */
  weekday: number;
  hour: number;
  received: number;
  atCounter: number;
  /** received divided by how many of that weekday the period holds, 2 decimals. */
  averagePerDay: number;
}

/** ISO weekday of a local calendar date (YYYY-MM-DD); the date carries no time zone, so UTC arithmetic is exact. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The period's reception folded onto a week: one cell per weekday and hour that saw a reception,
 * in weekday then hour order. The average divides by the weekday's occurrences in the whole period,
 * not by the days that saw a reception, so that a quiet Monday lowers Monday's figure as it should
 * when a manager decides how many counters to open.
 */
export function weekdayHours(counts: HourCount[], from: string, to: string): WeekdayHourCell[] {
  const occurrences = new Map<number, number>();
  for (let d = from; d <= to; d = addDays(d, 1))
    occurrences.set(isoWeekday(d), (occurrences.get(isoWeekday(d)) ?? 0) + 1);
  const cells = new Map<string, WeekdayHourCell>();
  for (const c of counts) {
    if (c.day < from || c.day > to) continue;
    const weekday = isoWeekday(c.day);
    const key = `${weekday}|${c.hour}`;
    const cell = cells.get(key) ?? { weekday, hour: c.hour, received: 0, atCounter: 0, averagePerDay: 0 };
    cell.received += c.received;
    cell.atCounter += c.atCounter;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((cell) => ({
      ...cell,
      averagePerDay: Math.round((cell.received / (occurrences.get(cell.weekday) ?? 1)) * 100) / 100,
    }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}
