import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong verifiers per dossier code (issue 16): rate-limiter-flexible's PostgreSQL store, so that
 * every intake process counts the same failures. The columns are the ones that library uses.
 */
export class TrackingFailure1764000016200 implements MigrationInterface {
  name = 'TrackingFailure1764000016200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tracking_failure (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tracking_failure`);
  }
}
