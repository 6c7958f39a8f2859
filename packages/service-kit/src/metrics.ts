import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type express from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Logger } from 'pino';
import type { EventEnvelope, QueueConnection } from '@onestop/events';
import { CONTRACT_CODES } from './errors';
import { parseEnv } from './config';
import { metricsConfigOf, processEnv } from './service-config';

/**
 * What operators scrape: every process (gateway, each service's API and workers) keeps its own
 * prom-client registry and serves it as `GET /metrics` on a listener of its own (METRICS_PORT),
 * never on the gateway's public port. Labels hold only names the code fixes (operations the
 * platform knows, routes, codes, queues, centre codes): no personal data, bounded cardinality.
 */

export interface MetricsConfig {
  /** 0 picks a free port. */
  port: number;
  /** The interface to listen on: loopback unless the scraper runs elsewhere (compose: 0.0.0.0 inside its network). */
  host?: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

/** METRICS_PORT (unset: no listener), METRICS_HOST (127.0.0.1), METRICS_TOKEN (unset: no token). */
export function metricsConfigFromEnv(env: NodeJS.ProcessEnv): MetricsConfig | undefined {
  return metricsConfigOf(
    parseEnv('metrics', processEnv.pick({ METRICS_PORT: true, METRICS_HOST: true, METRICS_TOKEN: true }), env),
  );
}

/** Names that stand for any operation the platform does not know, and for one without a name. */
export const OTHER_OPERATION = 'other';
export const ANONYMOUS_OPERATION = 'anonymous';
/** An error code outside the contract's (and the gateway's SERVICE_UNAVAILABLE). */
export const OTHER_CODE = 'OTHER';
const ERROR_CODES = new Set([...CONTRACT_CODES, 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The operations the platform's own clients send, by name: the contract's (contract/portal.graphql)
 * and the portal's (its generated portal/src/gql/gql.ts). A name outside them is labelled `other`,
 * so that a client inventing names cannot grow the label set (the gateway is public).
 */
export function knownOperationNames(
  files = [join(ROOT, 'contract', 'portal.graphql'), join(ROOT, 'portal', 'src', 'gql', 'gql.ts')],
): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(
      /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    ))
      names.add(match[1]);
  }
  return names;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

let processRegistry: Registry | undefined;

/** Node's own metrics (CPU, memory, event loop, GC), collected once per process however many parts it runs (the tests run all). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** A scrape-time value: computed at most every `maxAgeMs`, one computation at a time, the last values kept when one fails. */
function cachedOnScrape(
  maxAgeMs: number,
  compute: () => Promise<void>,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let last = 0;
  let running: Promise<void> | undefined;
  return async () => {
    if (Date.now() - last < maxAgeMs) return;
    running ??= compute()
      .then(
        () => void (last = Date.now()),
        (err) => onError(err),
      )
      .finally(() => (running = undefined));
    // A slow database makes a slow scrape, never a stuck one: the values of the last computation answer.
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  };
}

/** One part's metrics (the gateway, or a service with its workers): its registry and the instruments the hooks feed. */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly operations: Set<string>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly operationDuration: Histogram<'operation'>;
  private readonly operationErrors: Counter<'operation' | 'code'>;
  private readonly eventLag: Histogram<'subscriber'>;
  private readonly collectFailures: Counter<'what'>;

  constructor(
    readonly part: string,
    private readonly logger?: Logger,
    operations = knownOperationNames(),
  ) {
    this.operations = operations;
    this.registry.setDefaultLabels({ service: part });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'onestop_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status, from the first byte in to the last byte out',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'onestop_graphql_operation_duration_seconds',
      help: 'GraphQL operations by name (the platform\'s own; others are "other", unnamed ones "anonymous"), received to answered',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.operationErrors = new Counter({
      name: 'onestop_graphql_errors_total',
      help: 'Errors in GraphQL answers by operation and contract code (OTHER: any other code)',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.eventLag = new Histogram({
      name: 'onestop_event_lag_seconds',
      help: "Events applied by a subscriber: from the outbox row's creation to the commit of its effect",
      labelNames: ['subscriber'],
      buckets: LAG_BUCKETS,
      registers,
    });
    this.collectFailures = new Counter({
      name: 'onestop_metrics_collect_failures_total',
      help: 'Scrape-time computations that failed (the previous values were served)',
      labelNames: ['what'],
      registers,
    });
  }

  /** The label for an operation name: the platform's own names, `anonymous`, or `other`. A subgraph's `Name__service__0` is its client's Name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    const client = name.replace(/__[a-z]+__\d+$/, '');
    return this.operations.has(client) ? client : OTHER_OPERATION;
  }

  /** Times every request; the route is the pattern that answered (`/graphql`, `/dossiers/:id/control-slip`), `other` when none did. */
  readonly http: express.RequestHandler = (req, res, next) => {
    const end = this.httpDuration.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };

  /** Times each GraphQL operation and counts the errors of its answer by their (formatted) code. */
  readonly graphql: ApolloServerPlugin = {
    requestDidStart: async () => {
      const end = this.operationDuration.startTimer();
      return {
        willSendResponse: async ({ operationName, request, response }) => {
          const operation = this.operationLabel(operationName ?? request.operationName);
          end({ operation });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            this.operationErrors.inc({
              operation,
              code: typeof code === 'string' && ERROR_CODES.has(code) ? code : OTHER_CODE,
            });
          }
        },
      };
    },
  };

  /** Told by the event consumer after a run commits, with the events it applied (not those it had applied before). */
  eventsApplied(subscriber: string, events: EventEnvelope[]): void {
    const now = Date.now();
    for (const event of events) {
      if (event.createdAt) this.eventLag.observe({ subscriber }, Math.max(0, now - Date.parse(event.createdAt)) / 1000);
    }
  }

  /** Gauges computed when scraped, at most every `maxAgeMs`; `compute` sets them (reset first: a label set that is gone is not kept). */
  onScrape(what: string, maxAgeMs: number, compute: () => Promise<void>): () => Promise<void> {
    return cachedOnScrape(maxAgeMs, compute, (err) => {
      this.collectFailures.inc({ what });
      this.logger?.warn({ err, what }, 'metrics: a scrape-time value could not be computed; serving the previous one');
    });
  }

  gauge<L extends string>(name: string, help: string, labelNames: L[], collect?: () => Promise<void>): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect } : {}) });
  }

  /** The connections of pg pools by name: busy and idle, their maximum, and the queries waiting for one. */
  watchPools(pools: Record<string, () => PoolUse | undefined>): void {
    // Read when each of the three is scraped (a scrape reads them in no given order): cheap, and always current.
    const read = async () => {
      for (const [pool, stats] of Object.entries(pools)) {
        const use = stats();
        if (!use) continue;
        waiting.set({ pool }, use.waiting);
        connections.set({ pool, state: 'busy' }, use.total - use.idle);
        connections.set({ pool, state: 'idle' }, use.idle);
        max.set({ pool }, use.max);
      }
    };
    const connections = this.gauge(
      'onestop_db_pool_connections',
      "PostgreSQL pool connections by pool (service: the TypeORM pool; queue: BullMQ's PostgreSQL backend) and state (busy, idle)",
      ['pool', 'state'],
      read,
    );
    const max = this.gauge('onestop_db_pool_max_connections', 'The most connections the pool may open', ['pool'], read);
    const waiting = this.gauge(
      'onestop_db_pool_waiting_requests',
      'Queries waiting for a free connection of the pool',
      ['pool'],
      read,
    );
  }

  /** What its /metrics serves: its own metrics and the process's, all labelled with the part. */
  merged(): Registry {
    const merged = Registry.merge([processMetrics(), this.registry]);
    merged.setDefaultLabels({ service: this.part });
    return merged;
  }
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** The pg pool under a TypeORM DataSource. */
export function poolUseOf(db: DataSource): PoolUse | undefined {
  const pool = (db.driver as PostgresDriver).master as
    { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } } | undefined;
  return (
    pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }
  );
}

/**
 * A service's own gauges: its outbox (events not yet relayed, and the age of the oldest), its
 * pools, and the queues its workers take jobs from (waiting, active, delayed, and failed: the
 * dead letters). Queue counts come from BullMQ's API, the same on Redis and on its PostgreSQL backend.
 */
export function watchService(metrics: PlatformMetrics, db: DataSource, queues: QueueConnection): void {
  metrics.watchPools({ service: () => poolUseOf(db), queue: () => queues.poolUse() });

  // Both gauges wait for the same computation when scraped, so that they always agree.
  const outbox = metrics.onScrape('outbox', 5_000, async () => {
    const [row]: Array<{ unsent: string; oldest: number | null }> = await db.query(
      `SELECT count(*) AS unsent, extract(epoch FROM now() - min(created_at))::float8 AS oldest FROM outbox WHERE relayed_at IS NULL`,
    );
    backlog.set(Number(row.unsent));
    oldest.set(Math.max(0, row.oldest ?? 0));
  });
  const backlog = metrics.gauge(
    'onestop_outbox_backlog_events',
    "Outbox rows written and not yet relayed to the subscribers' queues",
    [],
    outbox,
  );
  const oldest = metrics.gauge(
    'onestop_outbox_oldest_unsent_age_seconds',
    'Age of the oldest outbox row not yet relayed (0: none)',
    [],
    outbox,
  );

  const counted = new Map<string, ReturnType<QueueConnection['queue']>>();
  const jobs = metrics.gauge(
    'onestop_queue_jobs',
    'Jobs of the queues this process works, by state (failed: dead letters, kept for the operator)',
    ['queue', 'state'],
    metrics.onScrape('queues', 5_000, async () => {
      const counts = await Promise.all(
        queues.workedQueues().map(async (name) => {
          if (!counted.has(name)) counted.set(name, queues.queue(name));
          return [
            name,
            await counted.get(name)!.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
          ] as const;
        }),
      );
      jobs.reset();
      for (const [queue, c] of counts) {
        jobs.set({ queue, state: 'waiting' }, (c.waiting ?? 0) + (c.prioritized ?? 0));
        for (const state of ['active', 'delayed', 'failed'] as const) jobs.set({ queue, state }, c[state] ?? 0);
      }
    }),
  );
}

export interface RunningMetricsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on a listener of its own, with nothing else on it: the gateway's public port
 * never serves it, and workers (which have no HTTP server) get one. With a token, a scrape
 * without it answers 401.
 */
export async function startMetricsServer(registry: Registry, config: MetricsConfig): Promise<RunningMetricsServer> {
  const expected = config.token ? createHash('sha256').update(`Bearer ${config.token}`).digest() : undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    if (
      expected &&
      !timingSafeEqual(
        createHash('sha256')
          .update(req.headers.authorization ?? '')
          .digest(),
        expected,
      )
    ) {
      return void res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  const host = config.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/metrics`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The route pattern that answered a request, never its values: `/graphql`, `/intake/*path`, `other`. */
function routeOf(req: express.Request): string {
  const path = req.route?.path;
  const pattern = path === undefined ? '' : Array.isArray(path) ? path.join('|') : String(path);
  return `${req.baseUrl ?? ''}${pattern}` || 'other';
}
