import { badInput, checkLength, conflict, type Caller } from '@onestop/service-kit';
import { completeBranch, completeStep as completeStepOf } from '../domain/dossier-process';
import { requireRoleOfStep } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, holdingCentreOf, record } from './act';

/**
 * The current step (or, at a PARALLEL step, one branch) is done; the next begins. The first
 * step's completion starts processing (2→4). At an inter-agency step the agency completes it,
 * and the slip's line is the agency's, judged against its share of the time.
 */
export function completeStep(
  ctx: ProcessingContext,
  dossierId: string,
  note?: string | null,
  branchCode?: string | null,
) {
  checkLength(note, 'note', 'reason');
  checkLength(branchCode, 'branchCode', 'code');
  return act(
    ctx,
    dossierId,
    (d) => requireRoleOfStep(ctx, 'completeStep', d, d.stepIndex, branchCode),
    async (a, caller) => {
      const d = a.dossier;
      const noteOf = (skipped: string[]) =>
        [note?.trim(), skipped.length ? `skipped (condition not met): ${skipped.join(', ')}` : null]
          .filter(Boolean)
          .join('; ') || null;
      if (d.branches?.length) {
        if (!branchCode) throw badInput(`Step ${d.steps[d.stepIndex].code} has branches: name the branch (branchCode)`);
        const branch = d.branches.find((b) => b.code === branchCode);
        // checked again on the row read in the transaction: the branch may have been done meanwhile
        if (branch && !branch.doneAt && !mayDo(caller, branch.role, branch.assigneeId))
          throw conflict(`Branch ${branchCode} is not yours`);
        const { patch, skipped, outcome } = completeBranch(a.calendar, d, branchCode, a.now);
        return record(a, caller, ctx, 'COMPLETE_STEP', patch, {
          note: [`branch ${branchCode}`, noteOf(skipped)].filter(Boolean).join('; '),
          stepCode: d.steps[d.stepIndex].code,
          stepDueAt: branch?.dueAt ? new Date(branch.dueAt) : null,
          stepOutcome: outcome,
          announce: d.status !== patch.status,
        });
      }
      if (branchCode) throw badInput('The dossier is not at a parallel step with branches');
      if (!mayDo(caller, d.steps[d.stepIndex]?.role, d.assigneeId ?? null))
        throw conflict(`The dossier has moved on to step ${d.steps[d.stepIndex]?.code}`);
      const centreId = holdingCentreOf(d); // the agency's line during its inter-agency step
      const { patch, finished, skipped, outcome } = completeStepOf(a.calendar, d, a.now);
      return record(a, caller, ctx, 'COMPLETE_STEP', patch, {
        note: noteOf(skipped),
        stepCode: finished.code,
        stepDueAt: d.stepDueAt,
        stepOutcome: outcome,
        announce: d.status !== patch.status,
        centreId,
      });
    },
  );
}

/** A step or branch is the caller's: its assignee's (or a LEADER's) when it has one, its role's when not. */
function mayDo(caller: Caller, role: string | undefined, assigneeId: string | null): boolean {
  return assigneeId ? caller.id === assigneeId || caller.role === 'LEADER' : role === caller.role;
}
