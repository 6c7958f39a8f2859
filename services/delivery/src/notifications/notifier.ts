import { randomUUID } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { render, type NotificationChannel, type NotificationKind, type TemplateFacts } from '../domain/templates';
import { Notification, type Delivery } from '../persistence';

export const NOTIFICATION_QUEUE = 'delivery-notifications';

export interface NotificationJob {
  notificationId: string;
}

export function notificationJobOptions(attempts: number, backoffMs: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // Failed jobs stay for the dashboard; the notification row is what resendNotification works from.
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/**
 * Queues notifications to a dossier's applicant: one row per channel the applicant gave (email,
 * phone), written through the caller's transaction, and one job per row, added before that
 * transaction commits. So a committed notification always has its job; a job whose transaction
 * rolled back finds no row and is dropped (see workers/await-commit.ts for a job that starts
 * before its transaction has committed).
 */
export class Notifier {
  constructor(private readonly queue: Queue<NotificationJob>) {}

  async notify(
    manager: EntityManager,
    delivery: Delivery,
    kind: NotificationKind,
    facts: Partial<TemplateFacts> = {},
  ): Promise<Notification[]> {
    const message = render(kind, {
      code: delivery.dossierCode,
      fullName: delivery.applicantName,
      procedureName: delivery.procedureName,
      method: delivery.method,
      counterFallback: delivery.counterFallback,
      trackingNumber: delivery.trackingNumber,
      ...facts,
    });
    const targets: Array<[NotificationChannel, string | null]> = [
      ['EMAIL', delivery.applicantEmail],
      ['SMS', delivery.applicantPhone],
    ];
    const rows = targets
      .filter((t): t is [NotificationChannel, string] => !!t[1])
      .map(([channel, recipient]) =>
        manager.create(Notification, {
          id: randomUUID(),
          dossierId: delivery.dossierId,
          kind,
          channel,
          recipient,
          subject: message.subject,
          body: channel === 'EMAIL' ? message.text : message.short,
          status: 'QUEUED',
          attempts: 0,
          lastError: null,
          sentAt: null,
          providerMessageId: null,
          deliveredAt: null,
          series: 0,
        }),
      );
    if (rows.length === 0) return [];
    await manager.insert(Notification, rows);
    await this.queue.addBulk(
      rows.map((n) => ({ name: n.kind, data: { notificationId: n.id }, opts: { jobId: n.id } })),
    );
    return rows;
  }

  /** Puts a notification that failed every attempt back in line, as a fresh series of attempts. */
  async requeue(notificationId: string): Promise<void> {
    const job = await this.queue.getJob(notificationId);
    if (job && (await job.isFailed())) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } else if (!job || (await job.isCompleted())) {
      if (job) await job.remove();
      await this.queue.add('RESEND', { notificationId }, { jobId: notificationId });
    }
  }
}
