import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { EventQueues } from '@onestop/events';
import { blobStoreFromEnv, type BlobStore } from '@onestop/blob-store';
import type { ServiceContext, ServiceRuntime } from '@onestop/service-kit';
import { courierFromEnv, type Courier } from './courier/courier';
import { BOOKING_QUEUE, bookingJobOptions, type BookingJob } from './courier/booking-worker';
import { linkPath, signLink, verifyLink, type LinkCheck } from './domain/download-link';
import { mailerFromEnv, type Mailer } from './notifications/mailer';
import { NOTIFICATION_QUEUE, Notifier, notificationJobOptions, type NotificationJob } from './notifications/notifier';
import type { NotificationWorker } from './notifications/notification-worker';
import { smsSenderFromEnv, type SmsSender } from './notifications/sms';
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

const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);
const positive = (name: string, value: string | undefined, fallback: number) => {
  const n = number(value, fallback);
  if (!(n > 0)) throw new Error(`${name}=${value} must be a positive number`);
  return n;
};

export function createDeliveryDeps(runtime: ServiceRuntime, env: NodeJS.ProcessEnv = process.env): DeliveryDeps {
  const dataDir = runtime.config.dataDir ?? '.data';
  const notifications = runtime.queues.queue<NotificationJob>(NOTIFICATION_QUEUE, {
    defaultJobOptions: notificationJobOptions(number(env.NOTIFICATION_ATTEMPTS, 6), number(env.NOTIFICATION_BACKOFF_MS, 2000)),
  });
  const bookings = runtime.queues.queue<BookingJob>(BOOKING_QUEUE, {
    defaultJobOptions: bookingJobOptions(number(env.BOOKING_ATTEMPTS, 8), number(env.BOOKING_BACKOFF_MS, 5000)),
  });
  const notifier = new Notifier(notifications);
  return {
    blobs: blobStoreFromEnv(env, dataDir),
    mailer: mailerFromEnv(env, join(dataDir, 'mail', 'sent.jsonl'), runtime.logger),
    sms: smsSenderFromEnv(env, join(dataDir, 'sms', 'sent.jsonl'), runtime.logger),
    courier: courierFromEnv(env, join(dataDir, 'courier', 'bookings.jsonl')),
    notifier,
    stores: new SqlDeliveryUnitOfWork(runtime.db, notifier),
    notifications,
    bookings,
    events: new EventQueues(runtime.queues),
    links: new DownloadLinks(
      linkSecret(runtime, env),
      number(env.DOWNLOAD_LINK_TTL_HOURS, 72) * 3600_000,
      runtime.config.publicUrl,
      env.DOWNLOAD_LINK_PREVIOUS_SECRET || undefined,
    ),
    smsReceiptPollMs: positive('SMS_RECEIPT_POLL_SECONDS', env.SMS_RECEIPT_POLL_SECONDS, 60) * 1000,
  };
}

/**
 * Every delivery process (API replicas, workers) must verify the links any of them signed, so the
 * secret comes from the environment: `npm start` generates one at first start and keeps it under
 * DATA_DIR; production must set it. A process started alone elsewhere signs with a random secret
 * of its own (its links verify only there), never with one anybody could read in the source.
 */
function linkSecret(runtime: ServiceRuntime, env: NodeJS.ProcessEnv): string {
  if (env.DOWNLOAD_LINK_SECRET) return env.DOWNLOAD_LINK_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error('DOWNLOAD_LINK_SECRET must be set in production: every delivery process signs and verifies result download links with it (e.g. `openssl rand -hex 32`).');
  }
  runtime.logger.warn('DOWNLOAD_LINK_SECRET is unset: download links are signed with a random secret of this process only');
  return randomBytes(32).toString('hex');
}
