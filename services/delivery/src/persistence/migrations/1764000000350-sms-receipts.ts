import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the SMS gateway said of a notification: its message id (to poll the delivery receipt), when
 * the handset got it, and the series of sends (a resend after an undelivered receipt is a new
 * message to the gateway, under a key of its own).
 */
export class SmsReceipts1764000000350 implements MigrationInterface {
  name = 'SmsReceipts1764000000350';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE notification ADD COLUMN provider_message_id text, ADD COLUMN delivered_at timestamptz, ADD COLUMN series int NOT NULL DEFAULT 0`,
    );
    await db.query(
      `CREATE INDEX notification_receipt_pending ON notification (sent_at) WHERE status = 'SENT' AND delivered_at IS NULL AND provider_message_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notification_receipt_pending`);
    await db.query(
      `ALTER TABLE notification DROP COLUMN provider_message_id, DROP COLUMN delivered_at, DROP COLUMN series`,
    );
  }
}
