import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each outbox row was written, by the database's clock. `occurred_at` is the domain's
 * instant (an imported history's is years back; a test's may be in the future), so the event lag
 * (written → applied) and the age of the oldest unrelayed row are measured from this instead. A
 * non-volatile default: the column is added without rewriting the table, old rows get the migration's time.
 */
export class OutboxCreatedAt1764000019000 implements MigrationInterface {
  name = 'OutboxCreatedAt1764000019000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP COLUMN created_at`);
  }
}
