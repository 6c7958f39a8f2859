import { join } from 'node:path';
import { loadSchema, type ServiceDefinition } from '@onestop/service-kit';
import { BookingWorker } from './courier/booking-worker';
import { createDeliveryDeps, deliverySettings, type DeliveryDeps, type DeliverySettings } from './deps';
import { deliveryHandlers } from './events/handlers';
import { NotificationWorker } from './notifications/notification-worker';
import { SmsReceiptPoller } from './notifications/receipts';
import { entities, migrations } from './persistence';
import { deliveryRunWrites } from './persistence/deliveries';
import { resolvers } from './resolvers';
import { deliveryGuards } from './resolvers/access';
import { downloadRoutes } from './routes/download';

/** Delivery (trả kết quả): results back at the counter, by post and online, and notifications. */
export const deliveryService: ServiceDefinition<DeliveryDeps, DeliverySettings> = {
  name: 'delivery',
  settings: deliverySettings,
  typeDefs: loadSchema(join(__dirname, 'schema.graphql')),
  resolvers,
  guards: deliveryGuards,
  entities,
  migrations,
  createDeps: createDeliveryDeps,
  handlers: deliveryHandlers,
  // a run's deliveries read at once (an import's decisions come a hundred to a run)
  runWrites: deliveryRunWrites,
  routes: downloadRoutes,
  async workers(deps, runtime) {
    // The transports are read per job, so that a test (or an operator's hot fix) can swap them.
    const notificationWorker = new NotificationWorker({
      db: runtime.db,
      queues: runtime.queues,
      senders: () => ({ mailer: deps.mailer, sms: deps.sms }),
      logger: runtime.logger,
    }).start();
    deps.notificationWorker = notificationWorker;
    const bookingWorker = new BookingWorker({
      db: runtime.db,
      queues: runtime.queues,
      courier: () => deps.courier,
      notifier: deps.notifier,
      logger: runtime.logger,
    }).start();
    const receipts = new SmsReceiptPoller({
      db: runtime.db,
      sms: () => deps.sms,
      logger: runtime.logger,
      intervalMs: deps.smsReceiptPollMs,
    }).start();
    return [notificationWorker, bookingWorker, receipts];
  },
};

export { NotificationWorker } from './notifications/notification-worker';
export { SimulatedCourier, HttpCourier } from './courier/courier';
export type { DeliveryDeps } from './deps';
// For the platform tests that forge and check download links (their entry point, not a deep import).
export { linkPath, signLink } from './domain/download-link';
