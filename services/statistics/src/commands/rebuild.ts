import type { DataSource } from 'typeorm';
import {
  eventLogHeads,
  readEventLog,
  SUBSCRIPTIONS,
  upcast,
  type EventEnvelope,
  type EventHandler,
  type EventType,
  type ServiceName,
} from '@onestop/events';
import { createLogger } from '@onestop/service-kit';
import { createStatisticsDeps } from '../deps';
import { statisticsHandlers } from '../events/handlers';
import { compareReadModels, openFreshSchema, replayInto, type TableDifference } from '../persistence/rebuild-schema';

export { compareReadModels, type TableDifference };

/** The services whose outboxes hold the events statistics consumes. */
export const EVENT_SOURCES: ServiceName[] = ['intake', 'processing', 'delivery'];
const CONSUMED = (Object.keys(SUBSCRIPTIONS) as EventType[]).filter((t) => SUBSCRIPTIONS[t].includes('statistics'));

export interface RebuildOptions {
  databaseUrl: string;
  /** The fresh schema to replay into (dropped first). */
  schema?: string;
  /** The live schema to compare with. */
  liveSchema?: string;
  /** Events per transaction. */
  batchSize?: number;
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
  const dataSource = await openFreshSchema(opts.databaseUrl, schema);
  try {
    const handlers = statisticsHandlers(createStatisticsDeps()) as Record<string, EventHandler>;
    // The very handlers the live consumer uses, each event at its current version (as the consumer upcasts it).
    const applyBatch = (events: EventEnvelope[]) =>
      replayInto(dataSource, events, async (manager, sent) => {
        const event = upcast(sent);
        await handlers[event.type]?.({ event, manager, logger });
      });
    let pending: EventEnvelope[] = [];
    let events = 0;
    let batch: EventEnvelope[] = [];
    const flush = async () => {
      pending = await applyBatch([...pending, ...batch]);
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
    for (let before = Infinity; pending.length > 0 && pending.length < before;) {
      before = pending.length;
      pending = await applyBatch(pending);
    }
    const differences = await compareReadModels(dataSource, live, schema);
    logger.info({ schema, events, unapplied: pending.length, differences }, 'statistics rebuilt');
    return { schema, events, unapplied: pending, differences, dataSource };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
