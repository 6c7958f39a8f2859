import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The centre that processes the dossier now (after a transfer, not the receiving one), from
 * processing's DossierStatusChanged: its officers read the dossier's delivery like the receiving
 * centre's. Null until the first status change; the receiving centre is the processing one until then.
 */
export class ProcessingCentre1764000000345 implements MigrationInterface {
  name = 'ProcessingCentre1764000000345';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery ADD COLUMN processing_centre_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery DROP COLUMN processing_centre_id`);
  }
}
