import { badInput, conflict, isUniqueViolation, notFound, requireCaller } from '@onestop/service-kit';
import { canRate, canRateAtCounter, type SatisfactionLevel } from '../domain/delivery-state';
import { serviceRated } from '../events/service-rated';
import type { SatisfactionRating } from '../persistence';
import type { DeliveryContext } from '../deps';
import { can } from '../resolvers/access';
import { isUuid } from './checks';

export interface SatisfactionInput {
  overall: SatisfactionLevel;
  comment?: string | null;
}

/** The applicant rates the service online, once the result was returned. */
export const rateService = (ctx: DeliveryContext, dossierId: string, rating: SatisfactionInput) =>
  rate(ctx, dossierId, rating, 'rateService');

/** The returns desk takes the applicant's rating for a result handed over there; recorded as taken at the counter, and by whom. */
export const rateAtCounter = (ctx: DeliveryContext, dossierId: string, rating: SatisfactionInput) =>
  rate(ctx, dossierId, rating, 'rateAtCounter');

/** One rating per dossier, whoever records it: the applicant online, or an officer at the counter. */
async function rate(
  ctx: DeliveryContext,
  dossierId: string,
  input: SatisfactionInput,
  operation: 'rateService' | 'rateAtCounter',
): Promise<SatisfactionRating> {
  requireCaller(ctx);
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 2000) throw badInput('A comment has at most 2000 characters');
  if (!isUuid(dossierId)) throw notFound('Dossier');
  const atCounter = operation === 'rateAtCounter';
  try {
    return await ctx.deps.stores.transaction(async (stores) => {
      const delivery = await stores.deliveries.lock({ dossierId });
      if (!delivery) throw notFound('Dossier');
      const caller = await can.rate(ctx, stores.centres, delivery, operation);
      const check = atCounter ? canRateAtCounter(delivery) : canRate(delivery);
      if (check.refused) throw conflict(check.reason);
      if (await stores.ratings.exists(delivery.dossierId)) throw conflict('This dossier was already rated');
      const rating = await stores.ratings.insert({
        dossierId: delivery.dossierId,
        overall: input.overall,
        comment,
        ratedAt: new Date(),
        takenAtCounter: atCounter,
        recordedById: atCounter ? caller.id : null,
        recordedByName: atCounter ? caller.name : null,
      });
      await stores.outbox.publish('ServiceRated', delivery.dossierId, serviceRated(rating), {
        correlationId: ctx.correlationId,
      });
      return rating;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('This dossier was already rated');
    throw err;
  }
}
