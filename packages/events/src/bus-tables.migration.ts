import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and the inbox of processed events; every service runs it in its own schema. */
export class BusTables1764000000000 implements MigrationInterface {
  name = 'BusTables1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox (
        sequence bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        version int NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text,
        occurred_at timestamptz NOT NULL,
        relayed_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox (sequence) WHERE relayed_at IS NULL`);
    await db.query(`CREATE INDEX outbox_aggregate ON outbox (aggregate_id)`);
    await db.query(`
      CREATE TABLE processed_event (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Wakes the relay as soon as a transaction that wrote events commits.
    await db.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, ''); RETURN NULL; END $$`);
    await db.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE processed_event`);
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP FUNCTION outbox_notify()`);
  }
}
