import {
  Queue,
  Worker,
  createPostgresBackend,
  runMigrations,
  LATEST_SCHEMA_VERSION,
  type Processor,
  type WorkerOptions,
  type QueueOptions,
} from 'bullmq';
import IORedis from 'ioredis';
import { Client, Pool } from 'pg';

export interface QueueConnectionConfig {
  /** Redis through ioredis when set (production). */
  redisUrl?: string;
  /** Otherwise BullMQ's PostgreSQL backend on this database (the one-command default). */
  databaseUrl: string;
  /** Redis key prefix; keeps test runs that share one Redis apart. Default `bull`. */
  prefix?: string;
  /** Connections of the PostgreSQL backend's pool (QUEUE_POOL_SIZE): bounded when many processes share one PostgreSQL. Default 10. */
  poolSize?: number;
  /**
   * A queue's or worker's connection failed. Every queue and worker of the process reports the same
   * lost connection, again on each retry, and BullMQ prints each whole error when nobody listens:
   * this hears them all, at most once a minute. A warning on the console by default.
   */
  onError?: (err: Error) => void;
}

export type QueueBackendName = 'redis' | 'postgres';

/**
 * One process's connection to BullMQ, on whichever backend the configuration names. Everything
 * else in the platform asks it for queues and workers and never knows which backend it is.
 */
export class QueueConnection {
  readonly backend: QueueBackendName;
  private readonly redis?: IORedis;
  private readonly pool?: Pool;
  private ready?: Promise<void>;
  private readonly opened: Array<{ close(): Promise<void> }> = [];
  private lastError = 0;
  private readonly worked = new Set<string>();

  constructor(private readonly config: QueueConnectionConfig) {
    this.backend = config.redisUrl ? 'redis' : 'postgres';
    if (config.redisUrl) {
      this.redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    } else {
      // poolSize (QUEUE_POOL_SIZE) bounds the connections when many processes share one PostgreSQL (its max_connections).
      this.pool = new Pool({
        connectionString: config.databaseUrl,
        max: config.poolSize ?? 10,
        options: '-c search_path=bullmq',
      });
      // An idle connection that the server closed (a restart, or its shutdown before ours) leaves the
      // pool, and the next query opens another: nothing to report, and nothing to crash on.
      this.pool.on('error', () => undefined);
    }
  }

  /**
   * Creates BullMQ's tables on first use (PostgreSQL backend); a no-op on Redis, and on a schema
   * already current: a service's role may use the tables but not alter them (the owner migrated
   * them, database-roles.ts), and BullMQ's migrator alters its ledger every time it runs.
   */
  waitUntilReady(): Promise<void> {
    const pool = this.pool;
    this.ready ??= pool
      ? queueSchemaVersion(pool).then((version) =>
          version >= LATEST_SCHEMA_VERSION ? undefined : runMigrations(pool).then(() => undefined),
        )
      : Promise.resolve();
    return this.ready;
  }

  queue<T = unknown>(name: string, opts: Omit<QueueOptions, 'connection'> = {}): Queue<T> {
    const queue = this.pool
      ? new Queue<T>(name, { ...opts, connection: this.pool } as never, createPostgresBackend as never)
      : new Queue<T>(name, { ...opts, connection: this.redis!, prefix: this.config.prefix });
    queue.on('error', this.reportError);
    this.opened.push(queue);
    return queue;
  }

  worker<T = unknown>(name: string, processor: Processor<T>, opts: Omit<WorkerOptions, 'connection'> = {}): Worker<T> {
    // On PostgreSQL a worker waits for jobs on a LISTEN connection it keeps from the shared pool for
    // good: one more slot per worker, so that QUEUE_POOL_SIZE stays what queries get (a process with
    // as many workers as slots would otherwise have none left to add or take a job: a deadlock).
    if (this.pool) this.pool.options.max = (this.pool.options.max ?? 10) + 1;
    const worker = this.pool
      ? new Worker<T>(name, processor, { ...opts, connection: this.pool } as never, createPostgresBackend as never)
      : new Worker<T>(name, processor, { ...opts, connection: this.redis!, prefix: this.config.prefix });
    worker.on('error', this.reportError);
    this.opened.push(worker);
    this.worked.add(name);
    return worker;
  }

  /** The queues this process takes jobs from (the metrics count their jobs). */
  workedQueues(): string[] {
    return [...this.worked];
  }

  /** The PostgreSQL backend's pool (undefined on Redis), for the metrics. */
  poolUse(): { total: number; idle: number; waiting: number; max: number } | undefined {
    return (
      this.pool && {
        total: this.pool.totalCount,
        idle: this.pool.idleCount,
        waiting: this.pool.waitingCount,
        max: this.pool.options.max ?? 10,
      }
    );
  }

  private readonly reportError = (err: Error): void => {
    if (Date.now() - this.lastError < 60_000) return;
    this.lastError = Date.now();
    (this.config.onError ?? ((e: Error) => console.warn(`queue connection: ${e.message}`)))(err);
  };

  async close(): Promise<void> {
    await Promise.allSettled(this.opened.splice(0).map((q) => q.close()));
    if (this.redis) await this.redis.quit().catch(() => this.redis!.disconnect());
    if (this.pool) await this.pool.end();
  }
}

async function queueSchemaVersion(db: Pick<Pool, 'query'>): Promise<number> {
  const { rows } = await db.query(`SELECT to_regclass('bullmq.migration') IS NOT NULL AS present`);
  if (!rows[0].present) return 0;
  return (await db.query(`SELECT COALESCE(MAX(version), 0)::int AS version FROM bullmq.migration`)).rows[0].version;
}

/** BullMQ's tables, created or brought up to date through `url` (the database's owner). */
export async function migrateQueueSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await runMigrations(client);
  } finally {
    await client.end();
  }
}
