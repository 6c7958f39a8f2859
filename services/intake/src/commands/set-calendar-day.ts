import { MAX_YEAR, MIN_YEAR, WorkingCalendar } from '@onestop/calendar';
import { publish } from '@onestop/events';
import { badInput, declaredDaysChanged } from '@onestop/service-kit';
import type { CalendarDay } from '../persistence';
import { declareCalendarDay } from '../persistence/calendar-days';
import type { IntakeContext } from '../deps';
import { authorizeProvinceWide } from '../resolvers/access';

export interface CalendarDayInput {
  date: string;
  kind: CalendarDay['kind'];
  name?: string | null;
}

/** The statutory calendar alone: a declared ORDINARY day is kept only where it cancels a holiday. */
const STATUTORY = new WorkingCalendar();

export function checkYear(year: number, what: string) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw badInput(`${what}: the calendar covers ${MIN_YEAR}–${MAX_YEAR}`);
}

/**
 * Declares a day off (HOLIDAY) or a make-up working day, or with ORDINARY removes a
 * declaration — and cancels a statutory holiday (then an ORDINARY row is kept, since the
 * holiday would come back without it). Replicas learn of it by CalendarDayChanged.
 */
export async function setCalendarDay(ctx: IntakeContext, input: CalendarDayInput) {
  await authorizeProvinceWide(ctx, 'setCalendarDay');
  checkYear(Number(input.date.slice(0, 4)), `Date ${input.date}`);
  const name = input.name?.trim() ?? '';
  if (input.kind !== 'ORDINARY' && !name) throw badInput('A day off or a make-up working day needs a name');
  if (name.length > 200) throw badInput("A day's name has at most 200 characters");
  const day = { date: input.date, kind: input.kind, name };
  const cancelsHoliday = STATUTORY.specialDays(Number(input.date.slice(0, 4))).some((d) => d.date === input.date);
  const saved = await ctx.db.transaction(async (manager) => {
    await declareCalendarDay(manager, day, input.kind !== 'ORDINARY' || cancelsHoliday);
    await publish(manager, 'CalendarDayChanged', input.date, day, { correlationId: ctx.correlationId });
    return day;
  });
  declaredDaysChanged(); // this process's DeclaredCalendar reads the days again at its next use
  return saved;
}
