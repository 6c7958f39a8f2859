import type { Router } from 'express';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DataSource, MixedList, EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  BUS_MIGRATIONS,
  EventConsumer,
  EventQueues,
  OutboxEvent,
  OutboxRelay,
  ProcessedEvent,
  QueueConnection,
  type EventHandlers,
  type QueueConnectionConfig,
  type RunWrites,
  type ServiceName,
  AppliedEvents,
} from '@onestop/events';
import type { ServiceContext } from './context';
import { openDatabase, type SecondConnectionError } from './database';
import { createIdentityVerifier } from './identity';
import { createLogger } from './logger';
import { PlatformMetrics, startMetricsServer, watchService, type MetricsConfig } from './metrics';
import { guardResolvers, type ObjectGuards } from './object-guards';
import { Shutdown } from './shutdown';
import { startSubgraphServer } from './subgraph-server';
import type { ServiceTuning } from './service-config';

/** What the runtime hands a service when it builds its collaborators and background work. */
export interface ServiceRuntime<S = unknown> {
  db: DataSource;
  logger: Logger;
  queues: QueueConnection;
  config: ServiceConfig<S>;
  /** The API's watch on applied events, for routes that answer after an event behind the caller (catchingUp). */
  applied?: AppliedEvents;
}

/** Background work a service runs beside its event consumer (schedulers, dispatchers). */
export interface BackgroundWork {
  close(): Promise<unknown>;
}

/**
 * Everything that makes a service, in one value: each service's index.ts exports one, and the
 * runtime wires it the same way for all four (rule 6 of docs/DESIGN.md).
 */
export interface ServiceDefinition<D = unknown, S = unknown> {
  name: ServiceName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<ServiceContext<D>>;
  /** One guard per protected type the SDL declares (object-guards.ts): the service does not start without them. */
  guards: ObjectGuards<ServiceContext<D>>;
  entities: MixedList<Function | EntitySchema>;
  migrations: Function[];
  /**
   * The service's own variables (its deps' settings), parsed with the shared ones at start
   * (service-config.ts): a wrong one stops the start with the others' problems.
   */
  settings?: z.ZodType<S>;
  /** Builds the service's own collaborators, passed to resolvers as `ctx.deps`. */
  createDeps(runtime: ServiceRuntime<S>): Promise<D> | D;
  handlers(deps: D): EventHandlers;
  routes?(router: Router, deps: D, runtime: ServiceRuntime<S>): void;
  workers?(deps: D, runtime: ServiceRuntime<S>): Promise<BackgroundWork[]>;
  /** Event jobs applied at once (8 by default); 1 where every event writes the same few rows. */
  consumerConcurrency?: number;
  /** Writes the handlers gather over a run of events, made once before it commits. */
  runWrites?: RunWrites;
  /** The service's own gauges, beside those every service has (metrics.ts). */
  metrics?(metrics: PlatformMetrics, deps: D, runtime: ServiceRuntime<S>): void;
}

export interface ServiceConfig<S = unknown> {
  databaseUrl: string;
  queue: QueueConnectionConfig;
  /** 0 picks a free port. */
  port: number;
  identityPublicJwk: string;
  /** `api` serves GraphQL; `worker` runs the relay, the event consumer and background work. */
  roles: { api: boolean; worker: boolean };
  /** The public base URL of the gateway, for links in receipts and notifications. */
  publicUrl?: string;
  /** Where the file blob store keeps content (under .data/ by default). */
  dataDir?: string;
  /** `GET /metrics` on a listener of its own; omitted: none. */
  metrics?: MetricsConfig;
  /** Pool sizes, timeouts, log level (service-config.ts). */
  tuning: ServiceTuning;
  /** The service's own settings, parsed by its definition's `settings` schema. */
  settings: S;
}

export interface RunningService<D = unknown> {
  name: ServiceName;
  url?: string;
  port?: number;
  db: DataSource;
  deps: D;
  relay?: OutboxRelay;
  consumer?: EventConsumer;
  /** Where its metrics are scraped, when configured. */
  metricsUrl?: string;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * A query that leaves its transaction's connection is logged with its stack; with
 * DATABASE_SECOND_CONNECTION=refuse (the tests) it fails, so that none goes unnoticed.
 */
function secondConnectionPolicy(
  logger: Logger,
  policy: ServiceTuning['secondConnection'],
): (err: SecondConnectionError) => void {
  const refuse = policy === 'refuse';
  return (err) => {
    logger.error({ stack: err.stack }, err.message);
    if (refuse) throw err;
  };
}

export async function runService<D, S>(
  def: ServiceDefinition<D, S>,
  config: ServiceConfig<S>,
): Promise<RunningService<D>> {
  const logger = createLogger(def.name, undefined, config.tuning.logLevel);
  const shutdown = new Shutdown();
  const metrics = new PlatformMetrics(def.name, logger);
  try {
    const db = await openDatabase({
      url: config.databaseUrl,
      schema: def.name,
      entities: [OutboxEvent, ProcessedEvent, ...(def.entities as Function[])],
      migrations: [...BUS_MIGRATIONS, ...def.migrations],
      poolSize: config.tuning.databasePoolSize,
      timeouts: config.tuning.sessionTimeouts,
      onSecondConnection: secondConnectionPolicy(logger, config.tuning.secondConnection),
    });
    shutdown.add('database', () => db.destroy());
    const queues = new QueueConnection({
      ...config.queue,
      onError: (err) => logger.error({ err }, 'queue connection error'),
    });
    shutdown.add('queues', () => queues.close());
    await queues.waitUntilReady();
    const runtime: ServiceRuntime<S> = { db, logger, queues, config };
    const deps = await def.createDeps(runtime);
    const running: RunningService<D> = { name: def.name, db, deps, logger, stop: () => shutdown.run(logger) };
    watchService(metrics, db, queues);
    def.metrics?.(metrics, deps, runtime);

    if (config.roles.worker) {
      const relay = new OutboxRelay({
        source: def.name,
        dataSource: db,
        queues: new EventQueues(queues),
        logger,
        databaseUrl: config.databaseUrl,
        gatherMs: config.tuning.relayGatherMs,
      });
      await relay.start();
      shutdown.add('relay', () => relay.stop());
      const consumer = new EventConsumer({
        service: def.name,
        dataSource: db,
        connection: queues,
        handlers: def.handlers(deps),
        logger,
        concurrency: def.consumerConcurrency,
        runWrites: def.runWrites,
        onApplied: (events) => metrics.eventsApplied(def.name, events),
      });
      consumer.start();
      shutdown.add('consumer', () => consumer.stop());
      for (const work of (await def.workers?.(deps, runtime)) ?? []) shutdown.add('worker', () => work.close());
      Object.assign(running, { relay, consumer });
    }
    if (config.roles.api) {
      const applied = new AppliedEvents({ service: def.name, databaseUrl: config.databaseUrl, logger });
      shutdown.add('applied events', () => applied.stop());
      const server = await startSubgraphServer({
        name: def.name,
        typeDefs: def.typeDefs,
        resolvers: guardResolvers(def.name, def.typeDefs, def.resolvers, def.guards) as typeof def.resolvers,
        port: config.port,
        db,
        deps,
        logger,
        verifyIdentity: await createIdentityVerifier(config.identityPublicJwk),
        applied,
        metrics,
        routes: def.routes && ((router) => def.routes!(router, deps, { ...runtime, applied })),
      });
      shutdown.add('http', () => server.stop());
      Object.assign(running, { url: server.url, port: server.port });
    }
    if (config.metrics) {
      const scraped = await startMetricsServer(metrics.merged(), config.metrics);
      shutdown.add('metrics', () => scraped.close());
      running.metricsUrl = scraped.url;
    }
    logger.info({ url: running.url, roles: config.roles, backend: queues.backend }, 'service started');
    return running;
  } catch (err) {
    await shutdown.run(logger);
    throw err;
  }
}
