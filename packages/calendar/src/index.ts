/**
 * @onestop/calendar — the working-day calendar of the one-stop centres (docs/DESIGN.md, "Working-day
 * calendar"): statutory holidays, reception day, due dates, office time, pauses and outcomes.
 * Pure functions and an immutable calendar object; no I/O, no global state.
 */
export type { CalendarDay, CalendarDayKind, OfficePeriod, Outcome, ProcessingTime, TimeUnit } from './types';
export {
  DEFAULT_OFFICE_HOURS,
  MAX_PROCESSING_AMOUNT,
  RECEPTION_CUTOFF,
  WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar';
export { HOLIDAY_NAMES, statutoryHolidays } from './holidays';
export { outcome } from './outcome';
export { MAX_YEAR, MIN_YEAR, TIME_ZONE, localDate, localDateTime, toLocalISOString } from './time';
export { lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar';
export { isCalendarDate, parseIsoInstant } from './iso';
