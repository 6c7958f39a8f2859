import {
  awaitingEvent,
  badInput,
  catchingUp,
  checkLength,
  conflict,
  notFound,
  requireCaller,
} from '@onestop/service-kit';
import { awaitsDecision, canConfirmPickup } from '../domain/delivery-state';
import type { DeliveryContext } from '../deps';
import { can } from '../resolvers/access';
import { isUuid } from './checks';
import { returnResult } from './return-result';

export interface Collector {
  fullName: string;
  identityNumber: string;
}

/**
 * The returns desk hands a result over at the counter. Answers with the status it has just caused
 * (RETURNED, 10) from delivery's own knowledge (federation @provides): processing, the owner,
 * applies the ResultReturned event moments later. A dossier whose reception or decision is still
 * on its way here waits for it (catchingUp).
 */
export async function confirmPickup(ctx: DeliveryContext, dossierId: string, collector?: Collector | null) {
  requireCaller(ctx);
  if (!isUuid(dossierId)) throw notFound('Dossier');
  if (collector) {
    if (!collector.fullName.trim() || !collector.identityNumber.trim())
      throw badInput('The collector needs a name and an identity number');
    checkLength(collector.fullName, 'collector.fullName', 'name');
    checkLength(collector.identityNumber, 'collector.identityNumber', 'code');
  }
  return catchingUp(ctx, () =>
    ctx.deps.stores.transaction(async (stores) => {
      const delivery = await stores.deliveries.lock({ dossierId });
      if (!delivery) throw awaitingEvent(notFound('Dossier'), dossierId);
      const caller = await can.confirmPickup(ctx, stores.centres, delivery);
      const check = canConfirmPickup(delivery);
      if (check.refused)
        throw awaitsDecision(delivery) ? awaitingEvent(conflict(check.reason), dossierId) : conflict(check.reason);
      if (collector) {
        await stores.deliveries.update(delivery, {
          collectorName: collector.fullName.trim(),
          collectorIdentityNumber: collector.identityNumber.trim(),
        });
      }
      await returnResult(stores, delivery, {
        status: 'PICKED_UP',
        method: 'COUNTER',
        at: new Date(),
        caller,
        correlationId: ctx.correlationId,
      });
      return { id: dossierId, status: 'RETURNED', nationalStatusCode: 10 };
    }),
  );
}
