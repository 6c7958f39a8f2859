import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who collected a result at the counter: the hand-over record of the returns desk. */
export class Collector1764000000330 implements MigrationInterface {
  name = 'Collector1764000000330';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery ADD COLUMN collector_name text, ADD COLUMN collector_identity_number text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery DROP COLUMN collector_name, DROP COLUMN collector_identity_number`);
  }
}
