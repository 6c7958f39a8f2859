/**
 * A dossier's past life in another one-stop system (historical import), replayed through the
 * same state machine as live work (lifecycle.ts, dossier-process.ts) with the historical
 * instants: each step completion, supplementation pause and resumption, and the decision becomes
 * the transition live work would have made at that instant. Pure: returns what changed, the
 * control slip's lines and the status changes to announce, in order.
 */
import type { WorkingCalendar } from '@onestop/calendar';
import type { DossierHistoryImportedV1, LifecycleAction } from '@onestop/events';
import { completeStep, decide, restartClock, stopClock, type Patch, type ProcessState } from './dossier-process';
import { isDecisionStep } from './workflow';
import { stepOutcome } from './clock';

export interface ReplayedLine {
  action: string;
  at: Date;
  actorName: string;
  actorRole: string | null;
  note: string | null;
  stepCode: string | null;
  stepDueAt: Date | null;
  stepOutcome: 'EARLY' | 'ON_TIME' | 'LATE' | null;
}

export interface Announcement<S> {
  action: LifecycleAction;
  at: Date;
  /** The dossier as it was right after the change. */
  state: S;
  reason: string | null;
}

export interface Replay<S> {
  state: S;
  patch: Patch & { decision?: 'APPROVED' | 'REJECTED' };
  lines: ReplayedLine[];
  announcements: Array<Announcement<S>>;
  pauses: Array<{ requestedAt: Date; reason: string; resumedAt: Date | null; remainingMinutes: number | null }>;
}

type Item =
  | { kind: 'STEP'; at: Date; step: DossierHistoryImportedV1['steps'][number] }
  | { kind: 'REQUEST'; at: Date; reason: string; index: number }
  | { kind: 'SUPPLY'; at: Date; index: number }
  | { kind: 'DECIDE'; at: Date };

const ORDER = { STEP: 0, REQUEST: 1, SUPPLY: 2, DECIDE: 3 } as const;

/** The history's moments in time order (at equal instants: steps, then a request, a supply, the decision). */
export function timeline(h: Pick<DossierHistoryImportedV1, 'steps' | 'supplements' | 'decision'>): Item[] {
  const items: Item[] = [
    ...h.steps.map((step) => ({ kind: 'STEP' as const, at: new Date(step.completedAt), step })),
    ...h.supplements.flatMap((s, index) => [
      { kind: 'REQUEST' as const, at: new Date(s.requestedAt), reason: s.reason, index },
      ...(s.submittedAt ? [{ kind: 'SUPPLY' as const, at: new Date(s.submittedAt), index }] : []),
    ]),
    ...(h.decision ? [{ kind: 'DECIDE' as const, at: new Date(h.decision.decidedAt) }] : []),
  ];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * Replays the history on a dossier that processing has put at RECEIVED on its first step. A
 * supplementation or a decision on a dossier still at RECEIVED first completes the handover step
 * (2→4) at that instant, and a decision first completes the steps the old system did not list,
 * as live work could not have decided otherwise.
 */
export function replayHistory<S extends ProcessState & { resolvedAt: Date | null }>(
  calendar: WorkingCalendar,
  start: S,
  h: DossierHistoryImportedV1,
): Replay<S> {
  let d = { ...start };
  const patch: Replay<S>['patch'] = {};
  const lines: ReplayedLine[] = [];
  const announcements: Array<Announcement<S>> = [];
  const pauses: Replay<S>['pauses'] = [];
  const apply = (p: Patch) => {
    Object.assign(patch, p);
    d = { ...d, ...p };
  };
  const announce = (action: LifecycleAction, at: Date, reason: string | null = null) =>
    announcements.push({ action, at, state: { ...d }, reason });

  const advance = (
    at: Date,
    actorName: string,
    actorRole: string | null,
    stepCode: string | null,
    note: string | null,
  ) => {
    const before = d.status;
    const { patch: p, finished, outcome } = completeStep(calendar, d, at);
    const stepDue = d.stepDueAt;
    apply(p);
    lines.push({
      action: 'COMPLETE_STEP',
      at,
      actorName,
      actorRole,
      note,
      stepCode: stepCode ?? finished.code,
      stepDueAt: stepDue,
      stepOutcome: outcome,
    });
    if (d.status !== before) announce('COMPLETE_STEP', at);
  };
  const ensureProcessing = (at: Date) => {
    if (d.status === 'RECEIVED') advance(at, 'system', null, null, 'imported: handover implied by the history');
  };

  for (const item of timeline(h)) {
    if (item.kind === 'STEP') {
      const { step } = item;
      const running = d.status === 'RECEIVED' || d.status === 'PROCESSING';
      if (running && !isDecisionStep(d.steps, d.stepIndex))
        advance(item.at, step.actor, step.role, step.code, 'imported');
      else
        lines.push({
          action: 'COMPLETE_STEP',
          at: item.at,
          actorName: step.actor,
          actorRole: step.role,
          note: 'imported',
          stepCode: step.code,
          stepDueAt: null,
          stepOutcome: null,
        });
    } else if (item.kind === 'REQUEST') {
      ensureProcessing(item.at);
      const p = stopClock(calendar, d, item.at, 'REQUEST_SUPPLEMENT');
      apply(p);
      pauses.push({
        requestedAt: item.at,
        reason: item.reason,
        resumedAt: null,
        remainingMinutes: p.pausedRemainingMinutes ?? null,
      });
      lines.push({
        action: 'REQUEST_SUPPLEMENT',
        at: item.at,
        actorName: 'system',
        actorRole: null,
        note: `imported: ${item.reason}`,
        stepCode: null,
        stepDueAt: null,
        stepOutcome: null,
      });
      announce('REQUEST_SUPPLEMENT', item.at, item.reason);
    } else if (item.kind === 'SUPPLY') {
      apply(restartClock(calendar, d, item.at, 'SUBMIT_SUPPLEMENT'));
      pauses[pauses.length - 1].resumedAt = item.at;
      lines.push({
        action: 'SUBMIT_SUPPLEMENT',
        at: item.at,
        actorName: 'system',
        actorRole: null,
        note: 'imported',
        stepCode: null,
        stepDueAt: null,
        stepOutcome: null,
      });
      announce('SUBMIT_SUPPLEMENT', item.at);
    } else {
      const decision = h.decision!;
      ensureProcessing(item.at);
      while (!isDecisionStep(d.steps, d.stepIndex))
        advance(item.at, 'system', null, null, 'imported: step implied by the decision');
      const step = d.steps[d.stepIndex];
      const stepDue = d.stepDueAt;
      apply({ ...decide(d, item.at), decision: decision.decision } as Patch);
      lines.push({
        action: 'DECIDE',
        at: item.at,
        actorName: decision.actor ?? 'system',
        actorRole: step.role,
        note: `imported: ${decision.decision}${decision.reason ? `: ${decision.reason}` : ''}`,
        stepCode: step.code,
        stepDueAt: stepDue,
        stepOutcome: stepDue ? stepOutcome(item.at, stepDue) : null,
      });
      announce('DECIDE', item.at, decision.reason);
    }
  }
  return { state: d as S, patch, lines, announcements, pauses };
}
