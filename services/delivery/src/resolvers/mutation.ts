import { confirmPickup, type Collector } from '../commands/confirm-pickup';
import { replayFailedEvents } from '../commands/dead-letters';
import { resendNotification } from '../commands/notifications';
import { rateAtCounter, rateService, type SatisfactionInput } from '../commands/rate';
import { recordPostalEvent, type PostalEventInput } from '../commands/record-postal-event';
import type { EventSubscriber } from '../domain/dead-letters';
import type { DeliveryContext } from '../deps';

/** Delivery's mutations: each a translation to its command (commands/). */
export const Mutation = {
  confirmPickup: (
    _: unknown,
    { dossierId, collector }: { dossierId: string; collector?: Collector | null },
    ctx: DeliveryContext,
  ) => confirmPickup(ctx, dossierId, collector),
  recordPostalEvent: (
    _: unknown,
    { trackingNumber, event }: { trackingNumber: string; event: PostalEventInput },
    ctx: DeliveryContext,
  ) => recordPostalEvent(ctx, trackingNumber, event),
  rateService: (
    _: unknown,
    { dossierId, rating }: { dossierId: string; rating: SatisfactionInput },
    ctx: DeliveryContext,
  ) => rateService(ctx, dossierId, rating),
  rateAtCounter: (
    _: unknown,
    { dossierId, rating }: { dossierId: string; rating: SatisfactionInput },
    ctx: DeliveryContext,
  ) => rateAtCounter(ctx, dossierId, rating),
  resendNotification: (_: unknown, { id }: { id: string }, ctx: DeliveryContext) => resendNotification(ctx, id),
  replayFailedEvents: (
    _: unknown,
    { service, eventIds }: { service: EventSubscriber; eventIds?: string[] | null },
    ctx: DeliveryContext,
  ) => replayFailedEvents(ctx, service, eventIds),
};
