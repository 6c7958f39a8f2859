/**
 * How each action changes a dossier's processing state: pure functions from the state, the
 * moment and the calendar to the fields that change. The lifecycle (lifecycle.ts) says whether
 * an action is allowed; these say what it does. Persistence writes the patch.
 */
import type { WorkingCalendar } from '@onestop/calendar';
import type { DossierStatus } from '@onestop/events';
import { pause, resume, stepDueAt, stepOutcome } from './clock';
import { transition, type LifecycleAction } from './lifecycle';
import {
  applicableBranches,
  isDecisionStep,
  kindOf,
  nextApplicableStep,
  sendBackTargets,
  type ApplicantKind,
  type DossierFacts,
  type StepRole,
  type WorkflowStep,
} from './workflow';

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

export type Patch = Partial<ProcessState> & {
  inboxRole?: StepRole | null;
  resolvedAt?: Date | null;
  processingCentreId?: string;
};

/** Someone at the processing centre must act while the dossier is received or in processing. */
export function inboxRoleOf(status: DossierStatus, steps: WorkflowStep[], stepIndex: number): StepRole | null {
  return status === 'RECEIVED' || status === 'PROCESSING' ? (steps[stepIndex]?.role ?? null) : null;
}

/** A received dossier starts at the first step of its workflow; that step's due time counts from reception. */
export function enterAtFirstStep(calendar: WorkingCalendar, steps: WorkflowStep[], receivedAt: Date): Patch {
  const { branches: _b, inboxRoles: _r, ...patch } = enterStep(calendar, steps, 0, receivedAt); // the first step is always a plain TASK
  return { status: 'RECEIVED', ...patch };
}

export class NotAtStep extends Error {}

/** The dossier starts step `index` at `at`: its due time from the calendar, its role's inbox, nobody assigned yet. */
export function enterStep(
  calendar: WorkingCalendar,
  steps: WorkflowStep[],
  index: number,
  at: Date,
  facts: DossierFacts = NO_FACTS,
): Patch {
  const step = steps[index];
  const patch: Patch = {
    stepIndex: index,
    stepStartedAt: at,
    stepDueAt: stepDueAt(calendar, at, step.durationHours),
    inboxRole: step.role,
    assigneeId: null,
    branches: null,
    inboxRoles: null,
  };
  if (kindOf(step) === 'PARALLEL') {
    // every branch that applies starts now, each due its own hours later; the group is due when its slowest branch is
    const branches: BranchState[] = applicableBranches(step, facts).map((b) => ({
      code: b.code,
      name: b.name,
      role: b.role,
      durationHours: b.durationHours,
      startedAt: at.toISOString(),
      dueAt: stepDueAt(calendar, at, b.durationHours).toISOString(),
      pausedMinutes: null,
      doneAt: null,
      assigneeId: null,
    }));
    Object.assign(patch, branchInbox(branches), {
      branches,
      stepDueAt: new Date(Math.max(...branches.map((b) => Date.parse(b.dueAt!)))),
    });
  }
  if (kindOf(step) === 'INTER_AGENCY') {
    // sent to the agency: it waits for the agency's acceptance; the share runs from then
    patch.interAgency = {
      agencyCentreId: step.agencyCentreId!,
      stepCode: step.code,
      sentAt: at.toISOString(),
      shareDueAt: null,
      state: 'AWAITING_ACCEPTANCE',
      reason: null,
    };
  }
  return patch;
}

const NO_FACTS: DossierFacts = { applicantKind: null, feeVnd: null };

/** The inbox of a PARALLEL step: each role with a branch still to do (the dossier is listed once per role). */
function branchInbox(branches: BranchState[]): Pick<Patch, 'inboxRole' | 'inboxRoles'> {
  const roles = [...new Set(branches.filter((b) => !b.doneAt).map((b) => b.role))];
  return { inboxRole: roles[0] ?? null, inboxRoles: roles };
}

/** The agency holds the dossier: its inter-agency step is in progress (waiting for acceptance, or accepted). */
export const atAgency = (d: Pick<ProcessState, 'interAgency' | 'steps' | 'stepIndex'>): boolean =>
  !!d.interAgency &&
  (d.interAgency.state === 'AWAITING_ACCEPTANCE' || d.interAgency.state === 'ACCEPTED') &&
  d.steps[d.stepIndex]?.code === d.interAgency.stepCode;

/**
 * A branch of the PARALLEL step is done: graded against its own due time. When every branch
 * that applies is done, the dossier goes on to the next step that applies.
 */
export function completeBranch(calendar: WorkingCalendar, d: ProcessState, branchCode: string, at: Date) {
  const status = transition(d.status, 'COMPLETE_STEP');
  const branch = d.branches?.find((b) => b.code === branchCode);
  if (!branch) throw new NotAtStep(`The dossier's current step has no branch ${branchCode} in progress`);
  if (branch.doneAt) throw new NotAtStep(`Branch ${branchCode} is already done`);
  const branches = d.branches!.map((b) => (b.code === branchCode ? { ...b, doneAt: at.toISOString() } : b));
  const outcome = branch.dueAt ? stepOutcome(at, new Date(branch.dueAt)) : null;
  const joined = branches.every((b) => b.doneAt);
  if (!joined)
    return {
      patch: { status, branches, ...branchInbox(branches) } as Patch,
      branch,
      joined,
      skipped: [] as string[],
      outcome,
    };
  const nextIndex = nextApplicableStep(d.steps, d.stepIndex + 1, factsOf(d));
  const skipped = d.steps.slice(d.stepIndex + 1, nextIndex).map((s) => s.code);
  return {
    patch: { status, ...enterStep(calendar, d.steps, nextIndex, at, factsOf(d)) } as Patch,
    branch,
    joined,
    skipped,
    outcome,
  };
}

/** The agency takes the dossier: its share of the time (the step's hours) runs from now. */
export function acceptAtAgency(calendar: WorkingCalendar, d: ProcessState, at: Date): Patch {
  if (!atAgency(d) || d.interAgency!.state !== 'AWAITING_ACCEPTANCE')
    throw new NotAtStep('The dossier is not waiting for an agency to accept it');
  transition(d.status, 'COMPLETE_STEP');
  const shareDueAt = stepDueAt(calendar, at, d.steps[d.stepIndex].durationHours);
  return {
    stepStartedAt: at,
    stepDueAt: shareDueAt,
    interAgency: { ...d.interAgency!, state: 'ACCEPTED', shareDueAt: shareDueAt.toISOString() },
  };
}

/** The agency returns the dossier with a reason: back to the step before the inter-agency one, restarted now. */
export function returnFromAgency(calendar: WorkingCalendar, d: ProcessState, at: Date, reason: string): Patch {
  if (!atAgency(d)) throw new NotAtStep('The dossier is not at an agency');
  const status = transition(d.status, 'SEND_BACK');
  return {
    status,
    ...enterStep(calendar, d.steps, Math.max(d.stepIndex - 1, 0), at, factsOf(d)),
    interAgency: { ...d.interAgency!, state: 'RETURNED', reason },
  };
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
    throw new NotAtStep(
      `Step ${d.steps[d.stepIndex]?.code} sends back only to ${targets.join(', ') || 'no step'}, not to ${toStepCode}`,
    );
  }
  return {
    patch: { status, ...enterStep(calendar, d.steps, toIndex, at, factsOf(d)) } as Patch,
    from: d.steps[d.stepIndex],
    to: d.steps[toIndex],
  };
}

/**
 * The current step is done: the next one starts now. The decision step is not completed but
 * decided (decideDossier). Returns the patch and the finished step's timeliness for the slip.
 */
export function completeStep(calendar: WorkingCalendar, d: ProcessState, at: Date) {
  const status = transition(d.status, 'COMPLETE_STEP');
  if (isDecisionStep(d.steps, d.stepIndex))
    throw new NotAtStep('The current step is the decision step: decide the dossier instead');
  const finished = d.steps[d.stepIndex];
  if (kindOf(finished) === 'PARALLEL')
    throw new NotAtStep(`Step ${finished.code} has branches: complete each branch (branchCode)`);
  if (kindOf(finished) === 'INTER_AGENCY' && d.interAgency?.state !== 'ACCEPTED')
    throw new NotAtStep(`Step ${finished.code} waits for the agency to accept the dossier`);
  // Steps whose condition fails for this dossier are skipped (the decision step always applies).
  const nextIndex = nextApplicableStep(d.steps, d.stepIndex + 1, factsOf(d));
  const patch: Patch = { status, ...enterStep(calendar, d.steps, nextIndex, at, factsOf(d)) };
  // the agency's step is judged against its share (stepDueAt is the share's end once accepted)
  if (kindOf(finished) === 'INTER_AGENCY' && !patch.interAgency)
    patch.interAgency = { ...d.interAgency!, state: 'DONE' };
  const skipped = d.steps.slice(d.stepIndex + 1, nextIndex).map((s) => s.code);
  return { patch, finished, skipped, outcome: d.stepDueAt ? stepOutcome(at, d.stepDueAt) : null };
}

/** Supplementation or financial obligation: the clock stops and keeps the time left. */
export function stopClock(
  calendar: WorkingCalendar,
  d: ProcessState,
  at: Date,
  action: 'REQUEST_SUPPLEMENT' | 'REQUEST_FINANCIAL_OBLIGATION',
): Patch {
  const status = transition(d.status, action);
  const kept = pause(calendar, at, { dueAt: d.dueAt!, statutoryDueAt: d.statutoryDueAt!, stepDueAt: d.stepDueAt });
  // every branch in progress keeps its own time left (a branch already late stays late)
  const branches = d.branches?.map((b) =>
    b.doneAt || !b.dueAt
      ? b
      : {
          ...b,
          pausedMinutes: pause(calendar, at, { dueAt: at, statutoryDueAt: at, stepDueAt: new Date(b.dueAt) })
            .stepRemainingMinutes,
        },
  );
  return {
    status,
    ...(branches ? { branches } : {}),
    inboxRole: null,
    inboxRoles: null,
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
export function restartClock(
  calendar: WorkingCalendar,
  d: ProcessState,
  resumedAt: Date,
  action: 'SUBMIT_SUPPLEMENT' | 'CONFIRM_FINANCIAL_OBLIGATION',
): Patch {
  const status = transition(d.status, action);
  const pausedAt = d.pausedAt!;
  const kept = {
    remainingMinutes: d.dueAt! > pausedAt ? d.pausedRemainingMinutes : null,
    statutoryRemainingMinutes: d.pausedStatutoryMinutes,
    stepRemainingMinutes: d.pausedStepMinutes,
  };
  const due = resume(calendar, resumedAt, kept, {
    dueAt: d.dueAt!,
    statutoryDueAt: d.statutoryDueAt!,
    stepDueAt: d.stepDueAt,
  });
  const branches = d.branches?.map((b) =>
    b.doneAt || b.pausedMinutes == null
      ? b
      : { ...b, dueAt: calendar.resume(resumedAt, b.pausedMinutes).toISOString(), pausedMinutes: null },
  );
  const agency =
    d.interAgency?.state === 'ACCEPTED' && atAgency(d)
      ? { interAgency: { ...d.interAgency, shareDueAt: due.stepDueAt?.toISOString() ?? d.interAgency.shareDueAt } }
      : {};
  return {
    status,
    dueAt: due.dueAt,
    statutoryDueAt: due.statutoryDueAt,
    stepDueAt: due.stepDueAt,
    ...agency,
    ...(branches ? { branches, ...branchInbox(branches) } : { inboxRole: inboxRoleOf(status, d.steps, d.stepIndex) }),
    pausedAt: null,
    pausedRemainingMinutes: null,
    pausedStatutoryMinutes: null,
    pausedStepMinutes: null,
  };
}

/** Actions that end the dossier's processing: nobody's inbox holds it any more. */
export function close(
  d: ProcessState,
  action: Extract<LifecycleAction, 'REFUSE' | 'WITHDRAW' | 'STOP' | 'RETURN_RESULT'>,
): Patch {
  return {
    status: transition(d.status, action),
    inboxRole: null,
    inboxRoles: null,
    pausedAt: null,
    pausedRemainingMinutes: null,
    pausedStatutoryMinutes: null,
    pausedStepMinutes: null,
  };
}

/** The decision: only at the decision step; the dossier is resolved (9) at `at`. */
export function decide(d: ProcessState, at: Date): Patch {
  const status = transition(d.status, 'DECIDE');
  if (!isDecisionStep(d.steps, d.stepIndex))
    throw new NotAtStep(`The dossier is at step ${d.steps[d.stepIndex]?.code}, not at the decision step`);
  return { status, resolvedAt: at, inboxRole: null, inboxRoles: null };
}
