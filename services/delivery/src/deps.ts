import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { EventQueues } from '@onestop/events';
import { blobStoreEnv, openBlobStore, type BlobStore } from '@onestop/blob-store';
import { ALWAYS, checkedBy, envGroups, variable, type ServiceContext, type ServiceRuntime } from '@onestop/service-kit';
import { courierFromSettings, type Courier } from './courier/courier';
import { BOOKING_QUEUE, bookingJobOptions, type BookingJob } from './courier/booking-worker';
import { linkPath, signLink, verifyLink, type LinkCheck } from './domain/download-link';
import { mailerFromEnv, type Mailer } from './notifications/mailer';
import { NOTIFICATION_QUEUE, Notifier, notificationJobOptions, type NotificationJob } from './notifications/notifier';
import type { NotificationWorker } from './notifications/notification-worker';
import { smsGatewayConfig, smsSenderFromEnv, type SmsSender } from './notifications/sms';
import { SqlDeliveryUnitOfWork, type DeliveryUnitOfWork } from './persistence/stores';

/** Signed, expiring links to an online result. */
export class DownloadLinks {
  /** `previousSecret`: the secret before a rotation, still accepted so that links already sent keep working for their TTL. */
  constructor(
    readonly secret: string,
    private readonly ttlMs: number,
    private readonly publicUrl?: string,
    private readonly previousSecret?: string,
  ) {}

  verify(link: { dossierId: string; expires: unknown; signature: unknown }, now = new Date()): LinkCheck {
    const check = verifyLink(this.secret, link, now);
    if (check.valid || check.reason === 'EXPIRED' || !this.previousSecret) return check;
    return verifyLink(this.previousSecret, link, now);
  }

  /** An absolute URL when the gateway's public URL is configured, otherwise the path under the gateway. */
  urlFor(dossierId: string, now = new Date()): string {
    const path = linkPath(signLink(this.secret, dossierId, new Date(now.getTime() + this.ttlMs)));
    return this.publicUrl ? `${this.publicUrl.replace(/\/$/, '')}${path}` : path;
  }
}

/** Delivery's collaborators, handed to resolvers as ctx.deps. Transports are swappable (tests inject failures through them). */
export interface DeliveryDeps {
  blobs: BlobStore;
  mailer: Mailer;
  sms: SmsSender;
  courier: Courier;
  notifier: Notifier;
  notifications: Queue<NotificationJob>;
  bookings: Queue<BookingJob>;
  /** Every subscriber's event queue, for the administrators' dead letters (failedEvents, replayFailedEvents). */
  events: EventQueues;
  links: DownloadLinks;
  /** Delivery's stores: the commands' one transaction each, or the event consumer's (persistence/stores.ts). */
  stores: DeliveryUnitOfWork;
  /** How often the worker asks the SMS gateway for delivery receipts (SMS_RECEIPT_POLL_SECONDS). */
  smsReceiptPollMs: number;
  /** Set when this process runs the workers (ROLE=worker|all). */
  notificationWorker?: NotificationWorker;
}

export type DeliveryContext = ServiceContext<DeliveryDeps>;

const optionalText = () => variable.text().optional();

/** Delivery's own variables, parsed at start with every service's (service-kit's service-config.ts). */
export const deliverySettings = envGroups({
  blobs: blobStoreEnv,
  mail: z.object({ SMTP_URL: variable.url('smtp', 'smtps').optional(), MAIL_FROM: optionalText() }),
  sms: z
    .object({
      SMS: variable.oneOf(['off']).optional(),
      SMS_GATEWAY_URL: optionalText(),
      SMS_GATEWAY_API_KEY: optionalText(),
      SMS_GATEWAY_USERNAME: optionalText(),
      SMS_GATEWAY_PASSWORD: optionalText(),
      SMS_BRANDNAME: optionalText(),
      SMS_GATEWAY_TIMEOUT_MS: optionalText(),
    })
    // the gateway's own checks (a URL without credentials in it, the brandname's form), now among the start's problems
    .superRefine(checkedBy('SMS_GATEWAY_URL', smsGatewayConfig), ALWAYS),
  courier: z.object({
    COURIER_BASE_URL: variable.httpUrl().optional(),
    COURIER_API_KEY: optionalText(),
    COURIER_USERNAME: optionalText(),
    COURIER_PASSWORD: optionalText(),
    COURIER_TIMEOUT_MS: variable.int(1).optional(),
    COURIER_SIMULATED_FAIL_FIRST: variable.int(0).default(0),
  }),
  delivery: z
    .object({
      NODE_ENV: optionalText(),
      NOTIFICATION_ATTEMPTS: variable.int(1).default(6),
      NOTIFICATION_BACKOFF_MS: variable.int(0).default(2000),
      BOOKING_ATTEMPTS: variable.int(1).default(8),
      BOOKING_BACKOFF_MS: variable.int(0).default(5000),
      SMS_RECEIPT_POLL_SECONDS: variable.positive().default(60),
      DOWNLOAD_LINK_SECRET: optionalText(),
      DOWNLOAD_LINK_PREVIOUS_SECRET: optionalText(),
      DOWNLOAD_LINK_TTL_HOURS: variable.positive().default(72),
    })
    .superRefine((env, ctx) => {
      if (env.NODE_ENV === 'production' && !env.DOWNLOAD_LINK_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['DOWNLOAD_LINK_SECRET'],
          message:
            'must be set in production: every delivery process signs and verifies result download links with it (e.g. `openssl rand -hex 32`)',
        });
      }
    }, ALWAYS),
});
export type DeliverySettings = z.output<typeof deliverySettings>;

export function createDeliveryDeps(runtime: ServiceRuntime<DeliverySettings>): DeliveryDeps {
  const dataDir = runtime.config.dataDir ?? '.data';
  const { blobs, mail, sms, courier, delivery } = runtime.config.settings;
  const nodeEnv = { NODE_ENV: delivery.NODE_ENV };
  const notifications = runtime.queues.queue<NotificationJob>(NOTIFICATION_QUEUE, {
    defaultJobOptions: notificationJobOptions(delivery.NOTIFICATION_ATTEMPTS, delivery.NOTIFICATION_BACKOFF_MS),
  });
  const bookings = runtime.queues.queue<BookingJob>(BOOKING_QUEUE, {
    defaultJobOptions: bookingJobOptions(delivery.BOOKING_ATTEMPTS, delivery.BOOKING_BACKOFF_MS),
  });
  const notifier = new Notifier(notifications);
  return {
    blobs: openBlobStore(blobs, dataDir),
    mailer: mailerFromEnv({ ...mail, ...nodeEnv }, join(dataDir, 'mail', 'sent.jsonl'), runtime.logger),
    sms: smsSenderFromEnv({ ...sms, ...nodeEnv }, join(dataDir, 'sms', 'sent.jsonl'), runtime.logger),
    courier: courierFromSettings(courier, join(dataDir, 'courier', 'bookings.jsonl')),
    notifier,
    stores: new SqlDeliveryUnitOfWork(runtime.db, notifier),
    notifications,
    bookings,
    events: new EventQueues(runtime.queues),
    links: new DownloadLinks(
      linkSecret(runtime, delivery.DOWNLOAD_LINK_SECRET),
      delivery.DOWNLOAD_LINK_TTL_HOURS * 3600_000,
      runtime.config.publicUrl,
      delivery.DOWNLOAD_LINK_PREVIOUS_SECRET,
    ),
    smsReceiptPollMs: delivery.SMS_RECEIPT_POLL_SECONDS * 1000,
  };
}

/**
 * Every delivery process (API replicas, workers) must verify the links any of them signed, so the
 * secret comes from the environment: `npm start` generates one at first start and keeps it under
 * DATA_DIR; production must set it (the schema above refuses to start without). A process started
 * alone elsewhere signs with a random secret of its own (its links verify only there), never with
 * one anybody could read in the source.
 */
function linkSecret(runtime: ServiceRuntime, configured: string | undefined): string {
  if (configured) return configured;
  runtime.logger.warn(
    'DOWNLOAD_LINK_SECRET is unset: download links are signed with a random secret of this process only',
  );
  return randomBytes(32).toString('hex');
}
