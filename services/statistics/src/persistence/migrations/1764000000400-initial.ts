import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Statistics' read models: one fact per dossier, the counters, the hourly traffic and the procedure labels. */
export class Initial1764000000400 implements MigrationInterface {
  name = 'Initial1764000000400';

  async up(db: QueryRunner): Promise<void> {
    // No personal data: no applicant, no contact, no document; only what form II.06a needs.
    await db.query(`
      CREATE TABLE dossier_fact (
        dossier_id uuid PRIMARY KEY,
        code text NOT NULL,
        centre_id uuid NOT NULL,
        level text NOT NULL,
        procedure_id uuid NOT NULL,
        procedure_code text NOT NULL,
        sector text NOT NULL,
        channel text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz,
        due_at timestamptz,
        apology_due_at timestamptz,
        overdue_from date,
        state text NOT NULL,
        national_status_code int NOT NULL,
        state_at timestamptz NOT NULL,
        resolved_at timestamptz,
        decision text,
        outcome text,
        processing_days numeric(12,4),
        closed_at timestamptz,
        returned_at timestamptz,
        satisfaction text,
        rated_at timestamptz
      )`);
    await db.query(`CREATE INDEX dossier_fact_received ON dossier_fact (centre_id, received_at)`);
    await db.query(
      `CREATE INDEX dossier_fact_resolved ON dossier_fact (centre_id, resolved_at) WHERE resolved_at IS NOT NULL`,
    );

    // dim: C centre (value = centre id), L level, P procedure code, S sector, H channel.
    // grain: D day, M month (bucket = its first day), Y year (bucket = 1 January).
    await db.query(`
      CREATE TABLE counter (
        dim char(1) NOT NULL,
        centre_id uuid NOT NULL,
        grain char(1) NOT NULL,
        bucket date NOT NULL,
        value text NOT NULL,
        received_online int NOT NULL DEFAULT 0,
        received_offline int NOT NULL DEFAULT 0,
        resolved_early int NOT NULL DEFAULT 0,
        resolved_on_time int NOT NULL DEFAULT 0,
        resolved_late int NOT NULL DEFAULT 0,
        processing_days numeric(16,4) NOT NULL DEFAULT 0,
        closed_unresolved int NOT NULL DEFAULT 0,
        overdue_delta int NOT NULL DEFAULT 0,
        ratings int NOT NULL DEFAULT 0,
        ratings_satisfied int NOT NULL DEFAULT 0,
        PRIMARY KEY (dim, centre_id, grain, bucket, value)
      )`);

    await db.query(`
      CREATE TABLE traffic_hour (
        centre_id uuid NOT NULL,
        day date NOT NULL,
        hour smallint NOT NULL,
        received int NOT NULL DEFAULT 0,
        at_counter int NOT NULL DEFAULT 0,
        PRIMARY KEY (centre_id, day, hour)
      )`);

    await db.query(`
      CREATE TABLE procedure_label (
        code text PRIMARY KEY,
        name text NOT NULL,
        sector text NOT NULL,
        version int NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE procedure_label`);
    await db.query(`DROP TABLE traffic_hour`);
    await db.query(`DROP TABLE counter`);
    await db.query(`DROP TABLE dossier_fact`);
  }
}
