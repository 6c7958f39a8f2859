/**
 * The dossier's lifecycle (docs/DESIGN.md, "Dossier lifecycle"): which action may move a dossier from
 * which status, and to where. Pure: no I/O. Every status maps to one national status code.
 *
 * Typical paths: 1→2|3; 2→4; 4→5→4; 4→6→4; 4→8; 2|4|5→7; 4→9→10. Actions that keep the status
 * (a step inside processing, a transfer, an apology) are listed with the statuses they may act on.
 *
 * Reception puts a dossier at RECEIVED (2) on its workflow's first step; completing that step
 * (the intake officer's handover to the department, "bàn giao") is what starts processing (2→4).
 */
import { LIFECYCLE_ACTIONS, NATIONAL_STATUS_CODES, type DossierStatus, type LifecycleAction } from '@onestop/events';

export type { DossierStatus };
export const STATUSES = Object.keys(NATIONAL_STATUS_CODES) as DossierStatus[];

/** The lifecycle's actions: the catalogue's (DossierStatusChanged announces them by these names). */
export const ACTIONS = LIFECYCLE_ACTIONS;
export type { LifecycleAction };

interface Rule {
  from: readonly DossierStatus[];
  /** Omitted: the status stays what it was. */
  to?: DossierStatus;
}

const OPEN: readonly DossierStatus[] = ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'];

export const RULES: Readonly<Record<LifecycleAction, Rule>> = {
  ACCEPT: { from: ['NEW'], to: 'RECEIVED' },
  REFUSE: { from: ['NEW'], to: 'NOT_ACCEPTED' },
  COMPLETE_STEP: { from: ['RECEIVED', 'PROCESSING'], to: 'PROCESSING' },
  REQUEST_SUPPLEMENT: { from: ['PROCESSING'], to: 'SUPPLEMENT_REQUESTED' },
  SUBMIT_SUPPLEMENT: { from: ['SUPPLEMENT_REQUESTED'], to: 'PROCESSING' },
  REQUEST_FINANCIAL_OBLIGATION: { from: ['PROCESSING'], to: 'FINANCIAL_OBLIGATION' },
  CONFIRM_FINANCIAL_OBLIGATION: { from: ['FINANCIAL_OBLIGATION'], to: 'PROCESSING' },
  WITHDRAW: { from: ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED'], to: 'WITHDRAWN' },
  STOP: { from: ['PROCESSING'], to: 'STOPPED' },
  DECIDE: { from: ['PROCESSING'], to: 'RESOLVED' },
  RETURN_RESULT: { from: ['RESOLVED'], to: 'RETURNED' },
  TRANSFER: { from: ['RECEIVED', 'PROCESSING'] },
  // Only while the clock runs: a stopped clock consumes no time, so there is nothing to apologise for yet.
  APOLOGISE: { from: ['RECEIVED', 'PROCESSING'] },
  ASSIGN: { from: ['RECEIVED', 'PROCESSING'] },
  // Only once processing has started: the handover step has nothing earlier to go back to.
  SEND_BACK: { from: ['PROCESSING'] },
  // Liên thông: the agency answers while the dossier is in processing at its inter-agency step.
  ACCEPT_INTER_AGENCY: { from: ['PROCESSING'] },
  RETURN_INTER_AGENCY: { from: ['PROCESSING'] },
};

/** The status `action` leads to from `status`, or null when the lifecycle refuses it. */
export function nextStatus(status: DossierStatus, action: LifecycleAction): DossierStatus | null {
  const rule = RULES[action];
  if (!rule.from.includes(status)) return null;
  return rule.to ?? status;
}

export class RefusedTransition extends Error {
  constructor(
    readonly status: DossierStatus,
    readonly action: LifecycleAction,
  ) {
    super(
      `A dossier in status ${status} (${NATIONAL_STATUS_CODES[status]}) cannot ${action.toLowerCase().replace(/_/g, ' ')}`,
    );
  }
}

/** Like nextStatus, but a refusal throws RefusedTransition (resolvers answer it with CONFLICT). */
export function transition(status: DossierStatus, action: LifecycleAction): DossierStatus {
  const next = nextStatus(status, action);
  if (!next) throw new RefusedTransition(status, action);
  return next;
}

export const nationalStatusCode = (status: DossierStatus): number => NATIONAL_STATUS_CODES[status];

/** Statuses in which the clock runs: the dossier is being worked on. */
export const CLOCK_RUNNING: readonly DossierStatus[] = ['RECEIVED', 'PROCESSING'];
/** Statuses in which the clock is stopped, waiting for the applicant. */
export const CLOCK_PAUSED: readonly DossierStatus[] = ['SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'];
export const isOpen = (status: DossierStatus): boolean => OPEN.includes(status);

/** The lifecycle's actions that other services take (intake's acceptance and supplementation, delivery's return): processing learns of them by event. */
export const ACTIONS_ELSEWHERE: readonly LifecycleAction[] = ['ACCEPT', 'SUBMIT_SUPPLEMENT', 'RETURN_RESULT'];

/**
 * A status that another service may already have moved the dossier on from, its event still on
 * the way here: a command refused in it waits for that event before answering CONFLICT.
 */
export const mayBeBehind = (status: DossierStatus): boolean =>
  ACTIONS_ELSEWHERE.some((action) => RULES[action].from.includes(status));
