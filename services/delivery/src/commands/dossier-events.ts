import {
  NotReadyError,
  type ApologyIssuedV1,
  type DossierAcceptedV1,
  type DossierDecidedV1,
  type DossierStatusChangedV1,
  type DossierSubmittedV1,
} from '@onestop/events';
import { enqueueBooking } from '../courier/booking-worker';
import { statusOnDecision } from '../domain/delivery-state';
import type { Delivery } from '../persistence';
import type { DeliveryStores } from '../persistence/stores';
import type { DeliveryDeps } from '../deps';
import { recordImportedDecision } from './imported-decision';

/**
 * What delivery does with intake's and processing's news of a dossier, inside the consumer's
 * transaction (the stores are bound to it). Events of different sources may overtake each other:
 * one about a dossier delivery has not yet heard of throws NotReadyError and is retried.
 */

async function known(stores: DeliveryStores, dossierId: string, type: string): Promise<Delivery> {
  const delivery = await stores.deliveries.lock({ dossierId });
  if (!delivery) throw new NotReadyError(`${type} for dossier ${dossierId} before DossierSubmitted`);
  return delivery;
}

/**
 * The centre processing the dossier, as processing announces it with every change: after a
 * transfer its officers read the delivery too (access.ts), like the receiving centre's.
 */
async function keepProcessingCentre(
  stores: DeliveryStores,
  delivery: Delivery,
  processingCentreId: string | undefined,
): Promise<void> {
  if (!processingCentreId || delivery.processingCentreId === processingCentreId) return;
  await stores.deliveries.update(delivery, { processingCentreId });
}

/** A dossier received (or submitted online): its delivery, with the applicant's contact details, kept only for notifications. */
export async function openDelivery(stores: DeliveryStores, p: DossierSubmittedV1): Promise<void> {
  const delivery = await stores.deliveries.insert({
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
  if (p.imported) return; // past work from a historical import: nobody is notified
  if (p.refusal) return; // refused at the counter: the applicant is there and leaves with the refusal slip
  await stores.notifications.notify(delivery, p.status === 2 ? 'RECEIVED' : 'REGISTERED', { dueAt: p.dueAt });
}

/** An online dossier accepted: the applicant hears it was received, with its due date. */
export async function notifyAccepted(stores: DeliveryStores, p: DossierAcceptedV1): Promise<void> {
  const delivery = await known(stores, p.dossierId, 'DossierAccepted');
  await stores.notifications.notify(delivery, 'RECEIVED', { dueAt: p.dueAt });
}

/** Any change of the dossier's status: the processing centre is kept; a request for papers is told to the applicant. */
export async function applyStatusChange(stores: DeliveryStores, p: DossierStatusChangedV1): Promise<void> {
  const delivery = await known(stores, p.dossierId, 'DossierStatusChanged');
  await keepProcessingCentre(stores, delivery, p.processingCentreId);
  if (p.imported) return;
  // The typed status (the catalogue's union): `action` is the lifecycle's REQUEST_SUPPLEMENT, never this status's name.
  if (p.status !== 'SUPPLEMENT_REQUESTED') return;
  await stores.notifications.notify(delivery, 'SUPPLEMENT_REQUESTED', {
    reason: p.reason,
    componentCodes: p.componentCodes ?? [],
  });
}

/** A late dossier's apology: the applicant is told the new due date. */
export async function notifyApology(stores: DeliveryStores, p: ApologyIssuedV1): Promise<void> {
  const delivery = await known(stores, p.dossierId, 'ApologyIssued');
  await stores.notifications.notify(delivery, 'APOLOGY', { reason: p.reason, newDueAt: p.newDueAt });
}

/** The decision: READY (told, with a link for an online result), or BOOKING with a booking job for a posted one. */
export async function applyDecision(
  stores: DeliveryStores,
  deps: Pick<DeliveryDeps, 'bookings' | 'links'>,
  p: DossierDecidedV1,
): Promise<void> {
  const delivery = await known(stores, p.dossierId, 'DossierDecided');
  await keepProcessingCentre(stores, delivery, p.processingCentreId);
  if (delivery.status !== 'AWAITING_RESULT') return;
  if (p.imported) return recordImportedDecision(stores, delivery, p);
  const next = statusOnDecision(delivery.method, !!p.result);
  await stores.deliveries.update(delivery, {
    ...next,
    decision: p.decision,
    result: p.result as never,
    readyAt: new Date(p.resolvedAt),
  });
  if (next.status === 'BOOKING') {
    // Booked by the worker; the applicant hears of it with the tracking number.
    await enqueueBooking(deps.bookings, p.dossierId);
    return;
  }
  const downloadUrl = delivery.method === 'ONLINE' && !next.counterFallback ? deps.links.urlFor(p.dossierId) : null;
  await stores.notifications.notify(delivery, 'RESULT_READY', { downloadUrl, reason: p.reason });
}
