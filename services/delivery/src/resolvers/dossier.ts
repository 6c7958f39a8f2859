import { Delivery } from '../persistence';
import type { DeliveryContext } from '../deps';

export const DossierType = {
  __resolveReference: (ref: { id: string }) => ref,
  delivery: (d: { id: string }, _: unknown, ctx: DeliveryContext) => ctx.db.getRepository(Delivery).findOneBy({ dossierId: d.id }),
};

/** Public tracking: the delivery status only, no personal data. */
export const DossierTrackingType = {
  __resolveReference: (ref: { id: string }) => ref,
  async deliveryStatus(t: { id: string }, _: unknown, ctx: DeliveryContext) {
    const delivery = await ctx.db.getRepository(Delivery).findOne({ where: { dossierId: t.id }, select: { dossierId: true, status: true } });
    return delivery?.status ?? null;
  },
};
