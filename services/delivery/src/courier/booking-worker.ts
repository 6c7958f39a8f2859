import type { JobsOptions, Queue, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { QueueConnection } from '@onestop/events';
import { Delivery } from '../persistence';
import { awaitCommit, type WorkerJob } from '../workers/await-commit';
import type { Notifier } from '../notifications/notifier';
import { CourierRefusal, type Courier } from './courier';

export const BOOKING_QUEUE = 'delivery-bookings';

export interface BookingJob {
  dossierId: string;
}

export const bookingJobId = (dossierId: string) => `book-${dossierId}`;

export function bookingJobOptions(attempts: number, backoffMs: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

export function enqueueBooking(queue: Queue<BookingJob>, dossierId: string) {
  return queue.add('book', { dossierId }, { jobId: bookingJobId(dossierId) });
}

/**
 * Books the express-post shipment of a decided dossier's result (status BOOKING → BOOKED, with
 * the tracking number), retried with exponential backoff. When every attempt failed, or the
 * courier refused the booking, the result falls back to the counter and the applicant is told.
 */
export class BookingWorker {
  private worker?: Worker<BookingJob>;

  constructor(
    private readonly opts: {
      db: DataSource;
      queues: QueueConnection;
      courier: () => Courier;
      notifier: Notifier;
      logger: Logger;
    },
  ) {}

  start(): this {
    this.worker = this.opts.queues.worker<BookingJob>(BOOKING_QUEUE, (job, token) => this.process(job, token), {
      concurrency: 4,
    });
    return this;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: WorkerJob<BookingJob>, token?: string): Promise<string> {
    const { db, logger } = this.opts;
    const delivery = await db.getRepository(Delivery).findOneBy({ dossierId: job.data.dossierId });
    // The decision that asked for the booking may not be committed yet.
    if (!delivery || delivery.status === 'AWAITING_RESULT')
      return awaitCommit(job, token, `The decision on ${job.data.dossierId}`);
    if (delivery.status !== 'BOOKING') return `nothing to book (${delivery.status})`;
    let trackingNumber: string;
    try {
      ({ trackingNumber } = await this.opts.courier().book({
        reference: delivery.dossierId,
        dossierCode: delivery.dossierCode,
        recipientName: delivery.applicantName,
        recipientPhone: delivery.applicantPhone,
        address: delivery.address ?? '',
      }));
    } catch (err) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || err instanceof CourierRefusal;
      logger.warn(
        { dossierId: delivery.dossierId, attempt: job.attemptsMade + 1, last, err: (err as Error).message },
        'booking failed',
      );
      if (last) await this.fallBackToCounter(delivery.dossierId, (err as Error).message);
      else
        await db.query(`UPDATE delivery SET booking_error = $2 WHERE dossier_id = $1`, [
          delivery.dossierId,
          (err as Error).message.slice(0, 500),
        ]);
      throw err;
    }
    await db.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE delivery SET status = 'BOOKED', tracking_number = $2, booked_at = now(), booking_error = NULL
          WHERE dossier_id = $1 AND status = 'BOOKING' RETURNING dossier_id`,
        [delivery.dossierId, trackingNumber],
      );
      if (!rows?.length) return;
      const booked = await manager.findOneByOrFail(Delivery, { dossierId: delivery.dossierId });
      await this.opts.notifier.notify(manager, booked, 'RESULT_READY');
    });
    return trackingNumber;
  }

  private async fallBackToCounter(dossierId: string, reason: string): Promise<void> {
    await this.opts.db.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE delivery SET status = 'READY', counter_fallback = true, booking_error = $2
          WHERE dossier_id = $1 AND status = 'BOOKING' RETURNING dossier_id`,
        [dossierId, reason.slice(0, 500)],
      );
      if (!rows?.length) return;
      const delivery = await manager.findOneByOrFail(Delivery, { dossierId });
      await this.opts.notifier.notify(manager, delivery, 'RESULT_READY');
    });
  }
}
