import { authorize, authorizeOn, CentreDirectory, requireCaller, type Caller, type OperationName } from '@onestop/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Delivery } from '../persistence';
import type { DeliveryContext } from '../deps';

/**
 * Delivery's access rules, in one place. The decisions are cells of the platform's authorization
 * matrix (packages/service-kit/src/authorization-matrix.json); this file says what each acts on:
 * - confirmPickup: an INTAKE_OFFICER of the dossier's receiving centre (centre replica);
 * - recordPostalEvent, failedNotifications, resendNotification: ADMIN. A courier's callbacks use
 *   a service account, which for now is an ADMIN-issued token with role ADMIN;
 * - rateService: the applicant (a CITIZEN whose identityNumber is the dossier's applicant's);
 * - Dossier.delivery: the applicant and officers; downloadUrl only the applicant and officers
 *   who can act in the receiving centre.
 */
export const can = {
  confirmPickup(ctx: DeliveryContext, db: DataSource | EntityManager, delivery: Delivery): Promise<Caller> {
    return authorizeOn(new CentreDirectory(db, 'centre_replica'), ctx.caller, 'confirmPickup',
      { centreIds: [delivery.receivingCentreId], ownerIdentityNumber: delivery.applicantIdentityNumber });
  },

  operate(ctx: DeliveryContext, operation: Extract<OperationName, 'recordPostalEvent' | 'resendNotification' | 'failedNotifications'>): Caller {
    return authorize(ctx.caller, operation);
  },

  rate(ctx: DeliveryContext, db: DataSource | EntityManager, delivery: Delivery): Promise<Caller> {
    return authorizeOn(new CentreDirectory(db, 'centre_replica'), ctx.caller, 'rateService',
      { centreIds: [delivery.receivingCentreId], ownerIdentityNumber: delivery.applicantIdentityNumber });
  },

  seeDelivery(ctx: DeliveryContext, delivery: Delivery): boolean {
    const caller = requireCaller(ctx);
    return caller.role === 'CITIZEN' ? caller.identityNumber === delivery.applicantIdentityNumber : true;
  },

  async download(ctx: DeliveryContext, delivery: Delivery): Promise<boolean> {
    const caller = ctx.caller;
    if (!caller) return false;
    if (caller.role === 'CITIZEN') return caller.identityNumber === delivery.applicantIdentityNumber;
    return new CentreDirectory(ctx.db, 'centre_replica').canActIn(caller, delivery.receivingCentreId);
  },
};
