import type { ResultReturnedV1 } from '@onestop/events';
import type { Caller } from '@onestop/service-kit';
import { resultReturned } from '../events/result-returned';
import type { Delivery } from '../persistence';
import type { DeliveryStores } from '../persistence/stores';

/**
 * The result reached the applicant (picked up, delivered by post, or downloaded): the delivery
 * records it and announces ResultReturned in the same transaction; processing, the lifecycle's
 * owner, applies it (9 → 10), and the applicant is told.
 */
export async function returnResult(
  stores: DeliveryStores,
  delivery: Delivery,
  how: {
    status: 'PICKED_UP' | 'DELIVERED' | 'DOWNLOADED';
    method: ResultReturnedV1['method'];
    at: Date;
    caller: Caller | null;
    correlationId?: string | null;
  },
): Promise<void> {
  await stores.deliveries.update(delivery, { status: how.status, returnedAt: how.at });
  await stores.outbox.publish(
    'ResultReturned',
    delivery.dossierId,
    resultReturned(delivery.dossierId, how.method, how.at, how.caller),
    { correlationId: how.correlationId ?? null },
  );
  await stores.notifications.notify(delivery, 'RETURNED');
}
