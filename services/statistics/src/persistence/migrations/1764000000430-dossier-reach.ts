import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may read a dossier's outcome, as intake and processing decide it for the rest of the
 * dossier: officers of its processing centre too (after a transfer, not the receiving one), from
 * the events statistics already consumes. (The applicant is recognised by intake, which statistics
 * asks through federation: statistics keeps no personal data.) Facts written before have none:
 * their outcome stays the receiving centre's side's.
 */
export class DossierReach1764000000430 implements MigrationInterface {
  name = 'DossierReach1764000000430';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_fact ADD COLUMN processing_centre_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_fact DROP COLUMN processing_centre_id`);
  }
}
