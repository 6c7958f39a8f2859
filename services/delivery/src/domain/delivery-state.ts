/**
 * The return of a dossier's result (trả kết quả) as a state machine, without I/O.
 *
 *   AWAITING_RESULT ──decided──▶ READY (counter, online)  ──pickup / first download──▶ PICKED_UP / DOWNLOADED
 *                          └───▶ BOOKING (post) ──booked──▶ BOOKED ─▶ ACCEPTED ─▶ IN_TRANSIT ─▶ DELIVERED
 *                                       │                       └──── RETURNED / FAILED ────┐
 *                                       └── booking failed every attempt ───────────────────┴▶ READY at the counter
 *
 * PICKED_UP, DELIVERED and DOWNLOADED are the three ways a result is returned (national status 10).
 */

export type DeliveryMethod = 'COUNTER' | 'POST' | 'ONLINE';

export type DeliveryStatus =
  | 'AWAITING_RESULT'
  | 'READY'
  | 'BOOKING'
  | 'BOOKED'
  | 'ACCEPTED'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'DOWNLOADED'
  | 'PICKED_UP';

export type PostalEventStatus = 'ACCEPTED' | 'IN_TRANSIT' | 'DELIVERED' | 'RETURNED' | 'FAILED';

export const RETURNED_STATUSES: readonly DeliveryStatus[] = ['PICKED_UP', 'DELIVERED', 'DOWNLOADED'];

export function isReturned(status: DeliveryStatus): boolean {
  return RETURNED_STATUSES.includes(status);
}

/**
 * Where a decided dossier's result goes first. An online return needs a document to download;
 * a decision without one (a rejection explained in its reason) waits at the counter instead.
 */
export function statusOnDecision(
  method: DeliveryMethod,
  hasDocument: boolean,
): { status: DeliveryStatus; counterFallback: boolean } {
  if (method === 'POST') return { status: 'BOOKING', counterFallback: false };
  if (method === 'ONLINE' && !hasDocument) return { status: 'READY', counterFallback: true };
  return { status: 'READY', counterFallback: false };
}

export type Refusal = { refused: true; reason: string };

/** Delivery learns of the decision by processing's event: a command refused before it may be an event behind the caller. */
export const awaitsDecision = (d: { status: DeliveryStatus }): boolean => d.status === 'AWAITING_RESULT';

/** A pickup at the counter: counter deliveries, and posted or online results that fell back to the counter. */
export function canConfirmPickup(d: {
  method: DeliveryMethod;
  status: DeliveryStatus;
  counterFallback: boolean;
}): Refusal | { refused: false } {
  if (d.status !== 'READY') return { refused: true, reason: `The result is ${d.status}, not READY at the counter` };
  if (d.method !== 'COUNTER' && !d.counterFallback)
    return {
      refused: true,
      reason: `The result is returned ${d.method === 'POST' ? 'by post' : 'online'}, not at the counter`,
    };
  return { refused: false };
}

const POSTAL_STAGE: Partial<Record<DeliveryStatus, number>> = { BOOKED: 0, ACCEPTED: 1, IN_TRANSIT: 2 };
const EVENT_STAGE: Record<PostalEventStatus, number> = {
  ACCEPTED: 1,
  IN_TRANSIT: 2,
  DELIVERED: 3,
  RETURNED: 3,
  FAILED: 3,
};

export type PostalOutcome =
  /** The delivery moves to `status`; `returned` when the parcel reached the applicant, `fallback` when it came back. */
  | { kind: 'move'; status: DeliveryStatus; returned: boolean; fallback: boolean }
  /** The courier repeated or reordered a callback: kept in the history, the delivery stays as it is. */
  | { kind: 'keep' }
  | Refusal;

/**
 * A courier's callback. Couriers repeat and reorder their callbacks, so an event that is not
 * ahead of the parcel's current stage is recorded without moving it; one after the parcel's
 * journey ended (delivered, or back at the counter) contradicts the delivery.
 */
export function applyPostalEvent(current: DeliveryStatus, event: PostalEventStatus): PostalOutcome {
  if (current === 'DELIVERED' && event === 'DELIVERED') return { kind: 'keep' };
  const stage = POSTAL_STAGE[current];
  if (stage === undefined)
    return { refused: true, reason: `The parcel's journey is over or has not started (${current})` };
  if (EVENT_STAGE[event] <= stage) return { kind: 'keep' };
  if (event === 'DELIVERED') return { kind: 'move', status: 'DELIVERED', returned: true, fallback: false };
  if (event === 'RETURNED' || event === 'FAILED')
    return { kind: 'move', status: 'READY', returned: false, fallback: true };
  return { kind: 'move', status: event, returned: false, fallback: false };
}

export type SatisfactionLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED';

/** At the returns desk an officer records the rating of a result handed over there. */
export function canRateAtCounter(d: { status: DeliveryStatus }): Refusal | { refused: false } {
  if (d.status !== 'PICKED_UP')
    return { refused: true, reason: 'A rating is taken at the counter for a result handed over there' };
  return { refused: false };
}

/** A rating is the applicant's, after the result was returned, once (the once is the table's key). */
export function canRate(d: { status: DeliveryStatus }): Refusal | { refused: false } {
  if (!isReturned(d.status)) return { refused: true, reason: 'The service can be rated once the result was returned' };
  return { refused: false };
}

/**
 * The delivery as processing's decision makes it, before delivery has applied the decision's event
 * (a query reads processing's canonical status through federation's @requires). Only an approval
 * is projected: it always carries its result document, so where the result goes is known; a
 * rejection may or may not carry one and waits for the event. Null: nothing to project.
 */
export function projectDecision(
  d: { method: DeliveryMethod; status: DeliveryStatus },
  processing: { status?: string | null; decision?: string | null; resolvedAt?: string | Date | null },
): { status: DeliveryStatus; counterFallback: boolean; readyAt: Date | null } | null {
  if (d.status !== 'AWAITING_RESULT' || processing.decision !== 'APPROVED') return null;
  if (processing.status !== 'RESOLVED' && processing.status !== 'RETURNED') return null;
  return {
    ...statusOnDecision(d.method, true),
    readyAt: processing.resolvedAt ? new Date(processing.resolvedAt) : null,
  };
}
