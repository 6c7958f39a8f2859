import type { DeliveryContext } from '../deps';
import { returnResult } from './return-result';

/** The first download of an online result returns the dossier; a later one (or a concurrent second request) changes nothing. */
export async function recordDownload(
  ctx: Pick<DeliveryContext, 'deps' | 'caller' | 'correlationId'>,
  dossierId: string,
): Promise<void> {
  await ctx.deps.stores.transaction(async (stores) => {
    const delivery = await stores.deliveries.lock({ dossierId });
    if (delivery?.status !== 'READY') return; // another request was first
    await returnResult(stores, delivery, {
      status: 'DOWNLOADED',
      method: 'ONLINE',
      at: new Date(),
      caller: ctx.caller ?? null,
      correlationId: ctx.correlationId,
    });
  });
}
