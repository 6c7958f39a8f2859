import { publish, type ResultReturnedV1 } from '@onestop/events';
import { actorOf, type Caller } from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import { Delivery } from './persistence';
import type { Notifier } from './notifications/notifier';

/**
 * The result reached the applicant (picked up, delivered by post, or downloaded): the delivery
 * records it and announces ResultReturned in the same transaction; processing, the lifecycle's
 * owner, applies it (9 → 10), and the applicant is told.
 */
export async function returnResult(
  manager: EntityManager,
  notifier: Notifier,
  delivery: Delivery,
  how: { status: 'PICKED_UP' | 'DELIVERED' | 'DOWNLOADED'; method: ResultReturnedV1['method']; at: Date; caller: Caller | null; correlationId?: string | null },
): Promise<void> {
  Object.assign(delivery, { status: how.status, returnedAt: how.at });
  await manager.update(Delivery, { dossierId: delivery.dossierId }, { status: how.status, returnedAt: how.at });
  await publish(
    manager,
    'ResultReturned',
    delivery.dossierId,
    { dossierId: delivery.dossierId, method: how.method, returnedAt: how.at.toISOString(), actor: how.caller ? actorOf(how.caller) : null },
    { correlationId: how.correlationId ?? null },
  );
  await notifier.notify(manager, delivery, 'RETURNED');
}
