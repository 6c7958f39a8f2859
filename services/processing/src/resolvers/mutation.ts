import { confirmFinancialObligation, requestFinancialObligation, requestSupplement } from '../commands/clock-stops';
import { stopDossier, withdrawDossier } from '../commands/close-dossier';
import { assignDossier } from '../commands/assign-dossier';
import { completeStep } from '../commands/complete-step';
import { sendBack } from '../commands/send-back';
import { decideDossier, type DecisionInput } from '../commands/decide-dossier';
import { defineWorkflow, type DefineWorkflowInput } from '../commands/define-workflow';
import { issueApology } from '../commands/issue-apology';
import { transferDossier } from '../commands/transfer-dossier';
import type { ProcessingContext } from '../deps';
import { acceptInterAgency, returnInterAgency } from '../commands/inter-agency';

type Id = { dossierId: string };

/** Processing's mutations: each a translation to its command (commands/). */
export const Mutation = {
  defineWorkflow: (_: unknown, { input }: { input: DefineWorkflowInput }, ctx: ProcessingContext) =>
    defineWorkflow(ctx, input),
  withdrawDossier: (_: unknown, a: Id & { reason: string }, ctx: ProcessingContext) =>
    withdrawDossier(ctx, a.dossierId, a.reason),
  completeStep: (_: unknown, a: Id & { note?: string | null; branchCode?: string | null }, ctx: ProcessingContext) =>
    completeStep(ctx, a.dossierId, a.note, a.branchCode),
  requestSupplement: (_: unknown, a: Id & { reason: string; componentCodes: string[] }, ctx: ProcessingContext) =>
    requestSupplement(ctx, a.dossierId, a.reason, a.componentCodes),
  requestFinancialObligation: (_: unknown, a: Id & { reason: string; amountVnd: number }, ctx: ProcessingContext) =>
    requestFinancialObligation(ctx, a.dossierId, a.reason, a.amountVnd),
  confirmFinancialObligation: (_: unknown, a: Id & { note?: string | null }, ctx: ProcessingContext) =>
    confirmFinancialObligation(ctx, a.dossierId, a.note),
  stopDossier: (_: unknown, a: Id & { reason: string }, ctx: ProcessingContext) =>
    stopDossier(ctx, a.dossierId, a.reason),
  transferDossier: (_: unknown, a: Id & { toCentreId: string; reason: string }, ctx: ProcessingContext) =>
    transferDossier(ctx, a.dossierId, a.toCentreId, a.reason),
  decideDossier: (_: unknown, { input }: { input: DecisionInput }, ctx: ProcessingContext) => decideDossier(ctx, input),
  assignDossier: (
    _: unknown,
    a: Id & { officerId: string; branchCode?: string | null; note?: string | null },
    ctx: ProcessingContext,
  ) => assignDossier(ctx, a.dossierId, a.officerId, a.branchCode, a.note),
  sendBack: (_: unknown, a: Id & { toStepCode: string; reason: string }, ctx: ProcessingContext) =>
    sendBack(ctx, a.dossierId, a.toStepCode, a.reason),
  acceptInterAgency: (_: unknown, a: Id & { note?: string | null }, ctx: ProcessingContext) =>
    acceptInterAgency(ctx, a.dossierId, a.note),
  returnInterAgency: (_: unknown, a: Id & { reason: string }, ctx: ProcessingContext) =>
    returnInterAgency(ctx, a.dossierId, a.reason),
  issueApology: (_: unknown, a: Id & { reason: string; newDueAt: Date }, ctx: ProcessingContext) =>
    issueApology(ctx, a.dossierId, a.reason, a.newDueAt),
};
