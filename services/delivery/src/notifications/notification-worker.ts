import { DelayedError, UnrecoverableError, type Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { QueueConnection } from '@onestop/events';
import type { Notification } from '../persistence';
import { notificationToSend } from '../persistence/notifications';
import { awaitCommit, type WorkerJob } from '../workers/await-commit';
import type { Mailer } from './mailer';
import { notificationKey } from '../domain/idempotency';
import { NotSentError, PermanentRefusal, Throttled } from './record';
import { NOTIFICATION_QUEUE, type NotificationJob } from './notifier';
import type { SmsSender } from './sms';

export interface NotificationSenders {
  mailer: Mailer;
  sms: SmsSender;
}

/**
 * Sends queued notifications. A notification is sent once in effect: the worker skips a row
 * already SENT (a job run again after a crash or a stalled lock), records SENT as soon as the
 * transport accepted the message, and marks the row FAILED when the last attempt failed or the
 * receiver refused it for good (a 4xx: no retry would change its mind).
 * The one window left, a crash between the transport's acceptance and the SENT write, hands the
 * message over again after the restart; it carries the same idempotency key (the notification id:
 * the SMS gateway's Idempotency-Key, the email's Message-ID), so the receiver drops the copy.
 * A throttled receiver (429) is called again when it says, without spending an attempt.
 * A channel without a transport (no SMS gateway in production, SMS=off) marks the row NOT_SENT
 * with the reason, at once and without retries: nothing claims a message that nobody sent.
 */
export class NotificationWorker {
  private worker?: Worker<NotificationJob>;

  constructor(
    private readonly opts: {
      db: DataSource;
      queues: QueueConnection;
      senders: () => NotificationSenders;
      logger: Logger;
      concurrency?: number;
    },
  ) {}

  start(): this {
    if (this.worker) return this;
    this.worker = this.opts.queues.worker<NotificationJob>(
      NOTIFICATION_QUEUE,
      (job, token) => this.process(job, token),
      {
        concurrency: this.opts.concurrency ?? 16,
      },
    );
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
    // FOR SHARE waits for a resend in progress (it holds the row FOR UPDATE and adds this job before it commits),
    // so the row is read as that resend leaves it: its new series, hence its new key, not the old one.
    const n = await notificationToSend(db, job.data.notificationId);
    if (!n) return awaitCommit(job, token, `Notification ${job.data.notificationId}`);
    if (n.status === 'SENT') return 'already sent';
    const key = notificationKey(n.id, n.series);
    let providerMessageId: string | null = null;
    try {
      const { mailer, sms } = this.opts.senders();
      if (n.channel === 'EMAIL') await mailer.send({ id: key, to: n.recipient, subject: n.subject, text: n.body });
      else providerMessageId = (await sms.send({ id: key, to: n.recipient, text: n.body }))?.providerMessageId ?? null;
    } catch (err) {
      if (err instanceof NotSentError) return this.notSent(n, err.message);
      const message = String((err as Error).message ?? err).slice(0, 500);
      if (err instanceof Throttled && token) {
        await db.query(`UPDATE notification SET last_error = $2 WHERE id = $1 AND status <> 'SENT'`, [n.id, message]);
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError(`throttled: again in ${err.retryAfterMs} ms`);
      }
      const refused = err instanceof PermanentRefusal;
      const last = refused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await db.query(
        `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END
          WHERE id = $1 AND status <> 'SENT'`,
        [n.id, message, last],
      );
      this.opts.logger.warn(
        { notificationId: n.id, channel: n.channel, last, refused, err: message },
        'notification not sent',
      );
      throw refused ? new UnrecoverableError(message) : err;
    }
    await db.query(
      `UPDATE notification SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL, provider_message_id = $2
        WHERE id = $1 AND status <> 'SENT'`,
      [n.id, providerMessageId],
    );
    return 'sent';
  }

  private async notSent(n: Notification, reason: string): Promise<string> {
    await this.opts.db.query(
      `UPDATE notification SET status = 'NOT_SENT', last_error = $2 WHERE id = $1 AND status <> 'SENT'`,
      [n.id, reason],
    );
    return 'not sent';
  }
}
