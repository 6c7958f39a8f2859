import { badInput, checkLength, conflict, notFound } from '@onestop/service-kit';
import { applyPostalEvent, type PostalEventStatus } from '../domain/delivery-state';
import type { Delivery } from '../persistence';
import type { DeliveryContext } from '../deps';
import { can } from '../resolvers/access';
import { returnResult } from './return-result';

export interface PostalEventInput {
  status: PostalEventStatus;
  at?: Date | null;
  note?: string | null;
}

/**
 * The courier's callback on a parcel. Every callback is recorded; a repeat or an out-of-order one
 * does not move the parcel back, one after the journey ended is CONFLICT. A delivered parcel
 * returns the dossier; one that came back waits at the counter.
 */
export async function recordPostalEvent(
  ctx: DeliveryContext,
  trackingNumber: string,
  event: PostalEventInput,
): Promise<Delivery> {
  await can.operate(ctx, 'recordPostalEvent');
  checkLength(trackingNumber, 'trackingNumber', 'code');
  if (event.note && event.note.length > 1000) throw badInput('A note has at most 1000 characters');
  const at = event.at ?? new Date();
  return ctx.deps.stores.transaction(async (stores) => {
    const delivery = await stores.deliveries.lock({ trackingNumber });
    if (!delivery) throw notFound('Parcel');
    let outcome = applyPostalEvent(delivery.status, event.status);
    if ('refused' in outcome && (await stores.postalEvents.lastStatus(delivery.dossierId)) === event.status)
      outcome = { kind: 'keep' };
    if ('refused' in outcome) throw conflict(outcome.reason);
    await stores.postalEvents.record({
      dossierId: delivery.dossierId,
      trackingNumber,
      status: event.status,
      at,
      note: event.note ?? null,
    });
    if (outcome.kind === 'keep') return delivery;
    if (outcome.returned) {
      await returnResult(stores, delivery, {
        status: 'DELIVERED',
        method: 'POST',
        at,
        caller: ctx.caller ?? null,
        correlationId: ctx.correlationId,
      });
    } else if (outcome.fallback) {
      await stores.deliveries.update(delivery, { status: outcome.status, counterFallback: true });
      await stores.notifications.notify(delivery, 'PARCEL_RETURNED');
    } else {
      await stores.deliveries.update(delivery, { status: outcome.status });
    }
    return delivery;
  });
}
