import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000300 implements MigrationInterface {
  name = 'Initial1764000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE delivery (
        dossier_id uuid PRIMARY KEY,
        dossier_code text NOT NULL,
        procedure_name text,
        receiving_centre_id uuid NOT NULL,
        method text NOT NULL,
        status text NOT NULL,
        counter_fallback boolean NOT NULL DEFAULT false,
        address text,
        tracking_number text UNIQUE,
        applicant_identity_number text NOT NULL,
        applicant_name text NOT NULL,
        applicant_phone text,
        applicant_email text,
        decision text,
        result jsonb,
        ready_at timestamptz,
        booked_at timestamptz,
        booking_error text,
        returned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX notification_dossier ON notification (dossier_id)`);
    await db.query(`CREATE INDEX notification_failed ON notification (created_at) WHERE status = 'FAILED'`);
    await db.query(`
      CREATE TABLE postal_event (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        tracking_number text NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX postal_event_dossier ON postal_event (dossier_id)`);
    await db.query(`
      CREATE TABLE satisfaction_rating (
        dossier_id uuid PRIMARY KEY,
        overall text NOT NULL,
        comment text,
        rated_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE satisfaction_rating`);
    await db.query(`DROP TABLE postal_event`);
    await db.query(`DROP TABLE notification`);
    await db.query(`DROP TABLE delivery`);
  }
}
