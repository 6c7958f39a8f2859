import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The record access log: every read of a record's content (issue 7, "who looked at my documents"). */
export class RecordAccess1764000007100 implements MigrationInterface {
  name = 'RecordAccess1764000007100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE record_access (
        id bigserial PRIMARY KEY,
        record_id uuid NOT NULL REFERENCES digital_record (id),
        dossier_id uuid,
        reader_id text NOT NULL,
        reader_name text NOT NULL,
        reader_role text NOT NULL,
        reader_centre text,
        purpose text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX record_access_record ON record_access (record_id, at)`);
    // Append-only: a log that can be edited proves nothing.
    await db.query(`
      CREATE FUNCTION record_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'record_access is append-only'; END $$`);
    await db.query(
      `CREATE TRIGGER record_access_no_change BEFORE UPDATE OR DELETE ON record_access FOR EACH ROW EXECUTE FUNCTION record_access_append_only()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE record_access`);
    await db.query(`DROP FUNCTION record_access_append_only()`);
  }
}
