import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = `received_online, received_offline, resolved_early, resolved_on_time, resolved_late, processing_days,
  closed_unresolved, overdue_delta, ratings, ratings_satisfied`;

/**
 * A third kind of counter row, 'S': a scope's counts per sector (value; sub is empty). SECTOR read
 * the procedure rows of every sector's procedures (300 per bucket over a nation); it now reads 20.
 * The existing history is summed from the procedure rows, whose sub is the sector.
 */
export class SectorCounters1764000000420 implements MigrationInterface {
  name = 'SectorCounters1764000000420';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${MEASURES})
      SELECT centre_id, own, 'S', grain, bucket, sub, '', ${MEASURES.split(',')
        .map((c) => `sum(${c.trim()})`)
        .join(', ')}
        FROM counter WHERE dim = 'P'
       GROUP BY centre_id, own, grain, bucket, sub`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM counter WHERE dim = 'S'`);
  }
}
