import type { DeliveryContext } from '../deps';
import { can } from './access';
import type { NotificationView } from './delivery';
import { returnsDesk } from './returns-desk';
import { maskPersonalData } from '@onestop/service-kit';
import { SERVICES } from '@onestop/events';
import { failedNotifications } from '../persistence/notifications';
import { failedEventView, serviceOf, type EventSubscriber, type FailedEventView } from '../domain/dead-letters';

export const Query = {
  returnsDesk,

  async failedNotifications(
    _: unknown,
    args: { limit?: number | null; includeNotSent?: boolean | null },
    ctx: DeliveryContext,
  ): Promise<NotificationView[]> {
    await can.operate(ctx, 'failedNotifications');
    const limit = Math.min(Math.max(args.limit ?? 100, 1), 500);
    return failedNotifications(ctx.db, limit, args.includeNotSent ? ['FAILED', 'NOT_SENT'] : ['FAILED']);
  },

  /** Read from the queues themselves (BullMQ keeps failed event jobs, removeOnFail: false), as `npm run events -- failed` does. */
  async failedEvents(
    _: unknown,
    args: { service?: EventSubscriber | null; limit?: number | null },
    ctx: DeliveryContext,
  ): Promise<FailedEventView[]> {
    await can.operate(ctx, 'failedEvents');
    const limit = Math.min(Math.max(args.limit ?? 100, 1), 500);
    const services = args.service ? [serviceOf(args.service)] : SERVICES;
    const views = (
      await Promise.all(
        services.map(async (service) =>
          (await ctx.deps.events.failed(service, 0, limit - 1)).map((job) =>
            failedEventView(service, job, maskPersonalData),
          ),
        ),
      )
    ).flat();
    return views.sort((a, b) => b.failedAt.localeCompare(a.failedAt)).slice(0, limit);
  },
};
