import type { Job, JobsOptions, Queue, Worker } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { EventPayloads, EventType, ServiceName } from './catalogue';
import type { EventEnvelope } from './envelope';
import { EVENT_JOB_OPTIONS, eventBackoff, eventQueueName, isBatch, type EventJob } from './event-queues';
import type { QueueConnection } from './queue-connection';
import { appliedChannel } from './applied-events';
import { consuming } from './tracing';
import { upcast, type Upcasters } from './upcasting';

/** What a handler gets: the event (at its current version) and the transaction its effect must be written in. */
export interface HandlerContext<P> {
  event: EventEnvelope<P>;
  manager: EntityManager;
  logger: Logger;
  /**
   * The run's context: what the service's `runWrites.open` returned for the run this event is
   * applied in (what the run read at once, what it gathers to write once). Absent for an event
   * applied alone (a retry, a failed run's savepoints, a rebuild): its stores write at once.
   */
  run?: unknown;
}

export type EventHandler<P = unknown> = (ctx: HandlerContext<P>) => Promise<void>;

/** A service's handlers by event type; the payload type follows the event's latest version. */
export type EventHandlers = { [T in EventType]?: EventHandler<EventPayloads[T][1]> };

/**
 * Thrown by a handler whose event arrived before one it depends on (events of different sources
 * may overtake each other). The job is retried with backoff instead of being recorded.
 */
export class NotReadyError extends Error {}

/** An event split off a batch waits this long before its first retry (the event it needs may be on its way). */
const RETRY_FIRST_DELAY_MS = 100;

/**
 * Writes that a service's handlers gather over a run of events and make once, before the run
 * commits (statistics adds every event of a run to the same counter rows). Only the run's own
 * transaction gathers: an event applied alone (a retry, a failed run's savepoints, a rebuild)
 * is written at once.
 */
export interface RunWrites<R = unknown> {
  /**
   * The run's events are given so that what they will read can be fetched in one statement. What
   * it returns is the run's context, handed to each handler (`run`) and to `flush`.
   */
  open(manager: EntityManager, events: EventEnvelope[]): R | Promise<R>;
  flush(manager: EntityManager, run: R): Promise<void>;
}

export interface EventConsumerOptions {
  service: ServiceName;
  dataSource: DataSource;
  connection: QueueConnection;
  handlers: EventHandlers;
  logger: Logger;
  concurrency?: number;
  /** How soon a crashed worker's jobs are taken up again (BullMQ's lock and stalled check). */
  lockDurationMs?: number;
  /** Retries of an event split off a failed batch; the bus's policy by default. */
  retryJobOptions?: JobsOptions;
  runWrites?: RunWrites<any>;
  /** The steps from older versions of the events (the catalogue's UPCASTERS by default). */
  upcasters?: Upcasters;
  /** Told after each commit which events it applied (not those applied before): the metrics' event lag. */
  onApplied?: (events: EventEnvelope[]) => void;
}

/**
 * Applies the events of one service's queue. Delivery is at least once; the effect happens once,
 * because the event id is recorded in the same transaction as the effect, and a recorded id
 * turns a redelivery into a no-op.
 */
export class EventConsumer {
  private worker?: Worker<EventJob>;

  constructor(private readonly opts: EventConsumerOptions) {}

  start(): Worker<EventJob> {
    this.worker = this.opts.connection.worker<EventJob>(
      eventQueueName(this.opts.service),
      (job) => this.process(job.data),
      {
        concurrency: this.opts.concurrency ?? 8,
        lockDuration: this.opts.lockDurationMs ?? 30_000,
        stalledInterval: Math.max(1000, Math.floor((this.opts.lockDurationMs ?? 30_000) / 2)),
        maxStalledCount: 10,
        settings: { backoffStrategy: (attemptsMade, type) => eventBackoff(attemptsMade, type) },
      },
    );
    this.worker.on('failed', (job, err) =>
      this.opts.logger.warn(
        { err, eventId: job?.id, type: job?.name, attempts: job?.attemptsMade },
        'event handling failed',
      ),
    );
    return this.worker;
  }

  /** Applies one event exactly once in effect; returns false when it had been applied before. */
  async apply(job: Pick<Job<EventEnvelope>, 'data'>): Promise<boolean> {
    const applied = await this.opts.dataSource.transaction((manager) => this.applyIn(manager, job.data));
    if (applied) this.opts.onApplied?.([job.data]);
    await this.announce([job.data]);
    return applied;
  }

  private async process(job: EventJob): Promise<void> {
    if (isBatch(job)) await this.applyRun(job.events);
    else await this.apply({ data: job });
  }

  /** Applies a run of events, as a batch job does: together, and what fails on its own (splitFailures). */
  async applyRun(events: EventEnvelope[]): Promise<void> {
    let applied: EventEnvelope[];
    try {
      // The common case: the whole run in one transaction, in order, its ids into the inbox at once.
      await this.opts.dataSource.transaction(async (manager) => {
        const fresh = await this.record(manager, events);
        applied = events.filter((e) => fresh.has(e.id));
        const run = await this.opts.runWrites?.open(manager, applied);
        for (const event of events) if (fresh.delete(event.id)) await this.handle(manager, event, run); // once, even if repeated
        await this.opts.runWrites?.flush(manager, run);
      });
    } catch {
      applied = await this.splitFailures(events);
    }
    this.opts.onApplied?.(applied!);
    await this.announce(events);
  }

  /**
   * Tells the commands of this service that wait on one of these aggregates (awaited_event,
   * AppliedEvents) that events about it were applied. After the commit, not in it: a watch written
   * while the run was open is then seen here, or else its command, retried after writing it, sees
   * the run's effect. Only awaited aggregates are notified: a commit that notifies queues behind
   * every other one that does.
   */
  private async announce(events: EventEnvelope[]): Promise<void> {
    await this.opts.dataSource
      .query(
        `SELECT count(pg_notify($1, aggregate_id)::text) FROM awaited_event WHERE aggregate_id = ANY($2::text[])`,
        [appliedChannel(this.opts.service), [...new Set(events.map((e) => e.aggregateId))]],
      )
      .catch((err) =>
        this.opts.logger.warn(
          { err },
          'applied events not announced; waiting commands try again at the end of their wait',
        ),
      );
  }

  /**
   * Something in the run failed: apply it again in one transaction, each event behind a savepoint
   * so that one that still fails is rolled back alone, and hand each such event to a job of its own
   * (job id = event id) with the bus's retries and backoff. If this process dies half-way, the
   * batch job is taken up again and the inbox skips what was applied.
   */
  private async splitFailures(events: EventEnvelope[]): Promise<EventEnvelope[]> {
    const failed: EventEnvelope[] = [];
    const applied: EventEnvelope[] = [];
    await this.opts.dataSource.transaction(async (manager) => {
      for (const event of events) {
        await manager.query('SAVEPOINT event');
        try {
          if (await this.applyIn(manager, event)) applied.push(event);
          await manager.query('RELEASE SAVEPOINT event');
        } catch {
          await manager.query('ROLLBACK TO SAVEPOINT event');
          failed.push(event);
        }
      }
    });
    if (failed.length === 0) return applied;
    this.retryQueue ??= this.opts.connection.queue<EventJob>(eventQueueName(this.opts.service), {
      defaultJobOptions: this.opts.retryJobOptions ?? EVENT_JOB_OPTIONS,
    });
    await this.retryQueue.addBulk(
      failed.map((event) => ({
        name: event.type,
        data: event,
        opts: { jobId: event.id, delay: RETRY_FIRST_DELAY_MS },
      })),
    );
    return applied;
  }

  private retryQueue?: Queue<EventJob>;

  private async applyIn(manager: EntityManager, event: EventEnvelope): Promise<boolean> {
    if (!(await this.record(manager, [event])).has(event.id)) return false;
    await this.handle(manager, event);
    return true;
  }

  /** Records the events' ids in the inbox; returns those that were not there (the others were applied before). */
  private async record(manager: EntityManager, events: EventEnvelope[]): Promise<Set<string>> {
    const inserted: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO processed_event (event_id, type) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((e) => e.id), events.map((e) => e.type)],
    );
    return new Set(inserted.map((r) => r.event_id));
  }

  private async handle(manager: EntityManager, sent: EventEnvelope, run?: unknown): Promise<void> {
    const handler = this.opts.handlers[sent.type] as EventHandler | undefined;
    if (!handler) return;
    // Handlers know one shape per event, the current one: an older version is brought up to it first.
    const event = upcast(sent, this.opts.upcasters);
    // A child logger (with its redaction of the bindings) only for a handler that logs: most never do.
    const parent = this.opts.logger;
    let logger: Logger | undefined;
    const apply = () =>
      handler({
        event,
        manager,
        run,
        get logger() {
          return (logger ??= parent.child({ eventId: event.id, type: event.type, correlationId: event.correlationId }));
        },
      });
    // A traced event is applied in a span of its own, child of the relay's (tracing.ts).
    await (event.traceparent ? consuming(this.opts.service, event, apply) : apply());
  }

  async stop(): Promise<void> {
    await this.worker?.close();
  }
}
