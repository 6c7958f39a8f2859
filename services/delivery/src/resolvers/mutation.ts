import { publish } from '@onestop/events';
import { awaitingEvent, badInput, catchingUp, checkLength, conflict, isUniqueViolation, notFound, requireCaller } from '@onestop/service-kit';
import { returnResult } from '../return-result';
import type { EntityManager } from 'typeorm';
import { applyPostalEvent, awaitsDecision, canConfirmPickup, canRate, canRateAtCounter, type PostalEventStatus, type SatisfactionLevel } from '../domain/delivery-state';
import { Delivery, Notification, PostalEvent, requeueNotification, SatisfactionRating } from '../persistence';
import type { DeliveryContext } from '../deps';
import { can } from './access';
import { serviceOf, type EventSubscriber } from '../domain/dead-letters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PostalEventInput {
  status: PostalEventStatus;
  at?: Date | null;
  note?: string | null;
}

interface SatisfactionInput {
  overall: SatisfactionLevel;
  comment?: string | null;
}

export const Mutation = {
  replayFailedEvents,
  /**
   * Answers with the status it has just caused (RETURNED, 10) from delivery's own knowledge
   * (federation @provides): processing, the owner, applies the ResultReturned event moments later.
   * A dossier whose reception or decision is still on its way here waits for it (catchingUp).
   */
  async confirmPickup(_: unknown, { dossierId, collector }: { dossierId: string; collector?: { fullName: string; identityNumber: string } | null }, ctx: DeliveryContext) {
    requireCaller(ctx);
    if (!UUID.test(dossierId)) throw notFound('Dossier');
    if (collector) {
      if (!collector.fullName.trim() || !collector.identityNumber.trim()) throw badInput('The collector needs a name and an identity number');
      checkLength(collector.fullName, 'collector.fullName', 'name');
      checkLength(collector.identityNumber, 'collector.identityNumber', 'code');
    }
    return catchingUp(ctx, () => ctx.db.transaction(async (manager) => {
      const delivery = await lockDelivery(manager, { dossierId });
      if (!delivery) throw awaitingEvent(notFound('Dossier'), dossierId);
      const caller = await can.confirmPickup(ctx, manager, delivery);
      const check = canConfirmPickup(delivery);
      if (check.refused) throw awaitsDecision(delivery) ? awaitingEvent(conflict(check.reason), dossierId) : conflict(check.reason);
      if (collector) {
        await manager.update(Delivery, { dossierId }, { collectorName: collector.fullName.trim(), collectorIdentityNumber: collector.identityNumber.trim() });
      }
      await returnResult(manager, ctx.deps.notifier, delivery, { status: 'PICKED_UP', method: 'COUNTER', at: new Date(), caller, correlationId: ctx.correlationId });
      return { id: dossierId, status: 'RETURNED', nationalStatusCode: 10 };
    }));
  },

  async recordPostalEvent(_: unknown, args: { trackingNumber: string; event: PostalEventInput }, ctx: DeliveryContext) {
    await can.operate(ctx, 'recordPostalEvent');
    const { trackingNumber, event } = args;
    checkLength(trackingNumber, 'trackingNumber', 'code');
    if (event.note && event.note.length > 1000) throw badInput('A note has at most 1000 characters');
    const at = event.at ?? new Date();
    return ctx.db.transaction(async (manager) => {
      const delivery = await lockDelivery(manager, { trackingNumber });
      if (!delivery) throw notFound('Parcel');
      let outcome = applyPostalEvent(delivery.status, event.status);
      if ('refused' in outcome && (await lastPostalStatus(manager, delivery.dossierId)) === event.status) outcome = { kind: 'keep' };
      if ('refused' in outcome) throw conflict(outcome.reason);
      await manager.insert(PostalEvent, { dossierId: delivery.dossierId, trackingNumber, status: event.status, at, note: event.note ?? null });
      if (outcome.kind === 'keep') return delivery;
      if (outcome.returned) {
        await returnResult(manager, ctx.deps.notifier, delivery, { status: 'DELIVERED', method: 'POST', at, caller: ctx.caller ?? null, correlationId: ctx.correlationId });
      } else if (outcome.fallback) {
        Object.assign(delivery, { status: outcome.status, counterFallback: true });
        await manager.update(Delivery, { dossierId: delivery.dossierId }, { status: outcome.status, counterFallback: true });
        await ctx.deps.notifier.notify(manager, delivery, 'PARCEL_RETURNED');
      } else {
        delivery.status = outcome.status;
        await manager.update(Delivery, { dossierId: delivery.dossierId }, { status: outcome.status });
      }
      return delivery;
    });
  },

  /** The applicant rates the service online, once the result was returned. */
  rateService(_: unknown, args: { dossierId: string; rating: SatisfactionInput }, ctx: DeliveryContext) {
    return rate(ctx, args, 'rateService');
  },

  /** The returns desk takes the applicant's rating for a result handed over there; recorded as taken at the counter, and by whom. */
  rateAtCounter(_: unknown, args: { dossierId: string; rating: SatisfactionInput }, ctx: DeliveryContext) {
    return rate(ctx, args, 'rateAtCounter');
  },

  async resendNotification(_: unknown, { id }: { id: string }, ctx: DeliveryContext) {
    await can.operate(ctx, 'resendNotification');
    if (!UUID.test(id)) throw notFound('Notification');
    return ctx.db.transaction(async (manager) => {
      const n = await manager.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!n) throw notFound('Notification');
      // NOT_SENT: there was no transport for its channel; once one is configured, the operator sends it after all.
      if (n.status !== 'FAILED' && n.status !== 'NOT_SENT') throw conflict(`The notification is ${n.status}; only a FAILED or NOT_SENT one is resent`);
      n.status = 'QUEUED';
      await requeueNotification(manager, id);
      await ctx.deps.notifier.requeue(id);
      const { dossierCode } = await manager.findOneByOrFail(Delivery, { dossierId: n.dossierId });
      return Object.assign(n, { dossierCode });
    });
  },
};

/** As `npm run events -- replay`: the consumer applies a replayed event once (its id is recorded with its effect). */
export async function replayFailedEvents(_: unknown, { service, eventIds }: { service: EventSubscriber; eventIds?: string[] | null }, ctx: DeliveryContext): Promise<number> {
  await can.operate(ctx, 'replayFailedEvents');
  return ctx.deps.events.replay(serviceOf(service), eventIds?.length ? eventIds : undefined);
}

function lockDelivery(manager: EntityManager, where: { dossierId: string } | { trackingNumber: string }) {
  return manager.findOne(Delivery, { where, lock: { mode: 'pessimistic_write' } });
}

async function lastPostalStatus(manager: EntityManager, dossierId: string): Promise<string | undefined> {
  const last = await manager.findOne(PostalEvent, { where: { dossierId }, order: { id: 'DESC' } });
  return last?.status;
}

/** One rating per dossier, whoever records it: the applicant online, or an officer at the counter. */
async function rate(ctx: DeliveryContext, args: { dossierId: string; rating: SatisfactionInput }, operation: 'rateService' | 'rateAtCounter') {
  requireCaller(ctx);
  const comment = args.rating.comment?.trim() || null;
  if (comment && comment.length > 2000) throw badInput('A comment has at most 2000 characters');
  if (!UUID.test(args.dossierId)) throw notFound('Dossier');
  const atCounter = operation === 'rateAtCounter';
  try {
    return await ctx.db.transaction(async (manager) => {
      const delivery = await lockDelivery(manager, { dossierId: args.dossierId });
      if (!delivery) throw notFound('Dossier');
      const caller = await can.rate(ctx, manager, delivery, operation);
      const check = atCounter ? canRateAtCounter(delivery) : canRate(delivery);
      if (check.refused) throw conflict(check.reason);
      if (await manager.existsBy(SatisfactionRating, { dossierId: delivery.dossierId })) throw conflict('This dossier was already rated');
      const rating = manager.create(SatisfactionRating, {
        dossierId: delivery.dossierId, overall: args.rating.overall, comment, ratedAt: new Date(),
        takenAtCounter: atCounter, recordedById: atCounter ? caller.id : null, recordedByName: atCounter ? caller.name : null,
      });
      await manager.insert(SatisfactionRating, rating);
      // The comment stays here: it may carry personal details that statistics must not keep.
      await publish(manager, 'ServiceRated', delivery.dossierId,
        { dossierId: delivery.dossierId, overall: rating.overall, ratedAt: rating.ratedAt.toISOString() },
        { correlationId: ctx.correlationId });
      return rating;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('This dossier was already rated');
    throw err;
  }
}
