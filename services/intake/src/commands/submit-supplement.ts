import { localDate } from '@onestop/calendar';
import { publish } from '@onestop/events';
import { actorOf, awaitingEvent, badInput, catchingUp, conflict, notFound, requireCaller } from '@onestop/service-kit';
import { mayBeAskedForSupplement } from '../domain/supplementation';
import type { DocumentInput } from '../domain/documents';
import { Applicant, Dossier, Procedure } from '../persistence';
import { lockDossier, saveTransition } from '../persistence/dossiers';
import type { IntakeContext } from '../deps';
import { authorizeDossier, isUuid } from '../resolvers/access';
import { checkDocuments, checkReuses, discardBlobs, storeBlobs, writeDocuments } from './digitisation';
import { checkDocumentTexts, checkFileNames } from './reception-checks';

/**
 * The applicant supplies what processing asked for (bổ sung hồ sơ, 5 → 4). The clock resumes now
 * with the working time that was left when it stopped; processing applies SupplementSubmitted
 * with the same calendar arithmetic from resumedAt, so both compute the same dueAt.
 */
export async function submitSupplement(
  ctx: IntakeContext,
  dossierId: string,
  documents: DocumentInput[],
): Promise<Dossier> {
  requireCaller(ctx);
  checkDocumentTexts(documents);
  return catchingUp(ctx, () => supplement(ctx, dossierId, documents));
}

/** A supplementation that intake's replica does not know was asked for yet waits for processing's event (catchingUp). */
function notRequested(dossier: Dossier) {
  const refusal = conflict(`No supplementation was requested; the dossier is ${dossier.status}`, {
    status: dossier.status,
  });
  return mayBeAskedForSupplement(dossier.status) ? awaitingEvent(refusal, dossier.id) : refusal;
}

async function supplement(ctx: IntakeContext, dossierId: string, documents: DocumentInput[]): Promise<Dossier> {
  const found = isUuid(dossierId) ? await ctx.db.getRepository(Dossier).findOneBy({ id: dossierId }) : null;
  if (!found) throw notFound('Dossier');
  const applicant = await ctx.db.getRepository(Applicant).findOneByOrFail({ id: found.applicantId });
  const caller = await authorizeDossier(ctx, 'submitSupplement', found, applicant);
  if (found.status !== 'SUPPLEMENT_REQUESTED') throw notRequested(found);
  if (!documents.length) throw badInput('A supplementation brings at least one document');

  const procedure = await ctx.db.getRepository(Procedure).findOneByOrFail({ id: found.procedureId });
  const now = new Date();
  const today = localDate(now);
  const requested = (found.requestedComponentCodes ?? []).filter((code) =>
    procedure.components.some((c) => c.code === code),
  );
  const plan = checkDocuments(ctx, procedure.components, documents, requested, today);
  checkFileNames(documents);
  await checkReuses(ctx, plan, applicant.identityNumber, found.centreId, today);
  const calendar = await ctx.deps.calendar();
  const checked = await storeBlobs(ctx, plan);
  try {
    return await ctx.db.transaction(async (manager) => {
      const dossier = await lockDossier(manager, found.id);
      if (dossier.status !== 'SUPPLEMENT_REQUESTED') throw notRequested(dossier);
      const written = await writeDocuments(manager, checked, {
        dossierId: dossier.id,
        centreId: dossier.centreId,
        owner: applicant.identityNumber,
        caller,
        now,
        supplement: true,
      });
      const dueAt = calendar.resume(now, dossier.remainingWorkingMinutes ?? 0);
      Object.assign(dossier, {
        status: 'PROCESSING',
        nationalStatusCode: 4,
        dueAt,
        statusAt: now,
        remainingWorkingMinutes: null,
        requestedComponentCodes: null,
      });
      await saveTransition(manager, dossier, [
        'status',
        'nationalStatusCode',
        'dueAt',
        'statusAt',
        'remainingWorkingMinutes',
        'requestedComponentCodes',
      ]);
      await publish(
        manager,
        'SupplementSubmitted',
        dossier.id,
        {
          dossierId: dossier.id,
          resumedAt: now.toISOString(),
          recordIds: written.map((w) => w.recordId),
          actor: actorOf(caller),
        },
        { correlationId: ctx.correlationId },
      );
      return dossier;
    });
  } catch (err) {
    await discardBlobs(ctx, checked.newBlobs);
    throw err;
  }
}
