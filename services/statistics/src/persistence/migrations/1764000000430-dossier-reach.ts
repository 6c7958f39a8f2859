import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may read a dossier's outcome, as intake and processing decide it for the rest of the
 * dossier: officers of its processing centre (after a transfer, not the receiving one) and its
 * applicant. Both come from the events statistics already consumes; the applicant is kept as a
 * digest of the identity number (domain/applicant-digest.ts), never the number itself.
 * Facts written before have neither: their outcome stays the receiving centre's side's.
 */
export class DossierReach1764000000430 implements MigrationInterface {
  name = 'DossierReach1764000000430';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_fact ADD COLUMN processing_centre_id uuid, ADD COLUMN applicant_digest text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_fact DROP COLUMN processing_centre_id, DROP COLUMN applicant_digest`);
  }
}
