import { randomUUID } from 'node:crypto';
import { localDate } from '@onestop/calendar';
import { publish } from '@onestop/events';
import {
  actorOf,
  authorizeOn,
  badInput,
  checkLength,
  isUniqueViolation,
  notFound,
  requireCaller,
} from '@onestop/service-kit';
import { formatDossierCode } from '../domain/dossier-code';
import { Centre, Dossier, Procedure } from '../persistence';
import { upsertApplicant } from '../persistence/applicants';
import { nextSequence } from '../persistence/dossiers';
import { dossierSubmitted } from '../events/dossier-submitted';
import type { IntakeContext } from '../deps';
import { isUuid } from '../resolvers/access';
import { validApplicant, type ApplicantInput } from './applicant-input';
import { checkedIdempotencyKey, retryOf } from './reception-checks';

export interface RefuseAtCounterInput {
  procedureCode: string;
  centreId: string;
  applicant: ApplicantInput;
  reason: string;
  idempotencyKey?: string | null;
}

/**
 * Từ chối tiếp nhận at the counter: a walk-in whose papers cannot be received. The dossier is
 * recorded (code of the day, national code 3) so that it is counted like a refused online one; the
 * DossierSubmitted event carries the refusal, and processing writes it as refuseDossier would,
 * which gives it the same refusal slip (/processing/dossiers/{id}/refusal-slip).
 */
export async function refuseAtCounter(ctx: IntakeContext, input: RefuseAtCounterInput): Promise<Dossier> {
  requireCaller(ctx);
  checkLength(input.procedureCode, 'procedureCode', 'code');
  checkLength(input.reason, 'reason', 'reason');
  const reason = input.reason?.trim();
  if (!reason) throw badInput('reason is required');
  const applicantInput = validApplicant(input.applicant);
  const centre = isUuid(input.centreId) ? await ctx.db.getRepository(Centre).findOneBy({ id: input.centreId }) : null;
  if (!centre) throw notFound('Centre');
  const caller = await authorizeOn(ctx.deps.centres, ctx.caller, 'refuseAtCounter', {
    centreIds: [centre.id],
    ownerIdentityNumber: applicantInput.kind === 'CITIZEN' ? applicantInput.identityNumber : '',
  });
  const idempotencyKey = checkedIdempotencyKey(input.idempotencyKey);
  const retried = await retryOf(ctx, caller, idempotencyKey);
  if (retried) return retried;
  const procedure = await ctx.db.getRepository(Procedure).findOneBy({ code: input.procedureCode, current: true });
  if (!procedure) throw notFound(`Procedure ${input.procedureCode}`);

  const now = new Date();
  const today = localDate(now);
  try {
    return await ctx.db.transaction(async (manager) => {
      const applicant = await upsertApplicant(manager, applicantInput);
      const dossierId = randomUUID();
      const code = formatDossierCode(centre.code, today, await nextSequence(manager, centre.id, today));
      const dossier = manager.create(Dossier, {
        id: dossierId,
        code,
        procedureId: procedure.id,
        centreId: centre.id,
        applicantId: applicant.id,
        channel: 'COUNTER',
        submittedAt: now,
        receivedAt: null,
        receptionDay: null,
        status: 'NOT_ACCEPTED',
        nationalStatusCode: 3,
        dueAt: null,
        statusAt: now,
        processingCentreId: null,
        remainingWorkingMinutes: null,
        requestedComponentCodes: null,
        deliveryMethod: 'COUNTER',
        deliveryAddress: null,
        idempotencyKey,
      });
      await manager.insert(Dossier, dossier);
      await publish(
        manager,
        'DossierSubmitted',
        dossier.id,
        dossierSubmitted(dossier, procedure, centre, applicant, actorOf(caller), {
          components: [],
          refusal: { reason, at: now.toISOString() },
        }),
        { correlationId: ctx.correlationId },
      );
      return dossier;
    });
  } catch (err) {
    const retried = isUniqueViolation(err) ? await retryOf(ctx, caller, idempotencyKey) : null;
    if (retried) return retried;
    throw err;
  }
}
