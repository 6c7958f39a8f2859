import type { EntityManager } from 'typeorm';
import { CalendarDay } from './entities/calendar-day.entity';

/** A declared day is kept as a row; an ORDINARY day only where it cancels a statutory holiday (`keep`). */
export async function declareCalendarDay(
  manager: EntityManager,
  day: Pick<CalendarDay, 'date' | 'kind' | 'name'>,
  keep: boolean,
): Promise<void> {
  if (keep) await manager.upsert(CalendarDay, day, ['date']);
  else await manager.delete(CalendarDay, { date: day.date });
}
