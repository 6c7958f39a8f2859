import { maskRecipient } from '../domain/masking';
import type { Delivery, Notification } from '../persistence';
import { notificationsOf } from '../persistence/notifications';
import { postalEventsOf } from '../persistence/postal-events';
import { ratingOf } from '../persistence/ratings';
import type { DeliveryContext } from '../deps';
import { can } from './access';

export type NotificationView = Notification & { dossierCode: string };

export const DeliveryType = {
  collectedBy: (d: Delivery) =>
    d.collectorName ? { fullName: d.collectorName, identityNumber: d.collectorIdentityNumber ?? '' } : null,
  async notifications(d: Delivery, _: unknown, ctx: DeliveryContext): Promise<NotificationView[]> {
    const rows = await notificationsOf(ctx.db, d.dossierId);
    return rows.map((n) => Object.assign(n, { dossierCode: d.dossierCode }));
  },
  postalEvents: (d: Delivery, _: unknown, ctx: DeliveryContext) => postalEventsOf(ctx.db, d.dossierId),
  rating: (d: Delivery, _: unknown, ctx: DeliveryContext) => ratingOf(ctx.db, d.dossierId),
  async downloadUrl(d: Delivery & { decisionPending?: boolean }, _: unknown, ctx: DeliveryContext) {
    // decisionPending: an approval's result, whose event is on its way (the download route waits for it)
    if (
      d.method !== 'ONLINE' ||
      d.counterFallback ||
      !(d.result || d.decisionPending) ||
      !['READY', 'DOWNLOADED'].includes(d.status)
    )
      return null;
    return (await can.download(ctx, d)) ? ctx.deps.links.urlFor(d.dossierId) : null;
  },
};

export const NotificationType = {
  dossier: (n: Notification) => ({ __typename: 'Dossier', id: n.dossierId }),
  recipient: (n: Notification) => maskRecipient(n.recipient),
};
