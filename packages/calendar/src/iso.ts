/**
 * Strict readers of ISO-8601 text from users. JavaScript's Date quietly shifts an impossible day
 * (2026-02-30 becomes 2 March) or hour (24:00 becomes the next day): these refuse them instead.
 */
import { dayNumber } from './time';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;

/** True for a 'YYYY-MM-DD' day that exists on the calendar. */
export function isCalendarDate(text: unknown): text is string {
  try {
    dayNumber(text as string);
    return true;
  } catch {
    return false;
  }
}

/** The instant of an ISO-8601 date-time with its offset (Z or ±hh:mm), or null if malformed or impossible. */
export function parseIsoInstant(text: unknown): Date | null {
  const m = typeof text === 'string' ? INSTANT.exec(text) : null;
  if (!m || !isCalendarDate(m[1])) return null;
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[2], m[3], m[4] ?? '0', m[6] ?? '0', m[7] ?? '0'].map(
    Number,
  );
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null;
  const at = new Date(text as string);
  return Number.isNaN(at.getTime()) ? null : at;
}
