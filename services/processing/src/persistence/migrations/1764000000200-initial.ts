import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000200 implements MigrationInterface {
  name = 'Initial1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        status text NOT NULL,
        channel text NOT NULL,
        processing_centre_id uuid NOT NULL,
        receiving_centre_id uuid NOT NULL,
        procedure_code text NOT NULL,
        procedure_name text NOT NULL,
        applicant_identity_number text NOT NULL,
        applicant_name text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz,
        due_at timestamptz,
        statutory_due_at timestamptz,
        resolved_at timestamptz,
        workflow_version int NOT NULL DEFAULT 0,
        steps jsonb NOT NULL DEFAULT '[]',
        step_index int NOT NULL DEFAULT 0,
        step_started_at timestamptz,
        step_due_at timestamptz,
        inbox_role text,
        paused_at timestamptz,
        paused_remaining_minutes double precision,
        paused_statutory_minutes double precision,
        paused_step_minutes double precision,
        sla_state text NOT NULL DEFAULT 'ON_TRACK',
        decision text,
        result jsonb,
        version int NOT NULL DEFAULT 0
      )`);
    // The inbox: a centre's dossiers awaiting a role, most urgent step first. Partial, so closed
    // dossiers (the great majority after a year) cost the index nothing.
    await db.query(
      `CREATE INDEX dossier_inbox ON dossier (processing_centre_id, inbox_role, step_due_at, id) WHERE inbox_role IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX dossier_inbox_all_roles ON dossier (processing_centre_id, step_due_at, id) WHERE inbox_role IS NOT NULL`,
    );
    // The SLA watch scans running clocks by statutory due date.
    await db.query(
      `CREATE INDEX dossier_sla_watch ON dossier (statutory_due_at) WHERE status IN ('RECEIVED', 'PROCESSING')`,
    );

    await db.query(`
      CREATE TABLE workflow_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_code text NOT NULL,
        version int NOT NULL,
        steps jsonb NOT NULL,
        defined_at timestamptz NOT NULL,
        defined_by text NOT NULL,
        UNIQUE (procedure_code, version)
      )`);

    await db.query(`
      CREATE TABLE dossier_history (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        action text NOT NULL,
        actor_id text,
        actor_name text NOT NULL,
        actor_role text,
        centre_id uuid NOT NULL,
        at timestamptz NOT NULL,
        note text,
        step_code text,
        step_due_at timestamptz,
        step_outcome text
      )`);
    await db.query(`CREATE INDEX dossier_history_dossier ON dossier_history (dossier_id, id)`);
    // The control slip is evidence: once written, a line is never changed or removed.
    await db.query(`
      CREATE FUNCTION dossier_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_history is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_history_no_update_or_delete BEFORE UPDATE OR DELETE ON dossier_history
      FOR EACH ROW EXECUTE FUNCTION dossier_history_append_only()`);
    await db.query(`
      CREATE TRIGGER dossier_history_no_truncate BEFORE TRUNCATE ON dossier_history
      FOR EACH STATEMENT EXECUTE FUNCTION dossier_history_append_only()`);

    await db.query(`
      CREATE TABLE clock_pause (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        kind text NOT NULL,
        reason text NOT NULL,
        component_codes text[] NOT NULL DEFAULT '{}',
        amount_vnd bigint,
        centre_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_by text NOT NULL,
        remaining_minutes double precision,
        resumed_at timestamptz
      )`);
    await db.query(`CREATE INDEX clock_pause_dossier ON clock_pause (dossier_id, requested_at)`);

    await db.query(`
      CREATE TABLE apology (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        reason text NOT NULL,
        previous_due_at timestamptz NOT NULL,
        new_due_at timestamptz NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,
        centre_id uuid NOT NULL
      )`);
    await db.query(`CREATE INDEX apology_dossier ON apology (dossier_id, issued_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE apology, clock_pause, dossier_history, workflow_template, dossier`);
    await db.query(`DROP FUNCTION dossier_history_append_only`);
  }
}
