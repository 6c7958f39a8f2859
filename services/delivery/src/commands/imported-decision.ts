import type { DossierDecidedV1, OutgoingEvent } from '@onestop/events';
import { statusOnDecision, type DeliveryStatus } from '../domain/delivery-state';
import { resultReturned } from '../events/result-returned';
import { serviceRated } from '../events/service-rated';
import type { Delivery } from '../persistence';
import type { DeliveryStores } from '../persistence/stores';

const RETURNED_AS: Record<Delivery['method'], DeliveryStatus> = {
  COUNTER: 'PICKED_UP',
  POST: 'DELIVERED',
  ONLINE: 'DOWNLOADED',
};

/**
 * The decision of a dossier from a historical import (DossierDecided with `imported`): the past
 * is recorded, nobody is notified and no parcel is booked. A result returned in the old system is
 * returned here at its historical instant (ResultReturned with that returnedAt, which processing
 * applies 9→10), with the applicant's rating if one was given (ServiceRated). A result not yet
 * returned waits READY — at the counter for a posted one, since no booking is made for the past.
 */
export async function recordImportedDecision(
  stores: DeliveryStores,
  delivery: Delivery,
  p: DossierDecidedV1,
): Promise<void> {
  const imported = p.imported!;
  const readyAt = new Date(p.resolvedAt);
  const returned = imported.returned;
  const waiting = statusOnDecision(delivery.method, !!p.result);
  const next = returned
    ? {
        status: RETURNED_AS[returned.method] ?? RETURNED_AS[delivery.method],
        counterFallback: false,
        returnedAt: new Date(returned.returnedAt),
      }
    : {
        status: waiting.status === 'BOOKING' ? ('READY' as const) : waiting.status,
        counterFallback: waiting.status === 'BOOKING' || waiting.counterFallback,
        returnedAt: null,
      };
  await stores.deliveries.update(delivery, { ...next, decision: p.decision, result: p.result as never, readyAt });
  const events: OutgoingEvent[] = [];
  if (returned) {
    events.push({
      type: 'ResultReturned',
      aggregateId: delivery.dossierId,
      occurredAt: next.returnedAt!,
      payload: resultReturned(delivery.dossierId, returned.method, returned.returnedAt, null),
    });
  }
  if (returned && imported.rating) {
    const ratedAt = new Date(imported.rating.ratedAt);
    if (
      await stores.ratings.insertImported({ dossierId: delivery.dossierId, overall: imported.rating.overall, ratedAt })
    ) {
      events.push({
        type: 'ServiceRated',
        aggregateId: delivery.dossierId,
        occurredAt: ratedAt,
        payload: serviceRated({
          dossierId: delivery.dossierId,
          overall: imported.rating.overall,
          ratedAt: imported.rating.ratedAt,
        }),
      });
    }
  }
  await stores.outbox.publishMany(events);
}
