import { conflict, notFound } from '@onestop/service-kit';
import type { DeliveryContext } from '../deps';
import type { Notification } from '../persistence';
import { can } from '../resolvers/access';
import { isUuid } from './checks';

/**
 * An operator sends a FAILED or NOT_SENT notification again, as a fresh series of attempts.
 * NOT_SENT: there was no transport for its channel; once one is configured, it is sent after all.
 */
export async function resendNotification(
  ctx: DeliveryContext,
  id: string,
): Promise<Notification & { dossierCode: string }> {
  await can.operate(ctx, 'resendNotification');
  if (!isUuid(id)) throw notFound('Notification');
  return ctx.deps.stores.transaction(async (stores) => {
    const n = await stores.notifications.lock(id);
    if (!n) throw notFound('Notification');
    if (n.status !== 'FAILED' && n.status !== 'NOT_SENT')
      throw conflict(`The notification is ${n.status}; only a FAILED or NOT_SENT one is resent`);
    await stores.notifications.requeue(n);
    return Object.assign(n, { dossierCode: await stores.deliveries.dossierCode(n.dossierId) });
  });
}
