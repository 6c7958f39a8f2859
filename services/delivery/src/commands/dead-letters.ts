import { serviceOf, type EventSubscriber } from '../domain/dead-letters';
import type { DeliveryContext } from '../deps';
import { can } from '../resolvers/access';

/** As `npm run events -- replay`: the consumer applies a replayed event once (its id is recorded with its effect). */
export async function replayFailedEvents(
  ctx: DeliveryContext,
  service: EventSubscriber,
  eventIds?: string[] | null,
): Promise<number> {
  await can.operate(ctx, 'replayFailedEvents');
  return ctx.deps.events.replay(serviceOf(service), eventIds?.length ? eventIds : undefined);
}
