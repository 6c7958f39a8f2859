import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed documents processing issued (slips and letters as PDF): each is rendered and signed
 * once, kept in the blob store under its SHA-256, and served as kept from then on, so that the
 * file a citizen or an archive holds is the one whose hash is stored here. Append-only, as the
 * control slip is: an issued document is never rewritten (a new one is a new row).
 */
export class IssuedDocuments1764000000250 implements MigrationInterface {
  name = 'IssuedDocuments1764000000250';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE issued_document (
        dossier_id uuid NOT NULL,
        kind text NOT NULL,
        source_key text NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes integer NOT NULL,
        signer_certificate_sha256 char(64),
        issued_at timestamptz NOT NULL,
        PRIMARY KEY (dossier_id, kind, source_key)
      )`);
    await db.query(`
      CREATE FUNCTION issued_document_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued_document is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(
      `CREATE TRIGGER issued_document_no_update_or_delete BEFORE UPDATE OR DELETE ON issued_document FOR EACH ROW EXECUTE FUNCTION issued_document_append_only()`,
    );
    await db.query(
      `CREATE TRIGGER issued_document_no_truncate BEFORE TRUNCATE ON issued_document FOR EACH STATEMENT EXECUTE FUNCTION issued_document_append_only()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE issued_document`);
    await db.query(`DROP FUNCTION issued_document_append_only`);
  }
}
