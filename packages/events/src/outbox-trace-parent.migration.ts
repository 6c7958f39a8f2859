import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace that wrote an outbox row (its W3C traceparent), so that the relay and the subscribers
 * continue it across the asynchronous hop; null when tracing is off.
 */
export class OutboxTraceParent1764000020000 implements MigrationInterface {
  name = 'OutboxTraceParent1764000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN trace_parent text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP COLUMN trace_parent`);
  }
}
