import type { DataSource, EntityManager } from 'typeorm';
import { BUS_MIGRATIONS, eventLogHeads, NotReadyError, readEventLog, SUBSCRIPTIONS, type EventEnvelope, type EventHandler, type EventType, type ServiceName } from '@onestop/events';
import { createLogger, openDatabase } from '@onestop/service-kit';
import { createStatisticsDeps } from '../deps';
import { statisticsHandlers } from '../events/handlers';
import { entities, migrations } from '../persistence';

/** The services whose outboxes hold the events statistics consumes. */
export const EVENT_SOURCES: ServiceName[] = ['intake', 'processing', 'delivery'];
const CONSUMED = (Object.keys(SUBSCRIPTIONS) as EventType[]).filter((t) => SUBSCRIPTIONS[t].includes('statistics'));

/** The read models compared between the live schema and a rebuilt one, with the columns that must agree. */
const READ_MODELS: Array<{ table: string; columns: string; where?: string }> = [
  { table: 'dossier_fact', columns: '*' },
  {
    table: 'counter',
    columns: '*',
    // a row whose deltas cancelled out says nothing; whether it exists depends on the order of retries
    where: `NOT (received_online = 0 AND received_offline = 0 AND resolved_early = 0 AND resolved_on_time = 0 AND resolved_late = 0
      AND processing_days = 0 AND closed_unresolved = 0 AND overdue_delta = 0 AND ratings = 0 AND ratings_satisfied = 0)`,
  },
  { table: 'traffic_hour', columns: '*' },
  { table: 'procedure_label', columns: '*' },
  { table: 'centre_replica', columns: '*' },
  { table: 'calendar_day_replica', columns: '*' },
];

export interface RebuildOptions {
  databaseUrl: string;
  /** The fresh schema to replay into (dropped first). */
  schema?: string;
  /** The live schema to compare with. */
  liveSchema?: string;
  /** Events per transaction. */
  batchSize?: number;
}

export interface TableDifference {
  table: string;
  /** Rows in the live read model that the rebuild does not have, and the reverse. */
  onlyLive: number;
  onlyRebuilt: number;
}

export interface RebuildResult {
  schema: string;
  events: number;
  /** Events that still could not be applied at the end (what they wait for never came). */
  unapplied: EventEnvelope[];
  differences: TableDifference[];
  /** The rebuilt read model, open, for reports; the caller closes it. */
  dataSource: DataSource;
}

/**
 * Replays the durable event history (every source's outbox, read by the operator tool
 * readEventLog) through the very handlers the live consumer uses, into a fresh schema, then
 * compares it table by table with the live read model. The event ids are recorded in the new
 * schema's inbox, so that the schemas could be swapped (statistics stopped) without re-applying
 * an event still in a queue.
 */
export async function rebuildStatistics(opts: RebuildOptions): Promise<RebuildResult> {
  const schema = opts.schema ?? 'statistics_rebuild';
  const live = opts.liveSchema ?? 'statistics';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema) || schema === live) throw new Error(`invalid rebuild schema ${schema}`);
  const logger = createLogger('statistics-rebuild');
  const heads = await eventLogHeads(opts.databaseUrl, EVENT_SOURCES);
  const dataSource = await openFresh(opts.databaseUrl, schema);
  try {
    const handlers = statisticsHandlers(createStatisticsDeps()) as Record<string, EventHandler>;
    let pending: EventEnvelope[] = [];
    let events = 0;
    let batch: EventEnvelope[] = [];
    const flush = async () => {
      pending = await applyBatch(dataSource, handlers, [...pending, ...batch], logger);
      batch = [];
    };
    for await (const event of readEventLog(opts.databaseUrl, EVENT_SOURCES, { types: CONSUMED })) {
      if (event.sequence > heads[event.source]) continue;
      events++;
      batch.push(event);
      if (batch.length >= (opts.batchSize ?? 500)) await flush();
    }
    await flush();
    // what waited for a later event: retry until nothing moves
    for (let before = Infinity; pending.length > 0 && pending.length < before; ) {
      before = pending.length;
      pending = await applyBatch(dataSource, handlers, pending, logger);
    }
    const differences = await compareReadModels(dataSource, live, schema);
    logger.info({ schema, events, unapplied: pending.length, differences }, 'statistics rebuilt');
    return { schema, events, unapplied: pending, differences, dataSource };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}

async function openFresh(databaseUrl: string, schema: string): Promise<DataSource> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
  return openDatabase({ url: databaseUrl, schema, entities, migrations: [...BUS_MIGRATIONS, ...migrations], poolSize: 2 });
}

/** Applies events in one transaction, each under a savepoint; returns those not ready yet. */
async function applyBatch(db: DataSource, handlers: Record<string, EventHandler>, events: EventEnvelope[], logger: ReturnType<typeof createLogger>) {
  const notReady: EventEnvelope[] = [];
  await db.transaction(async (manager: EntityManager) => {
    for (const event of events) {
      await manager.query('SAVEPOINT replay');
      try {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO processed_event (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`, [event.id, event.type]);
        if (inserted.length) await handlers[event.type]?.({ event, manager, logger });
        await manager.query('RELEASE SAVEPOINT replay');
      } catch (err) {
        await manager.query('ROLLBACK TO SAVEPOINT replay');
        if (!(err instanceof NotReadyError)) throw err;
        notReady.push(event);
      }
    }
  });
  return notReady;
}

/** Rows of each read model present in one schema and not the other (multiset difference, both ways). */
export async function compareReadModels(db: DataSource | EntityManager, live: string, rebuilt: string): Promise<TableDifference[]> {
  const out: TableDifference[] = [];
  for (const { table, columns, where } of READ_MODELS) {
    const select = (s: string) => `SELECT ${columns} FROM "${s}".${table}${where ? ` WHERE ${where}` : ''}`;
    const [{ only_live, only_rebuilt }] = await db.query(
      `SELECT (SELECT count(*) FROM (${select(live)} EXCEPT ALL ${select(rebuilt)}) a)::int AS only_live,
              (SELECT count(*) FROM (${select(rebuilt)} EXCEPT ALL ${select(live)}) b)::int AS only_rebuilt`,
    );
    if (only_live || only_rebuilt) out.push({ table, onlyLive: only_live, onlyRebuilt: only_rebuilt });
  }
  return out;
}
