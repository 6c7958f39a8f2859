import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { Client } from 'pg';
import { SUBSCRIPTIONS, type EventType, type ServiceName } from './catalogue';
import type { EventEnvelope } from './envelope';
import { EVENTS_PER_JOB, toJobs, type EventQueues } from './event-queues';
import { relaySpans } from './tracing';

interface OutboxRow {
  sequence: string;
  id: string;
  type: EventType;
  version: number;
  aggregate_id: string;
  payload: unknown;
  correlation_id: string | null;
  occurred_at: Date;
  trace_parent: string | null;
  created_at: Date;
}

export interface OutboxRelayOptions {
  source: ServiceName;
  dataSource: DataSource;
  queues: EventQueues;
  logger: Logger;
  /** Database to LISTEN on for new rows (the service's own). */
  databaseUrl: string;
  batchSize?: number;
  /** Poll even without a notification, in case one was missed. */
  idleMs?: number;
  /**
   * Woken from idle, wait this long (ms) for more rows before reading them, so that the jobs carry
   * runs of events instead of one each (each job costs its consumer a transaction and its queue
   * round trips). Cut short once a run's worth of commits has been announced. 0: send at once.
   * Default 5 (a service takes it from RELAY_GATHER_MS).
   */
  gatherMs?: number;
}

/** How many committed transactions (one notification each) make a run worth sending without waiting longer. */
const RUN_OF_COMMITS = EVENTS_PER_JOB;

/**
 * Moves outbox rows to every subscriber's queue. Rows are locked with FOR UPDATE SKIP LOCKED so
 * that several relays (replicas) share the work; a row's relayed mark commits only with all its
 * jobs added, so a crash in between re-sends it, and the event-id job ids and the
 * consumers' inbox make the re-send harmless.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A notification came since the last batch began: rows it announces may have been committed after that batch read. */
  private notified = false;
  private listener?: Client;
  private relistening?: NodeJS.Timeout;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly gatherMs: number;
  /** While gathering: notifications since it began (a wake-up ends it only once they make a run). */
  private gathering?: { commits: number };

  constructor(private readonly opts: OutboxRelayOptions) {
    this.batchSize = opts.batchSize ?? 500;
    this.idleMs = opts.idleMs ?? 1000;
    this.gatherMs = opts.gatherMs ?? 5;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Moves one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    const { dataSource, source, queues } = this.opts;
    return dataSource.transaction(async (manager) => {
      // Marked relayed as they are read, in one statement: the mark commits only with the jobs
      // (the transaction ends after addBulk), so a failure or a crash before it leaves them unrelayed.
      const [marked]: [OutboxRow[], number] = await manager.query(
        `UPDATE outbox SET relayed_at = now() WHERE sequence IN (
           SELECT sequence FROM outbox WHERE relayed_at IS NULL ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING sequence, id, type, version, aggregate_id, payload, correlation_id, occurred_at, created_at, trace_parent`,
        [this.batchSize],
      );
      if (marked.length === 0) return 0;
      // RETURNING keeps no order: the outbox's is the events' order
      const rows = marked.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
      const bySubscriber = new Map<ServiceName, EventEnvelope[]>();
      const traced = [];
      for (const row of rows) {
        const envelope = toEnvelope(row, source);
        const subscribers = SUBSCRIPTIONS[row.type] ?? [];
        if (row.trace_parent) traced.push({ envelope, traceparent: row.trace_parent, subscribers });
        for (const subscriber of subscribers) {
          if (!bySubscriber.has(subscriber)) bySubscriber.set(subscriber, []);
          bySubscriber.get(subscriber)!.push(envelope);
        }
      }
      const spans = traced.length ? relaySpans(source, traced) : undefined;
      try {
        await Promise.all(
          [...bySubscriber].map(([subscriber, envelopes]) => queues.of(subscriber).addBulk(toJobs(envelopes))),
        );
      } catch (err) {
        spans?.end(err);
        throw err;
      }
      spans?.end();
      return rows.length;
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.relistening);
    this.wake?.();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.notified = false;
      let moved = 0;
      try {
        moved = await this.relayBatch();
      } catch (err) {
        this.opts.logger.error({ err }, 'relay batch failed; retrying');
        await this.sleep(500);
        continue;
      }
      // A backlog: the next batch at once, it is a run already.
      if (moved >= this.batchSize) continue;
      // A notification that came during the batch is not lost: the next batch runs without the idle wait.
      if (!this.notified) await this.sleep(this.idleMs);
      if (this.running && this.gatherMs > 0) await this.gather();
    }
  }

  /** Lets the rows of the next few milliseconds join the batch: one job per subscriber for a run, not per event. */
  private async gather(): Promise<void> {
    this.gathering = { commits: 0 };
    try {
      await this.sleep(this.gatherMs);
    } finally {
      this.gathering = undefined;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** A notification from the outbox trigger cuts the idle wait short. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.opts.databaseUrl });
    // A listener lost (a restart of PostgreSQL, a terminated backend) is opened again: without it
    // every event would wait for the poll.
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.opts.logger.warn({ err }, 'relay listener lost; polling until it listens again');
      this.listenAgain();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => {
      this.notified = true;
      if (this.gathering && ++this.gathering.commits < RUN_OF_COMMITS) return;
      this.wake?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "outbox_${this.opts.source}"`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.listener = client;
  }

  private listenAgain(delayMs = 100): void {
    if (!this.running) return;
    this.relistening = setTimeout(() => {
      this.listen().then(
        () => {
          if (!this.running) return void this.stop();
          // What was committed while nobody listened is relayed now.
          this.notified = true;
          this.wake?.();
        },
        () => this.listenAgain(Math.min(delayMs * 2, 10_000)),
      );
    }, delayMs);
  }
}

function toEnvelope(row: OutboxRow, source: ServiceName): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    sequence: Number(row.sequence),
    source,
    aggregateId: row.aggregate_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    correlationId: row.correlation_id,
    payload: row.payload,
  };
}
