/**
 * Who may do what to a dossier in processing: every check of this service in one place. The
 * decisions are cells of the platform's authorization matrix
 * (packages/service-kit/src/authorization-matrix.json); this file says what each operation acts
 * on — the processing centre, or for reception's refusal and withdrawal the receiving centre,
 * and the applicant — and adds the one rule that depends on the dossier's state: a step is done
 * by its role.
 */
import {
  authorizeOn,
  conflict,
  forbidden,
  isAllowed,
  mayRead,
  type Caller,
  type ObjectGuards,
  type OperationName,
} from '@onestop/service-kit';
import type { ProcessingDossier } from '../persistence';
import { atAgency } from '../domain/dossier-process';
import type { ProcessingContext } from '../deps';

type Ctx = Pick<ProcessingContext, 'deps'> & { caller?: Caller };

/** Operations on a dossier at its receiving centre (reception's side); all others act at the processing centre. */
const AT_RECEIVING_CENTRE: OperationName[] = ['withdrawDossier'];

/** Operations that, during an inter-agency step, act at the agency that holds the dossier (liên thông). */
const AT_AGENCY: OperationName[] = ['completeStep', 'assignDossier'];

/** The caller, if the matrix allows `operation` on this dossier; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function authorizeDossier(ctx: Ctx, operation: OperationName, dossier: ProcessingDossier): Promise<Caller> {
  const centreId = AT_RECEIVING_CENTRE.includes(operation)
    ? dossier.receivingCentreId
    : AT_AGENCY.includes(operation) && atAgency(dossier)
      ? dossier.interAgency!.agencyCentreId
      : dossier.processingCentreId;
  return authorizeOn(ctx.deps.centres, ctx.caller, operation, {
    centreIds: [centreId],
    ownerIdentityNumber: dossier.applicantIdentityNumber,
  });
}

/** Reference data (workflow templates): the province's, a root centre's ADMIN. */
export const authorizeCatalogue = (ctx: Ctx, operation: 'defineWorkflow') =>
  authorizeOn(ctx.deps.centres, ctx.caller, operation);

/** A centre-wide view (the inbox). */
export const authorizeCentre = (ctx: Ctx, operation: OperationName, centreId: string) =>
  authorizeOn(ctx.deps.centres, ctx.caller, operation, { centreIds: [centreId] });

/**
 * A step is done by its role at the processing centre. A caller whose role does another step of
 * this dossier's workflow is asking at the wrong moment: CONFLICT (so of several officers who
 * press "done" at once, one advances the dossier and the others learn it has moved on).
 */
export async function requireRoleOfStep(
  ctx: Ctx,
  operation: 'completeStep' | 'decideDossier',
  dossier: ProcessingDossier,
  stepIndex: number,
  branchCode?: string | null,
): Promise<Caller> {
  const caller = await authorizeDossier(ctx, operation, dossier);
  const step = dossier.steps[stepIndex];
  // A branch of a PARALLEL step: its role (its assignee when it has one), or a LEADER.
  const branch =
    operation === 'completeStep' && branchCode
      ? dossier.branches?.find((b) => b.code === branchCode && !b.doneAt)
      : undefined;
  const role = branch?.role ?? step?.role;
  const assigneeId = branch ? branch.assigneeId : stepIndex === dossier.stepIndex ? dossier.assigneeId : null;
  // A step assigned to a named officer is theirs (or a LEADER's, who answers for the department).
  if (operation === 'completeStep' && assigneeId) {
    if (caller.id === assigneeId || caller.role === 'LEADER') return caller;
    if (role === caller.role) throw forbidden(`Step ${step?.code} is assigned to another officer`);
  }
  if (role === caller.role) return caller;
  if (operation === 'completeStep' && !branchCode && dossier.branches?.some((b) => !b.doneAt && b.role === caller.role))
    return caller; // BAD_USER_INPUT follows: name the branch
  if (dossier.steps.some((s) => s.role === caller.role || s.branches?.some((b) => b.role === caller.role))) {
    throw conflict(`The dossier is at step ${step?.code ?? '(none)'} (${role ?? 'nobody'}), not at a step of yours`);
  }
  throw forbidden(`No step of this dossier's workflow is done by ${caller.role}`);
}

/** Reading a printed slip: officers of the processing or receiving centre, or the applicant. */
export function mayReadSlip(ctx: Ctx, dossier: ProcessingDossier): Promise<boolean> {
  return isAllowed(ctx.deps.centres, ctx.caller, 'processingSlips', {
    centreIds: [dossier.processingCentreId, dossier.receivingCentreId],
    ownerIdentityNumber: dossier.applicantIdentityNumber,
  });
}

/**
 * The guard of Dossier (service-kit object-guards.ts), wherever processing hands one out: the
 * matrix's `dossier` cell on its receiving and processing centres and its applicant. A dossier
 * processing has not learnt of yet is only its id, and shows nothing.
 */
export const processingGuards: ObjectGuards<ProcessingContext> = {
  async Dossier(d: Partial<ProcessingDossier>, ctx) {
    if (!d.status) return d;
    // during its inter-agency step the agency that holds it reads it too
    const agency = d.steps && atAgency(d as ProcessingDossier) ? [d.interAgency!.agencyCentreId] : [];
    return (await mayRead(ctx, ctx.deps.centres, {
      centreIds: [d.receivingCentreId, d.processingCentreId, ...agency],
      ownerIdentityNumber: d.applicantIdentityNumber,
    }))
      ? d
      : null;
  },
};

/** Sending back: the current step's role (its assignee when it has one), or a LEADER. */
export async function requireSendBack(ctx: Ctx, dossier: ProcessingDossier): Promise<Caller> {
  const caller = await authorizeDossier(ctx, 'sendBack', dossier);
  if (caller.role === 'LEADER') return caller;
  const step = dossier.steps[dossier.stepIndex];
  if (step?.role === caller.role) {
    if (dossier.assigneeId && dossier.assigneeId !== caller.id)
      throw forbidden(`Step ${step.code} is assigned to another officer`);
    return caller;
  }
  if (dossier.steps.some((s) => s.role === caller.role))
    throw conflict(`The dossier is at step ${step?.code ?? '(none)'}, not at a step of yours`);
  throw forbidden(`No step of this dossier's workflow is done by ${caller.role}`);
}

/** Accepting or returning an inter-agency transfer: at the agency the dossier waits for (the processing centre when it waits for none). */
export function authorizeAgency(
  ctx: Ctx,
  operation: 'acceptInterAgency' | 'returnInterAgency',
  dossier: ProcessingDossier,
): Promise<Caller> {
  const agency = atAgency(dossier) ? dossier.interAgency!.agencyCentreId : dossier.processingCentreId;
  return authorizeOn(ctx.deps.centres, ctx.caller, operation, {
    centreIds: [agency],
    ownerIdentityNumber: dossier.applicantIdentityNumber,
  });
}
