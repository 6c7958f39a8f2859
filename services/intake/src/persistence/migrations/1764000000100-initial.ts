import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000100 implements MigrationInterface {
  name = 'Initial1764000000100';

  async up(db: QueryRunner): Promise<void> {
    // The references to dossier from its records, components and reuse log are checked at commit:
    // reception writes them first and takes the per-centre sequence last, to hold its lock briefly.
    await db.query(`
      CREATE TABLE centre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
        parent_id uuid REFERENCES centre(id)
      )`);
    await db.query(`CREATE INDEX centre_parent ON centre (parent_id)`);
    await db.query(`
      CREATE TABLE calendar_day (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY','MAKEUP_WORKDAY','ORDINARY')),
        name text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE procedure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version int NOT NULL,
        current boolean NOT NULL DEFAULT true,
        name text NOT NULL,
        sector text NOT NULL,
        levels text[] NOT NULL,
        fee_vnd int NOT NULL CHECK (fee_vnd >= 0),
        time_amount int NOT NULL CHECK (time_amount > 0),
        time_unit text NOT NULL,
        components jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      )`);
    await db.query(`CREATE UNIQUE INDEX procedure_current ON procedure (code) WHERE current`);
    await db.query(`
      CREATE TABLE applicant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        identity_number text NOT NULL UNIQUE,
        full_name text NOT NULL,
        phone text,
        email text,
        address text
      )`);
    await db.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        procedure_id uuid NOT NULL REFERENCES procedure(id),
        centre_id uuid NOT NULL REFERENCES centre(id),
        applicant_id uuid NOT NULL REFERENCES applicant(id),
        channel text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz,
        reception_day date,
        status text NOT NULL,
        national_status_code int NOT NULL,
        due_at timestamptz,
        status_at timestamptz NOT NULL,
        processing_centre_id uuid,
        remaining_working_minutes double precision,
        requested_component_codes text[],
        delivery_method text NOT NULL,
        delivery_address text,
        idempotency_key text UNIQUE
      )`);
    await db.query(`CREATE INDEX dossier_applicant ON dossier (applicant_id)`);
    await db.query(`
      CREATE TABLE dossier_sequence (
        centre_id uuid NOT NULL REFERENCES centre(id),
        day date NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (centre_id, day)
      )`);
    await db.query(`
      CREATE TABLE digital_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_identity_number text NOT NULL,
        document_type text NOT NULL,
        title text NOT NULL,
        file_name text,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL,
        mime_type text NOT NULL,
        valid_until date,
        digitised_at_centre_id uuid REFERENCES centre(id),
        source_dossier_id uuid REFERENCES dossier(id) DEFERRABLE INITIALLY DEFERRED,
        reuse_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX digital_record_owner ON digital_record (owner_identity_number)`);
    await db.query(`CREATE INDEX digital_record_sha256 ON digital_record (sha256)`);
    await db.query(`
      CREATE TABLE dossier_component (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier(id) DEFERRABLE INITIALLY DEFERRED,
        component_code text NOT NULL,
        record_id uuid NOT NULL REFERENCES digital_record(id),
        reused boolean NOT NULL,
        supplement boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX dossier_component_dossier ON dossier_component (dossier_id)`);
    await db.query(`
      CREATE TABLE record_reuse (
        id bigserial PRIMARY KEY,
        record_id uuid NOT NULL REFERENCES digital_record(id),
        dossier_id uuid NOT NULL REFERENCES dossier(id) DEFERRABLE INITIALLY DEFERRED,
        centre_id uuid NOT NULL REFERENCES centre(id),
        officer_id text NOT NULL,
        officer_name text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX record_reuse_record ON record_reuse (record_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'record_reuse',
      'dossier_component',
      'digital_record',
      'dossier_sequence',
      'dossier',
      'applicant',
      'procedure',
      'calendar_day',
      'centre',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
