import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = `received_online, received_offline, resolved_early, resolved_on_time, resolved_late, processing_days,
  closed_unresolved, overdue_delta, ratings, ratings_satisfied`;
const SUMS = MEASURES.split(',')
  .map((c) => `sum(${c.trim()})`)
  .join(', ');

/** Every (descendant, strict ancestor) pair of the replicated centre tree (depth-guarded against a cycle). */
const ANCESTRY = `WITH RECURSIVE pairs AS (
    SELECT id AS descendant, parent_id AS ancestor, 1 AS depth FROM centre_replica WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT p.descendant, c.parent_id, p.depth + 1 FROM pairs p JOIN centre_replica c ON c.id = p.ancestor
     WHERE c.parent_id IS NOT NULL AND p.depth < 64)`;

/**
 * The counters become per *scope*: a centre's own dossiers (own) and, for every centre, the
 * dossiers of all the centres below it (own = false), so that a report over a subtree reads one
 * centre's rows instead of every descendant's. Two kinds of rows instead of five dimensions:
 * dim 'C' (the centre's count, value = channel, sub = level of the receiving centre) and dim 'P'
 * (value = procedure code, sub = sector), which is what every grouping needs (README, "The counters").
 *
 * The existing counters are carried over: own rows from the old per-centre channel and procedure
 * rows, with the level and sector the centre's facts were received with, and the subtree rows summed
 * from them along the replicated tree. That is exact unless a centre changed level or a procedure
 * changed sector during the history; `stats:rebuild` replays the events for an exact history.
 */
export class SubtreeCounters1764000000410 implements MigrationInterface {
  name = 'SubtreeCounters1764000000410';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE counter RENAME TO counter_v1`);
    await db.query(`ALTER TABLE counter_v1 RENAME CONSTRAINT counter_pkey TO counter_v1_pkey`);
    // fillfactor 90: room on the page for the in-place (HOT) updates every event makes
    await db.query(`
      CREATE TABLE counter (
        centre_id uuid NOT NULL,
        own boolean NOT NULL,
        dim char(1) NOT NULL,
        grain char(1) NOT NULL,
        bucket date NOT NULL,
        value text NOT NULL,
        sub text NOT NULL,
        received_online int NOT NULL DEFAULT 0,
        received_offline int NOT NULL DEFAULT 0,
        resolved_early int NOT NULL DEFAULT 0,
        resolved_on_time int NOT NULL DEFAULT 0,
        resolved_late int NOT NULL DEFAULT 0,
        processing_days numeric(16,4) NOT NULL DEFAULT 0,
        closed_unresolved int NOT NULL DEFAULT 0,
        overdue_delta int NOT NULL DEFAULT 0,
        ratings int NOT NULL DEFAULT 0,
        ratings_satisfied int NOT NULL DEFAULT 0,
        PRIMARY KEY (centre_id, own, dim, grain, bucket, value, sub)
      ) WITH (fillfactor = 90)`);
    await db.query(`
      INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${MEASURES})
      SELECT k.centre_id, true, 'C', k.grain, k.bucket, k.value, l.level, ${MEASURES}
        FROM counter_v1 k
        JOIN (SELECT DISTINCT ON (centre_id) centre_id, level FROM dossier_fact ORDER BY centre_id, received_at DESC NULLS LAST) l USING (centre_id)
       WHERE k.dim = 'H'`);
    await db.query(`
      INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${MEASURES})
      SELECT k.centre_id, true, 'P', k.grain, k.bucket, k.value, s.sector, ${MEASURES}
        FROM counter_v1 k
        JOIN (SELECT DISTINCT ON (centre_id, procedure_code) centre_id, procedure_code, sector FROM dossier_fact
               ORDER BY centre_id, procedure_code, received_at DESC NULLS LAST) s ON s.centre_id = k.centre_id AND s.procedure_code = k.value
       WHERE k.dim = 'P'`);
    await db.query(`${ANCESTRY}
      INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${MEASURES})
      SELECT p.ancestor, false, k.dim, k.grain, k.bucket, k.value, k.sub, ${SUMS}
        FROM counter k JOIN pairs p ON p.descendant = k.centre_id
       WHERE k.own
       GROUP BY p.ancestor, k.dim, k.grain, k.bucket, k.value, k.sub`);
    await db.query(`DROP TABLE counter_v1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE counter RENAME TO counter_v2`);
    await db.query(`ALTER TABLE counter_v2 RENAME CONSTRAINT counter_pkey TO counter_v2_pkey`);
    await db.query(`
      CREATE TABLE counter (
        dim char(1) NOT NULL, centre_id uuid NOT NULL, grain char(1) NOT NULL, bucket date NOT NULL, value text NOT NULL,
        received_online int NOT NULL DEFAULT 0, received_offline int NOT NULL DEFAULT 0, resolved_early int NOT NULL DEFAULT 0,
        resolved_on_time int NOT NULL DEFAULT 0, resolved_late int NOT NULL DEFAULT 0, processing_days numeric(16,4) NOT NULL DEFAULT 0,
        closed_unresolved int NOT NULL DEFAULT 0, overdue_delta int NOT NULL DEFAULT 0, ratings int NOT NULL DEFAULT 0, ratings_satisfied int NOT NULL DEFAULT 0,
        PRIMARY KEY (dim, centre_id, grain, bucket, value))`);
    for (const [dim, from, column] of [
      ['C', 'C', 'centre_id::text'],
      ['L', 'C', 'sub'],
      ['H', 'C', 'value'],
      ['P', 'P', 'value'],
      ['S', 'P', 'sub'],
    ]) {
      await db.query(`
        INSERT INTO counter (dim, centre_id, grain, bucket, value, ${MEASURES})
        SELECT '${dim}', centre_id, grain, bucket, ${column}, ${SUMS} FROM counter_v2 WHERE own AND dim = '${from}'
         GROUP BY centre_id, grain, bucket, ${column}`);
    }
    await db.query(`DROP TABLE counter_v2`);
  }
}
