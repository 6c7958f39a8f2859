import { actorOf, badInput, checkLength, notFound } from '@onestop/service-kit';
import { assign } from '../domain/dossier-process';
import { dossierAssigned } from '../events/dossier-assigned';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, holdingCentreOf, record, required } from './act';

/**
 * Phân công: a LEADER (or ADMIN) of the processing centre gives the current step to a named
 * officer of the step's role at that centre; assigning again reassigns. The status does not change.
 */
export function assignDossier(
  ctx: ProcessingContext,
  dossierId: string,
  officerIdGiven: string,
  branchCode?: string | null,
  note?: string | null,
) {
  const officerId = required(officerIdGiven, 'officerId', 'code');
  checkLength(note, 'note', 'reason');
  checkLength(branchCode, 'branchCode', 'code');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'assignDossier', d),
    async (a, caller) => {
      const d = a.dossier;
      let patch = assign(d, officerId);
      const step = d.steps[d.stepIndex];
      const branch = branchCode ? d.branches?.find((b) => b.code === branchCode && !b.doneAt) : undefined;
      if (branchCode && !branch) throw badInput(`The dossier has no branch ${branchCode} in progress`);
      if (!branchCode && d.branches?.length)
        throw badInput(`Step ${step.code} has branches: name the branch (branchCode)`);
      const officer = await a.stores.officers.byId(officerId);
      if (!officer) throw notFound('Officer');
      const role = branch?.role ?? step.role;
      const centreId = holdingCentreOf(d); // the agency during its inter-agency step
      if (officer.role !== role || officer.centreId !== centreId) {
        throw badInput(
          `${branch ? `Branch ${branch.code}` : `Step ${step.code}`} is done by a ${role} of the centre that holds it; ${officer.name} is a ${officer.role} elsewhere or of another role`,
        );
      }
      const previousOfficerId = branch ? branch.assigneeId : (d.assigneeId ?? null);
      if (branch)
        patch = { branches: d.branches!.map((b) => (b.code === branch.code ? { ...b, assigneeId: officer.id } : b)) };
      const updated = await record(a, caller, ctx, 'ASSIGN', patch, {
        note: `${step.code}${branch ? `/${branch.code}` : ''} → ${officer.name}${note?.trim() ? `: ${note.trim()}` : ''}`,
        stepCode: step.code,
        announce: false,
        centreId,
      });
      await a.stores.outbox.publish(
        'DossierAssigned',
        d.id,
        dossierAssigned(updated, {
          stepCode: step.code,
          branchCode: branch?.code ?? null,
          officer,
          previousOfficerId,
          at: a.now,
          actor: actorOf(caller),
        }),
        { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
      );
      return updated;
    },
  );
}
