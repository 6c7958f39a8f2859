import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The aggregates a command of this service is waiting on (AppliedEvents): the consumer announces
 * an applied event only about those, so that no other commit pays for a notification. Unlogged:
 * a row lives a few seconds, and a crash only ends waits that would have ended anyway.
 */
export class AwaitedEvents1764000009000 implements MigrationInterface {
  name = 'AwaitedEvents1764000009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE UNLOGGED TABLE awaited_event (id uuid PRIMARY KEY, aggregate_id text NOT NULL, until timestamptz NOT NULL)`,
    );
    await db.query(`CREATE INDEX awaited_event_aggregate ON awaited_event (aggregate_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE awaited_event`);
  }
}
