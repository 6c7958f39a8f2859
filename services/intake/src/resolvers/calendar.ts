import { checkYear, setCalendarDay, type CalendarDayInput } from '../commands/set-calendar-day';
import type { IntakeContext } from '../deps';

export const calendarQueries = {
  async calendarDays(_: unknown, { year }: { year: number }, ctx: IntakeContext) {
    checkYear(year, `Year ${year}`);
    return (await ctx.deps.calendar()).specialDays(year);
  },
};

export const calendarMutations = {
  setCalendarDay: (_: unknown, { input }: { input: CalendarDayInput }, ctx: IntakeContext) =>
    setCalendarDay(ctx, input),
};
