import { NotReadyError, RunReads, type EventHandlers } from '@onestop/events';
import { applyCentreChanged } from '@onestop/service-kit';
import { In, type EntityManager } from 'typeorm';
import { enqueueBooking } from '../courier/booking-worker';
import { statusOnDecision } from '../domain/delivery-state';
import { Delivery } from '../persistence';
import type { DeliveryDeps } from '../deps';
import { applyImportedDecision } from './import-handlers';

/** The deliveries a run of events is about, read and locked in one statement when the run opens (the consumer's runWrites). */
export const runDeliveries = new RunReads<Delivery>({
  fetch: (manager, ids) => manager.find(Delivery, { where: { dossierId: In(ids) }, order: { dossierId: 'ASC' }, lock: { mode: 'pessimistic_write' } }),
  keyOf: (delivery) => delivery.dossierId,
  createdBy: 'DossierSubmitted',
});

/**
 * The centre processing the dossier, as processing announces it with every change: after a
 * transfer its officers read the delivery too (access.ts), like the receiving centre's.
 */
async function keepProcessingCentre(manager: EntityManager, delivery: Delivery, processingCentreId: string | undefined): Promise<void> {
  if (!processingCentreId || delivery.processingCentreId === processingCentreId) return;
  delivery.processingCentreId = processingCentreId;
  await manager.update(Delivery, { dossierId: delivery.dossierId }, { processingCentreId });
}

/**
 * Delivery learns of a dossier at reception (with the applicant's contact details, kept only for
 * notifications) and of its decision. Events of different sources may overtake each other: one
 * about a dossier delivery has not yet heard of throws NotReadyError and is retried.
 */
export function deliveryHandlers(deps: DeliveryDeps): EventHandlers {
  const known = async (manager: EntityManager, dossierId: string, type: string) => {
    const delivery = await runDeliveries.find(manager, dossierId, () => manager.findOne(Delivery, { where: { dossierId }, lock: { mode: 'pessimistic_write' } }));
    if (!delivery) throw new NotReadyError(`${type} for dossier ${dossierId} before DossierSubmitted`);
    return delivery;
  };

  return {
    async CentreChanged({ event, manager }) {
      await applyCentreChanged(manager, event.payload);
    },

    async DossierSubmitted({ event, manager }) {
      const p = event.payload;
      const delivery = manager.create(Delivery, {
        dossierId: p.dossierId,
        dossierCode: p.code,
        procedureName: p.procedure.name,
        receivingCentreId: p.receivingCentre.id,
        method: p.delivery?.method ?? 'COUNTER',
        status: 'AWAITING_RESULT',
        counterFallback: false,
        address: p.delivery?.address ?? null,
        trackingNumber: null,
        applicantIdentityNumber: p.applicant.identityNumber,
        applicantName: p.applicant.fullName,
        applicantPhone: p.applicant.phone ?? null,
        applicantEmail: p.applicant.email ?? null,
      });
      await manager.insert(Delivery, delivery);
      runDeliveries.keepInserted(manager, Delivery, delivery);
      if (p.imported) return; // past work from a historical import: nobody is notified
      if (p.refusal) return; // refused at the counter: the applicant is there and leaves with the refusal slip
      await deps.notifier.notify(manager, delivery, p.status === 2 ? 'RECEIVED' : 'REGISTERED', { dueAt: p.dueAt });
    },

    async DossierAccepted({ event, manager }) {
      const delivery = await known(manager, event.payload.dossierId, 'DossierAccepted');
      await deps.notifier.notify(manager, delivery, 'RECEIVED', { dueAt: event.payload.dueAt });
    },

    async DossierStatusChanged({ event, manager }) {
      const p = event.payload;
      const delivery = await known(manager, p.dossierId, 'DossierStatusChanged');
      await keepProcessingCentre(manager, delivery, p.processingCentreId);
      if (p.imported) return;
      if (p.action !== 'SUPPLEMENT_REQUESTED' && p.status !== 'SUPPLEMENT_REQUESTED') return;
      await deps.notifier.notify(manager, delivery, 'SUPPLEMENT_REQUESTED', { reason: p.reason, componentCodes: p.componentCodes ?? [] });
    },

    async ApologyIssued({ event, manager }) {
      const p = event.payload;
      const delivery = await known(manager, p.dossierId, 'ApologyIssued');
      await deps.notifier.notify(manager, delivery, 'APOLOGY', { reason: p.reason, newDueAt: p.newDueAt });
    },

    async DossierDecided({ event, manager }) {
      const p = event.payload;
      const delivery = await known(manager, p.dossierId, 'DossierDecided');
      await keepProcessingCentre(manager, delivery, p.processingCentreId);
      if (delivery.status !== 'AWAITING_RESULT') return;
      if (p.imported) return applyImportedDecision(manager, delivery, p);
      const next = statusOnDecision(delivery.method, !!p.result);
      Object.assign(delivery, { ...next, decision: p.decision, result: p.result, readyAt: new Date(p.resolvedAt) });
      await manager.update(Delivery, { dossierId: p.dossierId }, { ...next, decision: p.decision, result: p.result as never, readyAt: delivery.readyAt });
      if (next.status === 'BOOKING') {
        // Booked by the worker; the applicant hears of it with the tracking number.
        await enqueueBooking(deps.bookings, p.dossierId);
        return;
      }
      const downloadUrl = delivery.method === 'ONLINE' && !next.counterFallback ? deps.links.urlFor(p.dossierId) : null;
      await deps.notifier.notify(manager, delivery, 'RESULT_READY', { downloadUrl, reason: p.reason });
    },
  };
}
