import type { DataSource, EntityManager } from 'typeorm';
import { BUS_MIGRATIONS, NotReadyError, type EventEnvelope } from '@onestop/events';
import { openDatabase } from '@onestop/service-kit';
import { entities, migrations } from '.';

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

export interface TableDifference {
  table: string;
  /** Rows in the live read model that the rebuild does not have, and the reverse. */
  onlyLive: number;
  onlyRebuilt: number;
}

/** A fresh schema for the rebuild (dropped first), migrated like statistics' own. */
export async function openFreshSchema(databaseUrl: string, schema: string): Promise<DataSource> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
  return openDatabase({
    url: databaseUrl,
    schema,
    entities,
    migrations: [...BUS_MIGRATIONS, ...migrations],
    poolSize: 2,
  });
}

/**
 * Applies events in one transaction, each under a savepoint and recorded in the schema's inbox
 * (so that the schemas could be swapped); returns those not ready yet (rolled back alone).
 */
export async function replayInto(
  db: DataSource,
  events: EventEnvelope[],
  apply: (manager: EntityManager, event: EventEnvelope) => Promise<void>,
): Promise<EventEnvelope[]> {
  const notReady: EventEnvelope[] = [];
  await db.transaction(async (manager: EntityManager) => {
    for (const event of events) {
      await manager.query('SAVEPOINT replay');
      try {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO processed_event (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
          [event.id, event.type],
        );
        if (inserted.length) await apply(manager, event);
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
export async function compareReadModels(
  db: DataSource | EntityManager,
  live: string,
  rebuilt: string,
): Promise<TableDifference[]> {
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
