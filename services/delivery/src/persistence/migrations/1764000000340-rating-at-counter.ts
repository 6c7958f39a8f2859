import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A rating taken at the returns desk: that it was, and by which officer (the applicant's own has neither). */
export class RatingAtCounter1764000000340 implements MigrationInterface {
  name = 'RatingAtCounter1764000000340';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE satisfaction_rating ADD COLUMN taken_at_counter boolean NOT NULL DEFAULT false,
      ADD COLUMN recorded_by_id text, ADD COLUMN recorded_by_name text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE satisfaction_rating DROP COLUMN taken_at_counter, DROP COLUMN recorded_by_id, DROP COLUMN recorded_by_name`,
    );
  }
}
