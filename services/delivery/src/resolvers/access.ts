import {
  authorizeOn,
  CentreDirectory,
  mayRead,
  perRequest,
  type Caller,
  type ObjectGuards,
  type OperationName,
} from '@onestop/service-kit';
import type { Delivery, Notification } from '../persistence';
import { deliveryOf } from '../persistence/deliveries';
import type { DeliveryContext } from '../deps';

/**
 * Delivery's access rules, in one place. The decisions are cells of the platform's authorization
 * matrix (packages/service-kit/src/authorization-matrix.json); this file says what each acts on:
 * - confirmPickup: an INTAKE_OFFICER of the dossier's receiving centre (centre replica);
 * - recordPostalEvent: the courier (its own credential, COURIER_CALLBACK_SECRET at the gateway),
 *   never a user's token: an ADMIN of any centre could otherwise return anyone's dossier;
 * - failedNotifications, resendNotification: ADMIN (of a centre the platform knows);
 * - failedEvents, replayFailedEvents: a root centre's ADMIN (every service's queue, every centre's events);
 * - rateService: the applicant (a CITIZEN whose identityNumber is the dossier's applicant's);
 * - rateAtCounter: an INTAKE_OFFICER of the receiving centre, taking the applicant's rating there;
 * - Dossier.delivery, its notifications: `deliveryGuards` below; downloadUrl only the applicant
 *   and officers who can act in the receiving centre.
 */
export const can = {
  /** `centres`: the replica as read in the command's transaction. */
  confirmPickup(ctx: DeliveryContext, centres: CentreDirectory, delivery: Delivery): Promise<Caller> {
    return authorizeOn(centres, ctx.caller, 'confirmPickup', {
      centreIds: [delivery.receivingCentreId],
      ownerIdentityNumber: delivery.applicantIdentityNumber,
    });
  },

  operate(
    ctx: DeliveryContext,
    operation: Extract<
      OperationName,
      'recordPostalEvent' | 'resendNotification' | 'failedNotifications' | 'failedEvents' | 'replayFailedEvents'
    >,
  ): Promise<Caller> {
    return authorizeOn(ctx.deps.stores.centres, ctx.caller, operation);
  },

  rate(
    ctx: DeliveryContext,
    centres: CentreDirectory,
    delivery: Delivery,
    operation: 'rateService' | 'rateAtCounter' = 'rateService',
  ): Promise<Caller> {
    return authorizeOn(centres, ctx.caller, operation, {
      centreIds: [delivery.receivingCentreId],
      ownerIdentityNumber: delivery.applicantIdentityNumber,
    });
  },

  async download(ctx: DeliveryContext, delivery: Delivery): Promise<boolean> {
    const caller = ctx.caller;
    if (!caller) return false;
    if (caller.role === 'CITIZEN') return caller.identityNumber === delivery.applicantIdentityNumber;
    return new CentreDirectory(ctx.db, 'centre_replica').canActIn(caller, delivery.receivingCentreId);
  },
};

/**
 * The guards of delivery's protected types (service-kit object-guards.ts), wherever one is handed
 * out: a dossier's delivery, its notifications, and the dossier itself are the matrix's `dossier`
 * cell on the receiving centre (where the result is returned), the processing centre (after a
 * transfer, from processing's events) and the applicant, as intake's and processing's parts are.
 */
const deliveries = new WeakMap<object, Map<string, Promise<Delivery | null>>>();
const deliveryInRequest = (ctx: DeliveryContext, dossierId: string) =>
  perRequest(ctx, deliveries, dossierId, () => deliveryOf(ctx.db, dossierId));
const mayReadDelivery = (ctx: DeliveryContext, d: Delivery) =>
  mayRead(ctx, new CentreDirectory(ctx.db, 'centre_replica'), {
    centreIds: [d.receivingCentreId, d.processingCentreId],
    ownerIdentityNumber: d.applicantIdentityNumber,
  });

export const deliveryGuards: ObjectGuards<DeliveryContext> = {
  async Dossier(d: { id: string }, ctx) {
    const delivery = await deliveryInRequest(ctx, d.id);
    return !delivery || (await mayReadDelivery(ctx, delivery)) ? d : null;
  },
  async Delivery(d: Delivery, ctx) {
    return (await mayReadDelivery(ctx, d)) ? d : null;
  },
  async Notification(n: Notification, ctx) {
    const delivery = await deliveryInRequest(ctx, n.dossierId);
    return delivery && (await mayReadDelivery(ctx, delivery)) ? n : null;
  },
};
