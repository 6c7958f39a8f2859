import { checkLength, conflict } from '@onestop/service-kit';
import { completeStep as completeStepOf } from '../domain/dossier-process';
import { requireRoleOfStep } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record } from './act';

/** The current step is done; the next begins. The first step's completion starts processing (2→4). */
export function completeStep(ctx: ProcessingContext, dossierId: string, note?: string | null) {
  checkLength(note, 'note', 'reason');
  return act(ctx, dossierId, (d) => requireRoleOfStep(ctx, 'completeStep', d, d.stepIndex), async (a, caller) => {
    const d = a.dossier;
    // The role is checked again on the row read in the transaction: the step may have moved on.
    if (d.steps[d.stepIndex]?.role !== caller.role) throw conflict(`The dossier has moved on to step ${d.steps[d.stepIndex]?.code}`);
    const { patch, finished, outcome } = completeStepOf(a.calendar, d, a.now);
    return record(a, caller, ctx, 'COMPLETE_STEP', patch, {
      note: note?.trim() || null, stepCode: finished.code, stepDueAt: d.stepDueAt, stepOutcome: outcome, announce: d.status !== patch.status,
    });
  });
}
