/**
 * How each action changes a dossier's processing state: pure functions from the state, the
 * moment and the calendar to the fields that change. The lifecycle (lifecycle.ts) says whether
 * an action is allowed; these say what it does. Persistence writes the patch.
 */
import type { WorkingCalendar } from '@onestop/calendar';
import type { DossierStatus } from '@onestop/events';
import { pause, resume, stepDueAt, stepOutcome } from './clock';
import { transition, type LifecycleAction } from './lifecycle';
import { isDecisionStep, nextApplicableStep, sendBackTargets, type ApplicantKind, type StepRole, type WorkflowStep } from './workflow';

export interface ProcessState {
  status: DossierStatus;
  steps: WorkflowStep[];
  stepIndex: number;
  stepStartedAt: Date | null;
  stepDueAt: Date | null;
  dueAt: Date | null;
  statutoryDueAt: Date | null;
  pausedAt: Date | null;
  pausedRemainingMinutes: number | null;
  pausedStatutoryMinutes: number | null;
  pausedStepMinutes: number | null;
  /** The officer the current step is assigned to; null: its role holds it. */
  assigneeId?: string | null;
  applicantKind?: ApplicantKind | null;
  feeVnd?: number | null;
  branches?: BranchState[] | null;
  inboxRoles?: StepRole[] | null;
  interAgency?: InterAgencyState | null;
}

/** A branch of the PARALLEL step a dossier is at: its own start, due time and assignee. */
export interface BranchState {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
  startedAt: string;
  /** Null while the clock is stopped (pausedMinutes keeps the time left). */
  dueAt: string | null;
  pausedMinutes?: number | null;
  doneAt: string | null;
  assigneeId: string | null;
}

/** The dossier's inter-agency transfer (liên thông). */
export interface InterAgencyState {
  agencyCentreId: string;
  stepCode: string;
  sentAt: string;
  /** The end of the agency's share of the time, from its acceptance. */
  shareDueAt: string | null;
  state: 'AWAITING_ACCEPTANCE' | 'ACCEPTED' | 'RETURNED' | 'DONE';
  reason: string | null;
}

const factsOf = (d: ProcessState) => ({ applicantKind: d.applicantKind ?? null, feeVnd: d.feeVnd ?? null });

export type Patch = Partial<ProcessState> & { inboxRole?: StepRole | null; resolvedAt?: Date | null; processingCentreId?: string };

/** Someone at the processing centre must act while the dossier is received or in processing. */
export function inboxRoleOf(status: DossierStatus, steps: WorkflowStep[], stepIndex: number): StepRole | null {
  return status === 'RECEIVED' || status === 'PROCESSING' ? steps[stepIndex]?.role ?? null : null;
}

/** A received dossier starts at the first step of its workflow; that step's due time counts from reception. */
export function enterAtFirstStep(calendar: WorkingCalendar, steps: WorkflowStep[], receivedAt: Date): Patch {
  return { status: 'RECEIVED', ...enterStep(calendar, steps, 0, receivedAt) };
}

export class NotAtStep extends Error {}

/** The dossier starts step `index` at `at`: its due time from the calendar, its role's inbox, nobody assigned yet. */
export function enterStep(calendar: WorkingCalendar, steps: WorkflowStep[], index: number, at: Date): Patch {
  const step = steps[index];
  return { stepIndex: index, stepStartedAt: at, stepDueAt: stepDueAt(calendar, at, step.durationHours), inboxRole: step.role, assigneeId: null };
}

/** A named officer takes the current step (again to reassign). */
export function assign(d: ProcessState, officerId: string): Patch {
  transition(d.status, 'ASSIGN');
  return { assigneeId: officerId };
}

/**
 * Back to an earlier step for rework (trả lại để làm lại): allowed to the targets the current
 * step's sendBackTo names (any earlier step when it names none). The step restarts now with a
 * fresh due time; nobody is assigned.
 */
export function sendBack(calendar: WorkingCalendar, d: ProcessState, toStepCode: string, at: Date) {
  const status = transition(d.status, 'SEND_BACK');
  const targets = sendBackTargets(d.steps, d.stepIndex);
  const toIndex = d.steps.findIndex((s) => s.code === toStepCode);
  if (toIndex < 0 || !targets.includes(toStepCode)) {
    throw new NotAtStep(`Step ${d.steps[d.stepIndex]?.code} sends back only to ${targets.join(', ') || 'no step'}, not to ${toStepCode}`);
  }
  return { patch: { status, ...enterStep(calendar, d.steps, toIndex, at) } as Patch, from: d.steps[d.stepIndex], to: d.steps[toIndex] };
}

/**
 * The current step is done: the next one starts now. The decision step is not completed but
 * decided (decideDossier). Returns the patch and the finished step's timeliness for the slip.
 */
export function completeStep(calendar: WorkingCalendar, d: ProcessState, at: Date) {
  const status = transition(d.status, 'COMPLETE_STEP');
  if (isDecisionStep(d.steps, d.stepIndex)) throw new NotAtStep('The current step is the decision step: decide the dossier instead');
  const finished = d.steps[d.stepIndex];
  // Steps whose condition fails for this dossier are skipped (the decision step always applies).
  const nextIndex = nextApplicableStep(d.steps, d.stepIndex + 1, factsOf(d));
  const patch: Patch = { status, ...enterStep(calendar, d.steps, nextIndex, at) };
  const skipped = d.steps.slice(d.stepIndex + 1, nextIndex).map((s) => s.code);
  return { patch, finished, skipped, outcome: d.stepDueAt ? stepOutcome(at, d.stepDueAt) : null };
}

/** Supplementation or financial obligation: the clock stops and keeps the time left. */
export function stopClock(calendar: WorkingCalendar, d: ProcessState, at: Date, action: 'REQUEST_SUPPLEMENT' | 'REQUEST_FINANCIAL_OBLIGATION'): Patch {
  const status = transition(d.status, action);
  const kept = pause(calendar, at, { dueAt: d.dueAt!, statutoryDueAt: d.statutoryDueAt!, stepDueAt: d.stepDueAt });
  return {
    status,
    inboxRole: null,
    pausedAt: at,
    pausedRemainingMinutes: kept.remainingMinutes ?? 0,
    pausedStatutoryMinutes: kept.statutoryRemainingMinutes,
    pausedStepMinutes: kept.stepRemainingMinutes,
  };
}

/**
 * The applicant did what was asked: the clock runs again from `resumedAt` with the time it
 * kept. A due instant that had already passed when the clock stopped stays where it was.
 */
export function restartClock(calendar: WorkingCalendar, d: ProcessState, resumedAt: Date, action: 'SUBMIT_SUPPLEMENT' | 'CONFIRM_FINANCIAL_OBLIGATION'): Patch {
  const status = transition(d.status, action);
  const pausedAt = d.pausedAt!;
  const kept = {
    remainingMinutes: d.dueAt! > pausedAt ? d.pausedRemainingMinutes : null,
    statutoryRemainingMinutes: d.pausedStatutoryMinutes,
    stepRemainingMinutes: d.pausedStepMinutes,
  };
  const due = resume(calendar, resumedAt, kept, { dueAt: d.dueAt!, statutoryDueAt: d.statutoryDueAt!, stepDueAt: d.stepDueAt });
  return {
    status,
    dueAt: due.dueAt,
    statutoryDueAt: due.statutoryDueAt,
    stepDueAt: due.stepDueAt,
    inboxRole: inboxRoleOf(status, d.steps, d.stepIndex),
    pausedAt: null,
    pausedRemainingMinutes: null,
    pausedStatutoryMinutes: null,
    pausedStepMinutes: null,
  };
}

/** Actions that end the dossier's processing: nobody's inbox holds it any more. */
export function close(d: ProcessState, action: Extract<LifecycleAction, 'REFUSE' | 'WITHDRAW' | 'STOP' | 'RETURN_RESULT'>): Patch {
  return { status: transition(d.status, action), inboxRole: null, pausedAt: null, pausedRemainingMinutes: null, pausedStatutoryMinutes: null, pausedStepMinutes: null };
}

/** The decision: only at the decision step; the dossier is resolved (9) at `at`. */
export function decide(d: ProcessState, at: Date): Patch {
  const status = transition(d.status, 'DECIDE');
  if (!isDecisionStep(d.steps, d.stepIndex)) throw new NotAtStep(`The dossier is at step ${d.steps[d.stepIndex]?.code}, not at the decision step`);
  return { status, resolvedAt: at, inboxRole: null };
}
