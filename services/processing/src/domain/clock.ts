/**
 * The dossier's clock on the working-day calendar: step due times, pauses and resumptions,
 * the SLA state and each step's timeliness. Pure: the calendar is passed in.
 */
import { outcome, type Outcome, type WorkingCalendar } from '@onestop/calendar';

export type SlaState = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE';

/** A step started at `startedAt` is due `durationHours` of office time later. */
export function stepDueAt(calendar: WorkingCalendar, startedAt: Date, durationHours: number): Date {
  return calendar.addWorkingMinutes(startedAt, Math.round(durationHours * 60));
}

/**
 * Working minutes from `now` until `dueAt`: positive while time is left, negative (office time
 * since the due instant) once it has passed.
 */
export function signedWorkingMinutes(calendar: WorkingCalendar, now: Date, dueAt: Date): number {
  return dueAt > now ? calendar.workingMinutesBetween(now, dueAt) : -calendar.workingMinutesBetween(dueAt, now);
}

/** OVERDUE once the due instant has passed; DUE_SOON with one working day of office time or less left. */
export function slaStateOf(calendar: WorkingCalendar, remainingMinutes: number, overdue: boolean): SlaState {
  if (overdue) return 'OVERDUE';
  return remainingMinutes <= calendar.minutesPerWorkingDay ? 'DUE_SOON' : 'ON_TRACK';
}

export interface Sla {
  state: SlaState;
  /** Negative once overdue. */
  remainingWorkingHours: number;
}

/**
 * The SLA of a dossier against its statutory due instant, judged at `at`: now while the clock
 * runs, or the moment it stopped while it is stopped (a stopped clock consumes nothing).
 */
export function slaAt(calendar: WorkingCalendar, at: Date, dueAt: Date): Sla {
  const minutes = signedWorkingMinutes(calendar, at, dueAt);
  return { state: slaStateOf(calendar, minutes, at > dueAt), remainingWorkingHours: round2(minutes / 60) };
}

/**
 * A finished step on the control slip: LATE after its due instant, EARLY on a day before its due
 * day, ON_TIME otherwise (the same rule as a dossier's outcome, except that a step is due at an
 * instant, so finishing after it on the due day is already late).
 */
export function stepOutcome(finishedAt: Date, dueAt: Date): Outcome {
  if (finishedAt > dueAt) return 'LATE';
  return outcome(finishedAt, dueAt) === 'EARLY' ? 'EARLY' : 'ON_TIME';
}

/** What a stopped clock keeps: the office time left until each due instant, or null for one already past. */
export interface KeptTime {
  /** Until the due date shown to the applicant (dueAt); what DossierStatusChanged carries. */
  remainingMinutes: number | null;
  /** Until the statutory due date. */
  statutoryRemainingMinutes: number | null;
  /** Until the current step's due time. */
  stepRemainingMinutes: number | null;
}

/**
 * The clock stops (docs/DESIGN.md: a paused dossier does not consume time): the office time left
 * until each due instant is kept. A due instant already past is kept as it is, so a pause
 * never turns a late dossier into one on time.
 */
export function pause(
  calendar: WorkingCalendar,
  at: Date,
  due: { dueAt: Date; statutoryDueAt: Date; stepDueAt: Date | null },
): KeptTime {
  const left = (d: Date | null) => (d && d > at ? calendar.remainingWorkingMinutes(at, d) : null);
  return {
    remainingMinutes: left(due.dueAt),
    statutoryRemainingMinutes: left(due.statutoryDueAt),
    stepRemainingMinutes: left(due.stepDueAt),
  };
}

/** The clock resumes: each due instant is the kept office time after the moment of resumption (or stays, if it had passed). */
export function resume(
  calendar: WorkingCalendar,
  resumedAt: Date,
  kept: KeptTime,
  was: { dueAt: Date; statutoryDueAt: Date; stepDueAt: Date | null },
) {
  const again = (minutes: number | null, before: Date | null) =>
    minutes === null ? before : calendar.resume(resumedAt, minutes);
  return {
    dueAt: again(kept.remainingMinutes, was.dueAt)!,
    statutoryDueAt: again(kept.statutoryRemainingMinutes, was.statutoryDueAt)!,
    stepDueAt: again(kept.stepRemainingMinutes, was.stepDueAt),
  };
}

/**
 * An apology (văn bản xin lỗi) may be issued for a dossier that is late, or about to be: its
 * statutory due instant has passed, or one working day of office time or less is left.
 */
export function mayApologise(calendar: WorkingCalendar, now: Date, statutoryDueAt: Date): boolean {
  return slaAt(calendar, now, statutoryDueAt).state !== 'ON_TRACK';
}

/** How far an apology may move the applicant's appointment: a year (a later one is a typo or an attack, not an appointment). */
export const APOLOGY_HORIZON_DAYS = 366;

/** Why `newDueAt` cannot be an apology's new appointment, or null: it must be after now and the current one, and within the horizon. */
export function newAppointmentProblem(newDueAt: Date, now: Date, currentDueAt: Date | null): string | null {
  if (newDueAt <= now || (currentDueAt && newDueAt <= currentDueAt))
    return 'newDueAt must be later than now and than the current appointment';
  if (newDueAt.getTime() - now.getTime() > APOLOGY_HORIZON_DAYS * 86_400_000)
    return `newDueAt must be within ${APOLOGY_HORIZON_DAYS} days from now`;
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
