import { randomUUID } from 'node:crypto';
import { localDate } from '@onestop/calendar';
import { publish } from '@onestop/events';
import {
  actorOf,
  badInput,
  checkLength,
  forbidden,
  isUniqueViolation,
  notFound,
  requireCaller,
} from '@onestop/service-kit';
import { formatDossierCode } from '../domain/dossier-code';
import type { DocumentInput } from '../domain/documents';
import { Centre, Dossier, Procedure } from '../persistence';
import { upsertApplicant } from '../persistence/applicants';
import { nextSequence } from '../persistence/dossiers';
import { dossierSubmitted } from '../events/dossier-submitted';
import type { IntakeContext } from '../deps';
import { authorizeReception, isUuid } from '../resolvers/access';
import { validApplicant, type ApplicantInput } from './applicant-input';
import { checkDocuments, checkReuses, discardBlobs, storeBlobs, writeDocuments } from './digitisation';
import { checkDocumentTexts, checkedIdempotencyKey, checkFileNames, retryOf } from './reception-checks';

export interface SubmitDossierInput {
  procedureCode: string;
  centreId: string;
  channel: Dossier['channel'];
  applicant: ApplicantInput;
  documents?: DocumentInput[] | null;
  delivery?: { method: Dossier['deliveryMethod']; address?: string | null } | null;
  idempotencyKey?: string | null;
}

/**
 * Reception (tiếp nhận hồ sơ). Order matters: every check first (nothing written on bad input),
 * then the blobs, then one transaction for the rows and the event; the per-centre, per-day
 * sequence row is locked last so that concurrent receptions queue only for the final writes.
 */
export async function submitDossier(ctx: IntakeContext, input: SubmitDossierInput): Promise<Dossier> {
  requireCaller(ctx);
  checkLength(input.procedureCode, 'procedureCode', 'code');
  checkLength(input.delivery?.address, 'delivery.address', 'address');
  checkDocumentTexts(input.documents ?? []);
  const applicantInput = validApplicant(input.applicant);
  const centre = isUuid(input.centreId) ? await ctx.db.getRepository(Centre).findOneBy({ id: input.centreId }) : null;
  if (!centre) throw notFound('Centre');
  const caller = await authorizeReception(
    ctx,
    centre.id,
    applicantInput.kind === 'CITIZEN' ? applicantInput.identityNumber : '',
  );
  if (caller.role === 'CITIZEN' && input.channel !== 'ONLINE')
    throw forbidden('Citizens submit online; at a counter or by post an officer receives the dossier');
  const idempotencyKey = checkedIdempotencyKey(input.idempotencyKey);
  const retried = await retryOf(ctx, caller, idempotencyKey);
  if (retried) return retried;

  const procedure = await ctx.db.getRepository(Procedure).findOneBy({ code: input.procedureCode, current: true });
  if (!procedure) throw notFound(`Procedure ${input.procedureCode}`);
  if (!procedure.levels.includes(centre.level))
    throw badInput(`${procedure.name} is not handled at ${centre.level} level`);
  const delivery = { method: input.delivery?.method ?? 'COUNTER', address: input.delivery?.address?.trim() || null };
  if (delivery.method === 'POST' && !delivery.address) throw badInput('Delivery by post needs an address');

  const now = new Date();
  const today = localDate(now);
  const plan = checkDocuments(
    ctx,
    procedure.components,
    input.documents ?? [],
    procedure.components.filter((c) => c.required).map((c) => c.code),
    today,
  );
  checkFileNames(input.documents ?? []);
  await checkReuses(ctx, plan, applicantInput.identityNumber, centre.id, today);
  const calendar = await ctx.deps.calendar();
  const checked = await storeBlobs(ctx, plan);

  try {
    return await ctx.db.transaction(async (manager) => {
      const applicant = await upsertApplicant(manager, applicantInput);
      const received = input.channel !== 'ONLINE';
      // An online dossier gets its code when submitted; reception day and due date wait for acceptance.
      const receptionDay = received ? calendar.receptionDay(now) : null;
      const dueAt = received ? calendar.dueAt(now, { amount: procedure.timeAmount, unit: procedure.timeUnit }) : null;
      const dossierId = randomUUID();
      const components = await writeDocuments(manager, checked, {
        dossierId,
        centreId: centre.id,
        owner: applicant.identityNumber,
        caller,
        now,
        supplement: false,
      });
      // Last: the sequence row lock is held until commit, so only these few statements queue.
      const codeDay = receptionDay ?? today;
      const code = formatDossierCode(centre.code, codeDay, await nextSequence(manager, centre.id, codeDay));
      const dossier = manager.create(Dossier, {
        id: dossierId,
        code,
        procedureId: procedure.id,
        centreId: centre.id,
        applicantId: applicant.id,
        channel: input.channel,
        submittedAt: now,
        receivedAt: received ? now : null,
        receptionDay,
        status: received ? 'RECEIVED' : 'NEW',
        nationalStatusCode: received ? 2 : 1,
        dueAt,
        statusAt: now,
        processingCentreId: null,
        remainingWorkingMinutes: null,
        requestedComponentCodes: null,
        deliveryMethod: delivery.method,
        deliveryAddress: delivery.address,
        idempotencyKey,
      });
      await manager.insert(Dossier, dossier);
      await publish(
        manager,
        'DossierSubmitted',
        dossier.id,
        dossierSubmitted(dossier, procedure, centre, applicant, actorOf(caller), { components }),
        { correlationId: ctx.correlationId },
      );
      return dossier;
    });
  } catch (err) {
    await discardBlobs(ctx, checked.newBlobs);
    // A concurrent retry with the same key committed first: answer with its dossier.
    const retried = isUniqueViolation(err) ? await retryOf(ctx, caller, idempotencyKey) : null;
    if (retried) return retried;
    throw err;
  }
}
