import { actorOf, badInput, checkLength, notFound } from '@onestop/service-kit';
import { assign } from '../domain/dossier-process';
import { dossierAssigned } from '../events/dossier-assigned';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/**
 * Phân công: a LEADER (or ADMIN) of the processing centre gives the current step to a named
 * officer of the step's role at that centre; assigning again reassigns. The status does not change.
 */
export function assignDossier(ctx: ProcessingContext, dossierId: string, officerIdGiven: string, branchCode?: string | null, note?: string | null) {
  const officerId = required(officerIdGiven, 'officerId', 'code');
  checkLength(note, 'note', 'reason');
  if (branchCode) throw badInput('The dossier is not at a parallel step with branches'); // branches: see assignBranch below
  return act(ctx, dossierId, (d) => authorizeDossier(ctx, 'assignDossier', d), async (a, caller) => {
    const d = a.dossier;
    const patch = assign(d, officerId);
    const officer = await a.stores.officers.byId(officerId);
    if (!officer) throw notFound('Officer');
    const step = d.steps[d.stepIndex];
    if (officer.role !== step.role || officer.centreId !== d.processingCentreId) {
      throw badInput(`Step ${step.code} is done by a ${step.role} of the processing centre; ${officer.name} is a ${officer.role} elsewhere or of another role`);
    }
    const previousOfficerId = d.assigneeId ?? null;
    const updated = await record(a, caller, ctx, 'ASSIGN', patch, {
      note: `${step.code} → ${officer.name}${note?.trim() ? `: ${note.trim()}` : ''}`, stepCode: step.code, announce: false,
    });
    await a.stores.outbox.publish('DossierAssigned', d.id,
      dossierAssigned(updated, { stepCode: step.code, branchCode: null, officer, previousOfficerId, at: a.now, actor: actorOf(caller) }),
      { correlationId: ctx.correlationId ?? null, occurredAt: a.now });
    return updated;
  });
}
