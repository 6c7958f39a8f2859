/**
 * Local time in Asia/Ho_Chi_Minh: UTC+7, no daylight saving time (as it has been since 1975).
 * Instants are JS Dates (UTC); a local calendar day is handled as a day number (days since
 * 1970-01-01 local), which makes day arithmetic exact and cheap.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const UTC_OFFSET_MINUTES = 7 * 60;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const OFFSET_MS = UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** Years the calendar answers for (the lunar algorithm and the holiday rules are checked on this range). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Milliseconds of an instant, or RangeError if it is not a valid Date. */
export function instantMs(at: Date, what = 'date'): number {
  if (!(at instanceof Date)) throw new RangeError(`${what} must be a Date`);
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is an invalid Date`);
  return ms;
}

/** RangeError unless `year` is an integer in MIN_YEAR..MAX_YEAR. */
export function checkYear(year: number, what = 'year'): void {
  if (!Number.isInteger(year)) throw new RangeError(`${what}: year ${year} is not an integer`);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`${what}: year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; RangeError if malformed or impossible (2026-02-30). */
export function dayNumber(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`invalid date '${String(date)}': expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`invalid date '${date}': no such day`);
  }
  return ms / MS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a Gregorian date given as numbers (month 1–12). */
export function dayFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Local day number of an instant given in ms. */
export function localDayOfMs(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Instant (ms) of a local day number plus minutes after local midnight. */
export function msOfLocal(day: number, minuteOfDay: number): number {
  return day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - OFFSET_MS;
}

/** Minutes after midnight of an 'HH:mm' string (00:00–24:00); RangeError if malformed. */
export function parseClock(time: string): number {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) throw new RangeError(`invalid time '${String(time)}': expected HH:mm`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) throw new RangeError(`invalid time '${time}'`);
  return h * 60 + min;
}

/** 'YYYY-MM-DD' of an instant in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function localDate(at: Date): string {
  const ms = instantMs(at, 'localDate');
  return formatDay(localDayOfMs(ms));
}

/** The instant of a local date and time: localDateTime('2026-02-17', '07:30') → 2026-02-17T00:30:00Z. Seconds are allowed: 'HH:mm:ss'. */
export function localDateTime(date: string, time = '00:00'): Date {
  const day = dayNumber(date);
  const m = typeof time === 'string' ? /^(\d{2}:\d{2})(?::(\d{2}))?$/.exec(time) : null;
  if (!m) throw new RangeError(`invalid time '${String(time)}': expected HH:mm or HH:mm:ss`);
  const seconds = m[2] === undefined ? 0 : Number(m[2]);
  if (seconds > 59) throw new RangeError(`invalid time '${time}'`);
  return new Date(msOfLocal(day, parseClock(m[1])) + seconds * 1000);
}

/** ISO 8601 with the local offset, e.g. '2026-02-17T17:00:00+07:00' (milliseconds shown only when not zero). */
export function toLocalISOString(at: Date): string {
  const ms = instantMs(at, 'toLocalISOString');
  const iso = new Date(ms + OFFSET_MS).toISOString(); // 'YYYY-MM-DDTHH:mm:ss.sssZ', local wall clock
  const body = iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
  return `${body}+07:00`;
}
