import type { Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { QueueConnection } from '@onestop/events';
import { Notification } from '../persistence';
import { awaitCommit, type WorkerJob } from '../workers/await-commit';
import type { Mailer } from './mailer';
import { NotSentError } from './record';
import { NOTIFICATION_QUEUE, type NotificationJob } from './notifier';
import type { SmsSender } from './sms';

export interface NotificationSenders {
  mailer: Mailer;
  sms: SmsSender;
}

/**
 * Sends queued notifications. A notification is sent once in effect: the worker skips a row
 * already SENT (a job run again after a crash or a stalled lock), records SENT as soon as the
 * transport accepted the message, and marks the row FAILED when the last attempt failed.
 * The one window left, a crash between the transport's acceptance and the SENT write, would
 * send twice; the email's Message-ID is the notification id, so mail servers can drop the copy.
 * A channel without a transport (no SMS gateway in production, SMS=off) marks the row NOT_SENT
 * with the reason, at once and without retries: nothing claims a message that nobody sent.
 */
export class NotificationWorker {
  private worker?: Worker<NotificationJob>;

  constructor(
    private readonly opts: { db: DataSource; queues: QueueConnection; senders: () => NotificationSenders; logger: Logger; concurrency?: number },
  ) {}

  start(): this {
    if (this.worker) return this;
    this.worker = this.opts.queues.worker<NotificationJob>(NOTIFICATION_QUEUE, (job, token) => this.process(job, token), {
      concurrency: this.opts.concurrency ?? 16,
    });
    return this;
  }

  /** Stops taking jobs and waits for those in hand. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
  }

  get running(): boolean {
    return !!this.worker;
  }

  async process(job: WorkerJob<NotificationJob>, token?: string): Promise<string> {
    const { db } = this.opts;
    const n = await db.getRepository(Notification).findOneBy({ id: job.data.notificationId });
    if (!n) return awaitCommit(job, token, `Notification ${job.data.notificationId}`);
    if (n.status === 'SENT') return 'already sent';
    try {
      const { mailer, sms } = this.opts.senders();
      if (n.channel === 'EMAIL') await mailer.send({ id: n.id, to: n.recipient, subject: n.subject, text: n.body });
      else await sms.send({ id: n.id, to: n.recipient, text: n.body });
    } catch (err) {
      if (err instanceof NotSentError) return this.notSent(n, err.message);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await db.query(
        `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END
          WHERE id = $1 AND status <> 'SENT'`,
        [n.id, String((err as Error).message ?? err).slice(0, 500), last],
      );
      this.opts.logger.warn({ notificationId: n.id, channel: n.channel, last, err: (err as Error).message }, 'notification not sent');
      throw err;
    }
    await db.query(
      `UPDATE notification SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1 AND status <> 'SENT'`,
      [n.id],
    );
    return 'sent';
  }

  private async notSent(n: Notification, reason: string): Promise<string> {
    await this.opts.db.query(`UPDATE notification SET status = 'NOT_SENT', last_error = $2 WHERE id = $1 AND status <> 'SENT'`, [n.id, reason]);
    return 'not sent';
  }
}
