/**
 * The inbox's filters and deadline states, decided without I/O. A dossier waiting for an officer
 * has a running clock (RECEIVED, PROCESSING: its deadline state follows from its statutory due
 * date) or a stopped one (supplementation, financial obligation: PAUSED, it waits for the
 * applicant). The unfiltered inbox lists the running ones, the officer's work; the paused ones are
 * counted beside them and listed under their own filter.
 */
import type { WorkingCalendar } from '@onestop/calendar';

export type DeadlineState = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'PAUSED';
export const RUNNING_STATUSES = ['RECEIVED', 'PROCESSING'] as const;
export const PAUSED_STATUSES = ['SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'] as const;

export interface InboxFilter {
  procedureCode?: string | null;
  status?: string | null;
  deadline?: DeadlineState | null;
}

/** Which dossiers a filter reaches: the running clocks, the stopped ones, or none (the filters contradict each other). */
export function inboxScope(filter: InboxFilter): 'running' | 'paused' | 'none' {
  const pausedStatus = !!filter.status && (PAUSED_STATUSES as readonly string[]).includes(filter.status);
  const runningStatus = !!filter.status && (RUNNING_STATUSES as readonly string[]).includes(filter.status);
  if (filter.status && !pausedStatus && !runningStatus) return 'none';
  if (filter.deadline === 'PAUSED') return runningStatus ? 'none' : 'paused';
  if (filter.deadline) return pausedStatus ? 'none' : 'running';
  return pausedStatus ? 'paused' : 'running';
}

/**
 * The instants that split running clocks into states, as the SLA watch judges them: OVERDUE once
 * the statutory due instant has passed (due <= now), DUE_SOON with one working day of office time
 * or less left (due <= horizon), ON_TRACK beyond.
 */
export function deadlineBounds(calendar: WorkingCalendar, now: Date): { now: Date; horizon: Date } {
  return { now, horizon: calendar.addWorkingMinutes(now, calendar.minutesPerWorkingDay) };
}
