import type { EntityManager } from 'typeorm';
import type { CentreChangedV1 } from '@onestop/events';
import { applyCentreChanged } from '@onestop/service-kit';
import { bucketsOf } from '../domain/days';
import { MEASURE_COLUMNS, MEASURES, mergeDeltas, round4, type CounterDelta } from '../domain/measures';

/** What a dossier is counted under, for its whole life (as received). */
export interface FactDimensions {
  centreId: string;
  level: string;
  procedureCode: string;
  sector: string;
  channel: string;
}

/**
 * The three kinds of counter rows: 'C' the centre's count split by channel (value) and level of the
 * receiving centre (sub) — CENTRE, LEVEL, CHANNEL, MONTH and every total read these; 'P' split by
 * procedure (value, sub the sector) — PROCEDURE reads these; 'S' split by sector (value) — SECTOR
 * reads these (20 sectors instead of their 300 procedures).
 */
export type Dimension = 'C' | 'P' | 'S';

export function dimensionValues(d: FactDimensions): Array<[Dimension, string, string]> {
  return [
    ['C', d.channel, d.level],
    ['P', d.procedureCode, d.sector],
    ['S', d.sector, ''],
  ];
}

const COLUMNS = MEASURES.map((k) => MEASURE_COLUMNS[k]);
const ADD = COLUMNS.map((c) => `${c} = counter.${c} + EXCLUDED.${c}`).join(', ');
const CONFLICT = `ON CONFLICT (centre_id, own, dim, grain, bucket, value, sub) DO UPDATE SET ${ADD}`;

/**
 * Counter writes hold this lock shared, a move in the centre tree holds it exclusively: a move
 * re-homes the subtree's counts from the old ancestors to the new ones, and no event may add to
 * the old ancestors meanwhile. (Shared holders never wait for each other.)
 */
const CENTRE_TREE_LOCK = 0x57a7_1505;

/**
 * `up`: each centre that `origins` selects (origin) with each of its strict ancestors (id) in the
 * replicated tree; a parent not replicated yet still counts.
 */
const ancestorsOf = (origins: string) => `up AS (
    SELECT c.id AS origin, c.parent_id AS id, 1 AS depth FROM centre_replica c WHERE c.id IN (${origins})
    UNION ALL SELECT up.origin, c.parent_id, up.depth + 1 FROM centre_replica c JOIN up ON c.id = up.id WHERE up.depth < 64)`;

/** A counter row to add: a centre's own scope, before the ancestors' below scopes are added. */
interface PendingRow {
  head: unknown[];
  measures: number[];
}

/** Hourly receptions to add to a centre's day and hour. */
interface PendingTraffic {
  centreId: string;
  day: string;
  hour: number;
  received: number;
  atCounter: number;
}

/** The counters (`counter`, `traffic_hour`), and the centre tree's moves, which re-home counts. */
export interface CounterStore {
  /**
   * Adds the deltas to the counters, in the transaction of the fact's change: for each day of the
   * deltas, its day, month and year buckets, of the three kinds, in the receiving centre's own scope
   * and in the "below" scope of each of its ancestors — 9 rows per day and scope (a commune under a
   * province: 18).
   */
  add(dims: FactDimensions, deltas: CounterDelta[]): Promise<void>;
  /** One reception in a centre's hourly traffic (local day and hour), for staffing. */
  countReception(centreId: string, day: string, hour: number, atCounter: boolean): Promise<void>;
  /** The centre replica's change, with the subtree's counts moved when the centre moves (applyCentreChangedToCounters). */
  applyCentreChanged(p: CentreChangedV1): Promise<void>;
}

/**
 * Statistics' consumer applies a run of up to 100 events in one transaction, and most of them add
 * to the same rows (a province's below scope, the month and year buckets): the run's deltas, and
 * its hourly traffic, are added up here and written in one statement each before it commits.
 */
export class CounterRun {
  readonly rows = new Map<string, PendingRow>();
  readonly traffic = new Map<string, PendingTraffic>();

  async write(manager: EntityManager): Promise<void> {
    if (this.rows.size) await writeRows(manager, [...this.rows.values()]);
    if (this.traffic.size) await writeTraffic(manager, [...this.traffic.values()]);
    this.rows.clear();
    this.traffic.clear();
  }
}

/** The counters bound to a transaction: gathered into its run when the consumer applies one, else written at once. */
export class SqlCounterStore implements CounterStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly run?: CounterRun,
  ) {}

  async add(dims: FactDimensions, deltas: CounterDelta[]): Promise<void> {
    const rows = this.run?.rows ?? new Map<string, PendingRow>();
    addRows(rows, dims, deltas);
    if (!this.run && rows.size) await writeRows(this.manager, [...rows.values()]);
  }

  async countReception(centreId: string, day: string, hour: number, atCounter: boolean): Promise<void> {
    const traffic = this.run?.traffic ?? new Map<string, PendingTraffic>();
    const key = `${centreId}|${day}|${hour}`;
    const row = traffic.get(key) ?? { centreId, day, hour, received: 0, atCounter: 0 };
    row.received += 1;
    row.atCounter += atCounter ? 1 : 0;
    traffic.set(key, row);
    if (!this.run) await writeTraffic(this.manager, [row]);
  }

  applyCentreChanged(p: CentreChangedV1): Promise<void> {
    return applyCentreChangedToCounters(this.manager, p);
  }
}

/** The deltas as counter rows, added to those already pending by key. */
function addRows(rows: Map<string, PendingRow>, dims: FactDimensions, deltas: CounterDelta[]): void {
  for (const { day, measures } of mergeDeltas(deltas)) {
    for (const { grain, bucket } of bucketsOf(day)) {
      for (const [dim, value, sub] of dimensionValues(dims)) {
        const key = [dims.centreId, dim, grain, bucket, value, sub].join('|');
        const row = rows.get(key) ?? {
          head: [dims.centreId, dim, grain, bucket, value, sub],
          measures: MEASURES.map(() => 0),
        };
        MEASURES.forEach((k, i) => (row.measures[i] = round4(row.measures[i] + (measures[k] ?? 0))));
        rows.set(key, row);
      }
    }
  }
}

/**
 * One statement: the own rows, and the same deltas in each ancestor's below scope, added up per
 * counter key (rows of several centres meet in an ancestor's) and written in key order, so that
 * concurrent writers lock shared rows in the same order and never deadlock.
 */
async function writeRows(manager: EntityManager, pending: PendingRow[]): Promise<void> {
  const rows = pending.map((r) => [...r.head, ...r.measures]);
  const columns = rows[0].map((_, i) => rows.map((r) => r[i]));
  const types = [
    'uuid',
    'char',
    'char',
    'date',
    'text',
    'text',
    ...MEASURES.map((k) => (k === 'processingDays' ? 'numeric' : 'int')),
  ];
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${CENTRE_TREE_LOCK})`);
  await manager.query(
    `WITH RECURSIVE delta AS (SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS d(centre_id, dim, grain, bucket, value, sub, ${COLUMNS.join(', ')})),
     ${ancestorsOf('SELECT DISTINCT centre_id FROM delta')},
     scoped AS (SELECT true AS own, * FROM delta
       UNION ALL SELECT false, up.id, d.dim, d.grain, d.bucket, d.value, d.sub, ${COLUMNS.map((c) => `d.${c}`).join(', ')} FROM delta d JOIN up ON up.origin = d.centre_id WHERE up.id IS NOT NULL)
     INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${COLUMNS.join(', ')})
     SELECT centre_id, own, dim, grain, bucket, value, sub, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
       FROM scoped GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
     ${CONFLICT}`,
    columns,
  );
}

/**
 * CentreChanged with the counters kept right: when a centre is new or moves to another parent, the
 * own counts of its whole subtree leave the "below" scopes of its former ancestors and join those of
 * the new ones — reports always follow today's tree, as includeDescendants always did. Rare (a
 * reorganisation), and proportional to the subtree's counter rows.
 */
async function applyCentreChangedToCounters(manager: EntityManager, p: CentreChangedV1): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${CENTRE_TREE_LOCK})`);
  const [before]: Array<{ parent_id: string | null }> = await manager.query(
    `SELECT parent_id FROM centre_replica WHERE id = $1`,
    [p.centreId],
  );
  const moved = !before || before.parent_id !== p.parentId;
  if (moved && before?.parent_id) await shiftSubtree(manager, p.centreId, -1);
  await applyCentreChanged(manager, p);
  if (moved && p.parentId) await shiftSubtree(manager, p.centreId, 1);
}

/** Adds (sign 1) or removes (sign -1) the own counts of the centre's subtree to/from its ancestors' below scopes. */
async function shiftSubtree(manager: EntityManager, centreId: string, sign: 1 | -1): Promise<void> {
  await manager.query(
    `WITH RECURSIVE ${ancestorsOf('$1::uuid')},
     down AS (
       SELECT $1::uuid AS id, 0 AS depth
       UNION ALL SELECT c.id, down.depth + 1 FROM centre_replica c JOIN down ON c.parent_id = down.id WHERE down.depth < 64),
     subtree AS (
       SELECT dim, grain, bucket, value, sub, ${COLUMNS.map((c) => `${sign} * sum(${c}) AS ${c}`).join(', ')}
         FROM counter WHERE own AND centre_id IN (SELECT id FROM down) GROUP BY dim, grain, bucket, value, sub)
     INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${COLUMNS.join(', ')})
     SELECT up.id, false, subtree.* FROM up CROSS JOIN subtree WHERE up.id IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7
     ${CONFLICT}`,
    [centreId],
  );
}

async function writeTraffic(manager: EntityManager, rows: PendingTraffic[]): Promise<void> {
  await manager.query(
    `INSERT INTO traffic_hour (centre_id, day, hour, received, at_counter)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[], $4::int[], $5::int[]) ORDER BY 1, 2, 3
     ON CONFLICT (centre_id, day, hour) DO UPDATE SET received = traffic_hour.received + EXCLUDED.received, at_counter = traffic_hour.at_counter + EXCLUDED.at_counter`,
    [
      rows.map((r) => r.centreId),
      rows.map((r) => r.day),
      rows.map((r) => r.hour),
      rows.map((r) => r.received),
      rows.map((r) => r.atCounter),
    ],
  );
}
