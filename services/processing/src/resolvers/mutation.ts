import { confirmFinancialObligation, requestFinancialObligation, requestSupplement } from '../commands/clock-stops';
import { stopDossier, withdrawDossier } from '../commands/close-dossier';
import { completeStep } from '../commands/complete-step';
import { decideDossier, type DecisionInput } from '../commands/decide-dossier';
import { defineWorkflow, type DefineWorkflowInput } from '../commands/define-workflow';
import { issueApology } from '../commands/issue-apology';
import { transferDossier } from '../commands/transfer-dossier';
import type { ProcessingContext } from '../deps';
import { contractError } from '@onestop/service-kit';

/** Issue #20's operations whose commands are not built yet: a clear answer rather than a silent null. */
const notYet = (name: string) => () => {
  throw contractError('CONFLICT', `${name} is not available yet (issue #20 in progress)`);
};

type Id = { dossierId: string };

/** Processing's mutations: each a translation to its command (commands/). */
export const Mutation = {
  defineWorkflow: (_: unknown, { input }: { input: DefineWorkflowInput }, ctx: ProcessingContext) => defineWorkflow(ctx, input),
  withdrawDossier: (_: unknown, a: Id & { reason: string }, ctx: ProcessingContext) => withdrawDossier(ctx, a.dossierId, a.reason),
  completeStep: (_: unknown, a: Id & { note?: string | null }, ctx: ProcessingContext) => completeStep(ctx, a.dossierId, a.note),
  requestSupplement: (_: unknown, a: Id & { reason: string; componentCodes: string[] }, ctx: ProcessingContext) =>
    requestSupplement(ctx, a.dossierId, a.reason, a.componentCodes),
  requestFinancialObligation: (_: unknown, a: Id & { reason: string; amountVnd: number }, ctx: ProcessingContext) =>
    requestFinancialObligation(ctx, a.dossierId, a.reason, a.amountVnd),
  confirmFinancialObligation: (_: unknown, a: Id & { note?: string | null }, ctx: ProcessingContext) => confirmFinancialObligation(ctx, a.dossierId, a.note),
  stopDossier: (_: unknown, a: Id & { reason: string }, ctx: ProcessingContext) => stopDossier(ctx, a.dossierId, a.reason),
  transferDossier: (_: unknown, a: Id & { toCentreId: string; reason: string }, ctx: ProcessingContext) =>
    transferDossier(ctx, a.dossierId, a.toCentreId, a.reason),
  decideDossier: (_: unknown, { input }: { input: DecisionInput }, ctx: ProcessingContext) => decideDossier(ctx, input),
  assignDossier: notYet('assignDossier'),
  sendBack: notYet('sendBack'),
  acceptInterAgency: notYet('acceptInterAgency'),
  returnInterAgency: notYet('returnInterAgency'),
  issueApology: (_: unknown, a: Id & { reason: string; newDueAt: Date }, ctx: ProcessingContext) => issueApology(ctx, a.dossierId, a.reason, a.newDueAt),
};
