import { projectDecision } from '../domain/delivery-state';
import { deliveryOf, deliveryStatusOf } from '../persistence/deliveries';
import type { DeliveryContext } from '../deps';

export const DossierType = {
  __resolveReference: (ref: { id: string }) => ref,
  /** Delivery's row, or what processing's decision (required from it) already makes of it: see projectDecision. */
  async delivery(
    d: { id: string; status?: string | null; decision?: string | null; resolvedAt?: string | null },
    _: unknown,
    ctx: DeliveryContext,
  ) {
    const row = await deliveryOf(ctx.db, d.id);
    const projected = row && projectDecision(row, d);
    return projected ? Object.assign(row, projected, { decisionPending: true }) : row;
  },
};

/** Public tracking: the delivery status only, no personal data. */
export const DossierTrackingType = {
  __resolveReference: (ref: { id: string }) => ref,
  async deliveryStatus(t: { id: string }, _: unknown, ctx: DeliveryContext) {
    return deliveryStatusOf(ctx.db, t.id);
  },
};
