import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Officers' reads of an applicant's contact data and record list (issue 16), append-only like record_access. */
export class PersonalDataAccess1764000016300 implements MigrationInterface {
  name = 'PersonalDataAccess1764000016300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_access (
        id bigserial PRIMARY KEY,
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        what text NOT NULL CHECK (what IN ('CONTACT', 'RECORDS')),
        reader_id text NOT NULL,
        reader_name text NOT NULL,
        reader_role text NOT NULL,
        reader_centre text,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX personal_data_access_applicant ON personal_data_access (applicant_id, at)`);
    await db.query(`
      CREATE FUNCTION personal_data_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'personal_data_access is append-only'; END $$`);
    await db.query(
      `CREATE TRIGGER personal_data_access_no_change BEFORE UPDATE OR DELETE ON personal_data_access FOR EACH ROW EXECUTE FUNCTION personal_data_access_append_only()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE personal_data_access`);
    await db.query(`DROP FUNCTION personal_data_access_append_only()`);
  }
}
