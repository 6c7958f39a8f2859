import type { EntityManager } from 'typeorm';

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
