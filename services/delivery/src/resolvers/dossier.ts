import { deliveryOf, deliveryStatusOf } from '../persistence/deliveries';
import type { DeliveryContext } from '../deps';

export const DossierType = {
  __resolveReference: (ref: { id: string }) => ref,
  /**
   * Delivery's row, which applies processing's DossierDecided itself: nothing is required from
   * processing, so the gateway asks delivery beside processing instead of after it (one wave less
   * per Dossier query; test/dossier-query-plan.test.ts).
   */
  delivery: (d: { id: string }, _: unknown, ctx: DeliveryContext) => deliveryOf(ctx.db, d.id),
};

/** Public tracking: the delivery status only, no personal data. */
export const DossierTrackingType = {
  __resolveReference: (ref: { id: string }) => ref,
  async deliveryStatus(t: { id: string }, _: unknown, ctx: DeliveryContext) {
    return deliveryStatusOf(ctx.db, t.id);
  },
};
