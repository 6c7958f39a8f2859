import { acceptDossier, refuseDossier } from '../commands/decide-online-dossier';
import { refuseAtCounter, type RefuseAtCounterInput } from '../commands/refuse-at-counter';
import { submitDossier, type SubmitDossierInput } from '../commands/submit-dossier';
import { submitSupplement } from '../commands/submit-supplement';
import type { DocumentInput } from '../domain/documents';
import type { IntakeContext } from '../deps';

/** Reception's mutations: each a translation to its command (commands/). */
export const receptionMutations = {
  submitDossier: (_: unknown, { input }: { input: SubmitDossierInput }, ctx: IntakeContext) =>
    submitDossier(ctx, input),
  refuseAtCounter: (_: unknown, { input }: { input: RefuseAtCounterInput }, ctx: IntakeContext) =>
    refuseAtCounter(ctx, input),
  acceptDossier: (_: unknown, { dossierId }: { dossierId: string }, ctx: IntakeContext) =>
    acceptDossier(ctx, dossierId),
  refuseDossier: (_: unknown, { dossierId, reason }: { dossierId: string; reason: string }, ctx: IntakeContext) =>
    refuseDossier(ctx, dossierId, reason),
  submitSupplement: (
    _: unknown,
    { dossierId, documents }: { dossierId: string; documents: DocumentInput[] },
    ctx: IntakeContext,
  ) => submitSupplement(ctx, dossierId, documents),
};
