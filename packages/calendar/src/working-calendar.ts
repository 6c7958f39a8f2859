/**
 * The working-day calendar of a centre (docs/DESIGN.md, "Working-day calendar").
 *
 * - A working day is Monday–Friday that is not a HOLIDAY, plus any MAKEUP_WORKDAY.
 * - Days come from the statutory holidays of each year asked about (statutoryHolidays), then the
 *   declared days override them date by date (the last declaration of a date wins; ORDINARY
 *   cancels whatever was there).
 * - Office time is the union of the office periods of working days (default 07:30–11:30 and
 *   13:30–17:00 Asia/Ho_Chi_Minh).
 *
 * Everything is computed on local day numbers and milliseconds; no loop runs per minute. Each
 * instance keeps, per year it has been asked about, a working-day bitmap and its prefix sums, so
 * "the N-th working day after" and "working days between" cost O(years) plus a binary search.
 */
import { statutoryHolidays } from './holidays';
import type { CalendarDay, CalendarDayKind, OfficePeriod, ProcessingTime, TimeUnit } from './types';
import {
  MS_PER_MINUTE,
  checkYear,
  dayFromParts,
  dayNumber,
  formatDay,
  instantMs,
  localDayOfMs,
  msOfLocal,
  parseClock,
  weekday,
  yearOf,
} from './time';

/** Default office hours of a centre: 07:30–11:30 and 13:30–17:00. */
export const DEFAULT_OFFICE_HOURS: OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** A dossier received after this local time (strictly: 15:00:00.000 still counts) counts from the next working day. */
export const RECEPTION_CUTOFF = '15:00';

/** The largest processing-time amount accepted (ten years of days). */
export const MAX_PROCESSING_AMOUNT = 3650;

const KINDS: ReadonlySet<CalendarDayKind> = new Set(['HOLIDAY', 'MAKEUP_WORKDAY', 'ORDINARY']);
const UNITS: ReadonlySet<TimeUnit> = new Set(['WORKING_DAYS', 'CALENDAR_DAYS', 'WORKING_HOURS']);
const CUTOFF_MS = parseClock(RECEPTION_CUTOFF) * MS_PER_MINUTE;

interface YearInfo {
  year: number;
  /** day number of 1 January */
  first: number;
  /** number of days in the year */
  len: number;
  /** 1 if the day (index from 1 January) is a working day */
  working: Uint8Array;
  /** cum[i] = working days among indices 0..i-1 */
  cum: Int32Array;
  /** HOLIDAY and MAKEUP_WORKDAY days after declarations, sorted */
  specials: CalendarDay[];
}

export interface WorkingCalendarOptions {
  /** Days declared by an administrator; for a date declared more than once, the last one wins. */
  declared?: CalendarDay[];
  /** The centre's office periods, 'HH:mm' local; default DEFAULT_OFFICE_HOURS. */
  officeHours?: OfficePeriod[];
}

export class WorkingCalendar {
  private readonly declaredByYear = new Map<number, CalendarDay[]>();
  /** office periods as [start, end) in minutes after local midnight, sorted */
  private readonly periods: ReadonlyArray<readonly [number, number]>;
  private readonly dayEndMinute: number;
  private readonly dayMs: number;
  private readonly years = new Map<number, YearInfo>();
  private lastYear: YearInfo | undefined;

  constructor(opts: WorkingCalendarOptions = {}) {
    const declared = opts.declared ?? [];
    if (!Array.isArray(declared)) throw new RangeError('declared must be an array of CalendarDay');
    const lastByDate = new Map<string, CalendarDay>();
    for (const d of declared) {
      if (d === null || typeof d !== 'object') throw new RangeError('declared day must be an object');
      const day = dayNumber(d.date);
      checkYear(yearOf(day), `declared day ${d.date}`);
      if (!KINDS.has(d.kind)) throw new RangeError(`declared day ${d.date}: unknown kind '${String(d.kind)}'`);
      if (typeof d.name !== 'string') throw new RangeError(`declared day ${d.date}: name must be a string`);
      lastByDate.delete(d.date); // keep the insertion order of the last declaration
      lastByDate.set(d.date, { date: d.date, kind: d.kind, name: d.name });
    }
    for (const d of lastByDate.values()) {
      const year = Number(d.date.slice(0, 4));
      const list = this.declaredByYear.get(year);
      if (list) list.push(d);
      else this.declaredByYear.set(year, [d]);
    }

    const hours = opts.officeHours ?? DEFAULT_OFFICE_HOURS;
    if (!Array.isArray(hours) || hours.length === 0) throw new RangeError('officeHours must be a non-empty array');
    const periods = hours
      .map((p) => {
        const start = parseClock(p.start);
        const end = parseClock(p.end);
        if (start >= end) throw new RangeError(`office period ${p.start}–${p.end}: start must be before end`);
        return [start, end] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < periods.length; i++) {
      if (periods[i][0] < periods[i - 1][1]) throw new RangeError('office periods must not overlap');
    }
    this.periods = periods;
    this.dayEndMinute = periods[periods.length - 1][1];
    this.dayMs = periods.reduce((sum, [s, e]) => sum + (e - s), 0) * MS_PER_MINUTE;
  }

  /** The office periods of this calendar, sorted. */
  get officeHours(): OfficePeriod[] {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return this.periods.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) }));
  }

  /** Office minutes of one full working day (450 with the default hours). */
  get minutesPerWorkingDay(): number {
    return this.dayMs / MS_PER_MINUTE;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(dayNumber(date));
  }

  /** Every non-ordinary day of the year after declarations: HOLIDAY and MAKEUP_WORKDAY entries, sorted by date. Weekends are not listed. */
  specialDays(year: number): CalendarDay[] {
    return this.yearInfo(year).specials.map((d) => ({ ...d }));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return formatDay(this.nthWorkingDayAfter(dayNumber(date), 1));
  }

  /** The n-th working day strictly after `date` (n ≥ 0; 0 gives `date` itself). */
  addWorkingDays(date: string, n: number): string {
    const day = dayNumber(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    return formatDay(n === 0 ? day : this.nthWorkingDayAfter(day, n));
  }

  /** The reception day: the local date of receivedAt, or the next working day if received after 15:00 local (15:00:00.000 still counts) or on a day off. */
  receptionDay(receivedAt: Date): string {
    return formatDay(this.receptionDayNumber(instantMs(receivedAt, 'receivedAt')));
  }

  /** The statutory due instant for a dossier received at receivedAt. */
  dueAt(receivedAt: Date, time: ProcessingTime): Date {
    const ms = instantMs(receivedAt, 'receivedAt');
    if (time === null || typeof time !== 'object') throw new RangeError('processing time must be { amount, unit }');
    const { amount, unit } = time;
    if (!UNITS.has(unit)) throw new RangeError(`unknown processing time unit '${String(unit)}'`);
    if (!Number.isInteger(amount) || amount < 1 || amount > MAX_PROCESSING_AMOUNT) {
      throw new RangeError(
        `processing time amount must be an integer from 1 to ${MAX_PROCESSING_AMOUNT}, got ${amount}`,
      );
    }
    switch (unit) {
      case 'WORKING_DAYS': {
        const due = this.nthWorkingDayAfter(this.receptionDayNumber(ms), amount);
        return new Date(msOfLocal(due, this.dayEndMinute));
      }
      case 'CALENDAR_DAYS': {
        let due = this.receptionDayNumber(ms) + amount;
        if (!this.isWorking(due)) due = this.nthWorkingDayAfter(due, 1);
        return new Date(msOfLocal(due, this.dayEndMinute));
      }
      case 'WORKING_HOURS':
        return new Date(this.addWorkingMs(ms, amount * 60 * MS_PER_MINUTE));
    }
  }

  /** Office time in minutes between two instants (0 if to <= from); fractional when the instants have seconds. */
  workingMinutesBetween(from: Date, to: Date): number {
    return this.workingMsBetween(instantMs(from, 'from'), instantMs(to, 'to')) / MS_PER_MINUTE;
  }

  /** The instant that is `minutes` of office time after `from`. Landing exactly at the end of a period stays there; 0 minutes gives `from`. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    const ms = instantMs(from, 'from');
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`minutes must be a finite non-negative number, got ${minutes}`);
    }
    return new Date(this.addWorkingMs(ms, Math.round(minutes * MS_PER_MINUTE)));
  }

  /** Pause support: the office time left when the clock stopped, in minutes (0 if already overdue). */
  remainingWorkingMinutes(at: Date, dueAt: Date): number {
    return this.workingMinutesBetween(at, dueAt);
  }

  /** The new due instant on resumption: `remainingMinutes` of office time after resumedAt. */
  resume(resumedAt: Date, remainingMinutes: number): Date {
    return this.addWorkingMinutes(resumedAt, remainingMinutes);
  }

  /**
   * Working days between two instants, fractional, for statistics: office time between them
   * divided by the office time of one full working day (minutesPerWorkingDay), so a dossier
   * handled from the start to the end of one working day took exactly 1.
   */
  workingDaysBetween(from: Date, to: Date): number {
    return (this.workingMinutesBetween(from, to) * MS_PER_MINUTE) / this.dayMs;
  }

  // ---- internals -------------------------------------------------------------------------

  private yearInfo(year: number): YearInfo {
    const cached = this.years.get(year);
    if (cached) return cached;
    checkYear(year);
    const effective = new Map<string, CalendarDay>();
    for (const d of statutoryHolidays(year)) effective.set(d.date, d);
    for (const d of this.declaredByYear.get(year) ?? []) {
      if (d.kind === 'ORDINARY') effective.delete(d.date);
      else effective.set(d.date, d);
    }
    const specials = [...effective.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = dayFromParts(year, 1, 1);
    const len = dayFromParts(year + 1, 1, 1) - first;
    const working = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const wd = weekday(first + i);
      working[i] = wd >= 1 && wd <= 5 ? 1 : 0;
    }
    for (const d of specials) working[dayNumber(d.date) - first] = d.kind === 'MAKEUP_WORKDAY' ? 1 : 0;
    const cum = new Int32Array(len + 1);
    for (let i = 0; i < len; i++) cum[i + 1] = cum[i] + working[i];
    const info: YearInfo = { year, first, len, working, cum, specials };
    this.years.set(year, info);
    return info;
  }

  private infoOfDay(day: number): YearInfo {
    const last = this.lastYear;
    if (last && day >= last.first && day < last.first + last.len) return last;
    const info = this.yearInfo(yearOf(day));
    this.lastYear = info;
    return info;
  }

  private isWorking(day: number): boolean {
    const info = this.infoOfDay(day);
    return info.working[day - info.first] === 1;
  }

  /** The n-th (n ≥ 1) working day strictly after `day`. */
  private nthWorkingDayAfter(day: number, n: number): number {
    let cur = day + 1;
    let remaining = n;
    for (;;) {
      const info = this.infoOfDay(cur);
      const i = cur - info.first;
      const available = info.cum[info.len] - info.cum[i];
      if (available < remaining) {
        remaining -= available;
        cur = info.first + info.len;
        continue;
      }
      // smallest j ≥ i with cum[j + 1] - cum[i] ≥ remaining
      const target = info.cum[i] + remaining;
      let lo = i;
      let hi = info.len - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (info.cum[mid + 1] >= target) hi = mid;
        else lo = mid + 1;
      }
      return info.first + lo;
    }
  }

  /** Working days among the days [a, b). */
  private workingDaysIn(a: number, b: number): number {
    let count = 0;
    let cur = a;
    while (cur < b) {
      const info = this.infoOfDay(cur);
      const end = Math.min(b, info.first + info.len);
      count += info.cum[end - info.first] - info.cum[cur - info.first];
      cur = end;
    }
    return count;
  }

  private receptionDayNumber(ms: number): number {
    const day = localDayOfMs(ms);
    if (this.isWorking(day) && ms - msOfLocal(day, 0) <= CUTOFF_MS) return day;
    return this.nthWorkingDayAfter(day, 1);
  }

  /** Office time of `day` within the instants [a, b). */
  private officeMsOfDay(day: number, a: number, b: number): number {
    if (!this.isWorking(day)) return 0;
    let sum = 0;
    for (const [s, e] of this.periods) {
      const lo = Math.max(msOfLocal(day, s), a);
      const hi = Math.min(msOfLocal(day, e), b);
      if (hi > lo) sum += hi - lo;
    }
    return sum;
  }

  private workingMsBetween(from: number, to: number): number {
    if (to <= from) return 0;
    const d1 = localDayOfMs(from);
    const d2 = localDayOfMs(to);
    if (d1 === d2) return this.officeMsOfDay(d1, from, to);
    return (
      this.officeMsOfDay(d1, from, Infinity) +
      this.workingDaysIn(d1 + 1, d2) * this.dayMs +
      this.officeMsOfDay(d2, -Infinity, to)
    );
  }

  /** The instant `amount` ms of office time after `from` (exact end of a period stays there). */
  private addWorkingMs(from: number, amount: number): number {
    if (amount === 0) return from;
    let remaining = amount;
    // 1. the rest of the day of `from`
    let day = localDayOfMs(from);
    if (this.isWorking(day)) {
      const landed = this.walkDay(day, from, remaining);
      if (landed.at !== undefined) return landed.at;
      remaining = landed.remaining;
    }
    // 2. whole working days, leaving (0, dayMs] for the landing day
    const whole = Math.ceil(remaining / this.dayMs) - 1;
    if (whole > 0) {
      day = this.nthWorkingDayAfter(day, whole);
      remaining -= whole * this.dayMs;
    }
    // 3. the landing day
    const landing = this.nthWorkingDayAfter(day, 1);
    const landed = this.walkDay(landing, -Infinity, remaining);
    return landed.at!;
  }

  /** Walks the office periods of a working day from instant `from`; lands if `remaining` fits. */
  private walkDay(day: number, from: number, remaining: number): { at?: number; remaining: number } {
    for (const [s, e] of this.periods) {
      const end = msOfLocal(day, e);
      if (end <= from) continue;
      const start = Math.max(msOfLocal(day, s), from);
      const available = end - start;
      if (remaining <= available) return { at: start + remaining, remaining: 0 };
      remaining -= available;
    }
    return { remaining };
  }
}
