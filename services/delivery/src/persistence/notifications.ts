import { sqlColumns } from '@onestop/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind, TemplateFacts } from '../domain/templates';
import type { Notifier } from '../notifications/notifier';
import type { Delivery } from './entities/delivery.entity';
import { Notification, type NotificationStatus } from './entities/notification.entity';

/** The messages to a dossier's applicant, one row per channel, each with its sending job. */
export interface NotificationStore {
  /** Queues a message to the applicant on every channel they gave (rows in this transaction, jobs with them). */
  notify(delivery: Delivery, kind: NotificationKind, facts?: Partial<TemplateFacts>): Promise<void>;
  /** The notification, its row locked to commit. */
  lock(id: string): Promise<Notification | null>;
  /** Queued again (row and job): a fresh series of attempts. */
  requeue(notification: Notification): Promise<void>;
}

export class SqlNotificationStore implements NotificationStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly notifier: Notifier,
  ) {}

  async notify(delivery: Delivery, kind: NotificationKind, facts: Partial<TemplateFacts> = {}): Promise<void> {
    await this.notifier.notify(this.manager, delivery, kind, facts);
  }

  lock(id: string): Promise<Notification | null> {
    return this.manager.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async requeue(notification: Notification): Promise<void> {
    notification.status = 'QUEUED';
    await requeueNotification(this.manager, notification.id);
    await this.notifier.requeue(notification.id);
  }
}

/**
 * A notification queued again for sending. One the gateway accepted and then reported undelivered
 * is a new message to it, so it takes the next key of its series (domain/idempotency.ts).
 */
export async function requeueNotification(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    `UPDATE notification SET status = 'QUEUED', series = series + CASE WHEN provider_message_id IS NULL THEN 0 ELSE 1 END,
            provider_message_id = NULL, delivered_at = NULL WHERE id = $1`,
    [id],
  );
}

/** A dossier's notifications, oldest first. */
export function notificationsOf(db: DataSource, dossierId: string): Promise<Notification[]> {
  return db.getRepository(Notification).find({ where: { dossierId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** Notifications that failed every attempt (and, on request, those NOT_SENT), newest first, with their dossier's code. */
export function failedNotifications(
  db: DataSource,
  limit: number,
  statuses: NotificationStatus[],
): Promise<Array<Notification & { dossierCode: string }>> {
  return db.query(
    `SELECT n.id, n.dossier_id AS "dossierId", d.dossier_code AS "dossierCode", n.kind, n.channel, n.status, n.recipient,
            n.subject, n.attempts, n.last_error AS "lastError", n.created_at AS "createdAt", n.sent_at AS "sentAt"
       FROM notification n JOIN delivery d ON d.dossier_id = n.dossier_id
      WHERE n.status = ANY($2) ORDER BY n.created_at DESC LIMIT $1`,
    [limit, statuses],
  );
}

/**
 * A notification for its worker to send, read FOR SHARE: it waits for a resend in progress (which
 * holds the row FOR UPDATE until it commits). One statement, so its own transaction: the lock is
 * needed only for the read, and no BEGIN and COMMIT are sent around it (two statements fewer per
 * notification).
 */
export async function notificationToSend(db: DataSource, id: string): Promise<Notification | null> {
  const columns = sqlColumns(db.manager, Notification)
    .map((c) => `${c.name} AS "${c.property}"`)
    .join(', ');
  const [row] = await db.query(`SELECT ${columns} FROM notification WHERE id = $1 FOR SHARE`, [id]);
  return row ?? null;
}
