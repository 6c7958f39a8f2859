import { badInput, checkLength, conflict } from '@onestop/service-kit';
import { completeStep as completeStepOf } from '../domain/dossier-process';
import { requireRoleOfStep } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record } from './act';

/** The current step is done; the next begins. The first step's completion starts processing (2→4). */
export function completeStep(ctx: ProcessingContext, dossierId: string, note?: string | null, branchCode?: string | null) {
  checkLength(note, 'note', 'reason');
  if (branchCode) throw badInput('The dossier is not at a parallel step with branches');
  return act(ctx, dossierId, (d) => requireRoleOfStep(ctx, 'completeStep', d, d.stepIndex), async (a, caller) => {
    const d = a.dossier;
    // The role is checked again on the row read in the transaction: the step may have moved on.
    const mine = d.assigneeId ? caller.id === d.assigneeId || caller.role === 'LEADER' : d.steps[d.stepIndex]?.role === caller.role;
    if (!mine) throw conflict(`The dossier has moved on to step ${d.steps[d.stepIndex]?.code}`);
    const { patch, finished, skipped, outcome } = completeStepOf(a.calendar, d, a.now);
    const skippedNote = skipped.length ? `skipped (condition not met): ${skipped.join(', ')}` : null;
    return record(a, caller, ctx, 'COMPLETE_STEP', patch, {
      note: [note?.trim(), skippedNote].filter(Boolean).join('; ') || null, stepCode: finished.code, stepDueAt: d.stepDueAt, stepOutcome: outcome, announce: d.status !== patch.status,
    });
  });
}
