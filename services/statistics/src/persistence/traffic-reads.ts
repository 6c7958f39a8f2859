import type { DataSource } from 'typeorm';
import type { WorkingCalendar } from '@onestop/calendar';
import { addDays } from '../domain/days';
import { weekdayHours } from '../domain/weekday-hours';

export interface TrafficHour {
  hour: number;
  received: number;
  atCounter: number;
  averagePerWorkingDay: number;
}

/** Reception per day and per local hour, from the hourly traffic counters (never the facts). */
export async function dailyTrafficOf(
  db: DataSource,
  calendar: WorkingCalendar,
  centreIds: string[],
  from: string,
  to: string,
) {
  const rows: Array<{ day: string; hour: number; received: number; at_counter: number }> = await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, hour, sum(received)::int AS received, sum(at_counter)::int AS at_counter
       FROM traffic_hour WHERE centre_id = ANY($1::uuid[]) AND day BETWEEN $2 AND $3 GROUP BY day, hour`,
    [centreIds, from, to],
  );
  const byDay = new Map<string, { received: number; atCounter: number }>();
  const byHour = new Map<number, { received: number; atCounter: number }>();
  for (const r of rows) {
    for (const [map, key] of [
      [byDay, r.day],
      [byHour, r.hour],
    ] as const) {
      const cur = (map as Map<unknown, { received: number; atCounter: number }>).get(key) ?? {
        received: 0,
        atCounter: 0,
      };
      (map as Map<unknown, unknown>).set(key, {
        received: cur.received + r.received,
        atCounter: cur.atCounter + r.at_counter,
      });
    }
  }
  const days = [];
  let workingDays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push({ date: d, ...(byDay.get(d) ?? { received: 0, atCounter: 0 }) });
    if (calendar.isWorkingDay(d)) workingDays++;
  }
  const hours: TrafficHour[] = [...byHour]
    .sort(([a], [b]) => a - b)
    .map(([hour, c]) => ({
      hour,
      ...c,
      averagePerWorkingDay: workingDays ? Math.round((c.received / workingDays) * 100) / 100 : 0,
    }));
  const busiestHours = [...hours].sort((a, b) => b.received - a.received || a.hour - b.hour).slice(0, 3);
  const weekdays = weekdayHours(
    rows.map((r) => ({ day: r.day, hour: r.hour, received: r.received, atCounter: r.at_counter })),
    from,
    to,
  );
  return { from, to, days, hours, busiestHours, workingDays, weekdayHours: weekdays };
}
