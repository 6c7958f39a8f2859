import { publishMany, type DossierDecidedV1, type OutgoingEvent } from '@onestop/events';
import type { EntityManager } from 'typeorm';
import { statusOnDecision, type DeliveryStatus } from '../domain/delivery-state';
import { Delivery } from '../persistence';

const RETURNED_AS: Record<Delivery['method'], DeliveryStatus> = { COUNTER: 'PICKED_UP', POST: 'DELIVERED', ONLINE: 'DOWNLOADED' };

/**
 * The decision of a dossier from a historical import (DossierDecided with `imported`): the past
 * is recorded, nobody is notified and no parcel is booked. A result returned in the old system is
 * returned here at its historical instant (ResultReturned with that returnedAt, which processing
 * applies 9→10), with the applicant's rating if one was given (ServiceRated). A result not yet
 * returned waits READY — at the counter for a posted one, since no booking is made for the past.
 */
export async function applyImportedDecision(manager: EntityManager, delivery: Delivery, p: DossierDecidedV1): Promise<void> {
  const imported = p.imported!;
  const readyAt = new Date(p.resolvedAt);
  const returned = imported.returned;
  const waiting = statusOnDecision(delivery.method, !!p.result);
  const next = returned
    ? { status: RETURNED_AS[returned.method] ?? RETURNED_AS[delivery.method], counterFallback: false, returnedAt: new Date(returned.returnedAt) }
    : { status: waiting.status === 'BOOKING' ? 'READY' as const : waiting.status, counterFallback: waiting.status === 'BOOKING' || waiting.counterFallback, returnedAt: null };
  const patch = { ...next, decision: p.decision, result: p.result as never, readyAt };
  await manager.update(Delivery, { dossierId: delivery.dossierId }, patch);
  Object.assign(delivery, patch);
  const events: OutgoingEvent[] = [];
  if (returned) {
    events.push({ type: 'ResultReturned', aggregateId: delivery.dossierId, occurredAt: next.returnedAt!,
      payload: { dossierId: delivery.dossierId, method: returned.method, returnedAt: returned.returnedAt, actor: null } });
  }
  if (returned && imported.rating) {
    const ratedAt = new Date(imported.rating.ratedAt);
    const rows: unknown[] = await manager.query(
      `INSERT INTO satisfaction_rating (dossier_id, overall, comment, rated_at) VALUES ($1, $2, NULL, $3) ON CONFLICT DO NOTHING RETURNING dossier_id`,
      [delivery.dossierId, imported.rating.overall, ratedAt],
    );
    if (rows.length) {
      events.push({ type: 'ServiceRated', aggregateId: delivery.dossierId, occurredAt: ratedAt,
        payload: { dossierId: delivery.dossierId, overall: imported.rating.overall, ratedAt: imported.rating.ratedAt } });
    }
  }
  await publishMany(manager, events);
}
