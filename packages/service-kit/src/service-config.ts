import { z } from 'zod';
import type { ServiceName } from '@onestop/events';
import { ALWAYS, ConfigError, checkEnv, variable, type Env } from './config';
import type { MetricsConfig } from './metrics';
import type { SessionTimeouts } from './database';

/** pino's levels, and `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What every process that logs, measures and traces reads (the gateway's schema extends it too). */
export const processEnv = z.object({
  NODE_ENV: variable.text().optional(),
  LOG_LEVEL: variable.oneOf(LOG_LEVELS).optional(),
  METRICS_PORT: variable.port().optional(),
  METRICS_HOST: variable.text().optional(),
  METRICS_TOKEN: variable.secret(16).optional(),
  // Read by the OpenTelemetry SDK itself; checked here so that a mistyped address fails at start.
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.httpUrl().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: variable.httpUrl().optional(),
});

/** What every service process reads, whichever service it is (its own variables are in its deps' schema). */
export const serviceEnv = processEnv
  .extend({
    DATABASE_URL: variable.url('postgres', 'postgresql').optional(),
    DATABASE_POOL_SIZE: variable.int(1).default(10),
    DATABASE_LOCK_TIMEOUT_MS: variable.int(0).default(10_000),
    DATABASE_STATEMENT_TIMEOUT_MS: variable.int(0).default(120_000),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: variable.int(0).default(60_000),
    /** `refuse` (the tests): a query that leaves its transaction's connection fails instead of being logged. */
    DATABASE_SECOND_CONNECTION: variable.oneOf(['log', 'refuse']).default('log'),
    REDIS_URL: variable.url('redis', 'rediss').optional(),
    QUEUE_PREFIX: variable.text().optional(),
    QUEUE_POOL_SIZE: variable.int(1).default(10),
    PORT: variable.port().optional(),
    IDENTITY_PUBLIC_JWK: variable
      .json("the gateway's public key, or a list of keys during a rotation: `npm run keys`")
      .optional(),
    ROLE: variable.oneOf(['api', 'worker', 'all']).default('all'),
    PUBLIC_URL: variable.httpUrl().optional(),
    DATA_DIR: variable.text().optional(),
    CALENDAR_TTL_MS: variable.int(0).default(5_000),
    /** How long the outbox relay, woken from idle, gathers commits into one run before sending. */
    RELAY_GATHER_MS: variable.int(0).default(5),
  })
  // Optional above so that the test harness, which brings its own, shares the schema; a service process needs both.
  .superRefine((env, ctx) => {
    if (!env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required: the PostgreSQL the service keeps its schema in',
      });
    if (!env.IDENTITY_PUBLIC_JWK)
      ctx.addIssue({
        code: 'custom',
        path: ['IDENTITY_PUBLIC_JWK'],
        message: "is required: the gateway's public key (`npm run keys`)",
      });
  }, ALWAYS);

export type ServiceEnv = z.output<typeof serviceEnv>;

/** The knobs every service's runtime takes from its process's configuration. */
export interface ServiceTuning {
  /** NODE_ENV=production: secrets required, no development transports. */
  production: boolean;
  logLevel?: LogLevel;
  /** Connections of the service's TypeORM pool. */
  databasePoolSize: number;
  sessionTimeouts: SessionTimeouts;
  /** `refuse`: a query that leaves its transaction's connection fails (the tests); `log`: it is logged with its stack. */
  secondConnection: 'log' | 'refuse';
  /** How long a declared calendar is trusted before it is checked against the table again (DeclaredCalendar). */
  calendarTtlMs: number;
  /** The outbox relay's gathering window (OutboxRelay's gatherMs). */
  relayGatherMs: number;
}

export function metricsConfigOf(env: z.output<typeof processEnv>): MetricsConfig | undefined {
  return env.METRICS_PORT === undefined
    ? undefined
    : { port: env.METRICS_PORT, host: env.METRICS_HOST ?? '127.0.0.1', token: env.METRICS_TOKEN };
}

export function tuningOf(env: ServiceEnv): ServiceTuning {
  return {
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : undefined),
    databasePoolSize: env.DATABASE_POOL_SIZE,
    sessionTimeouts: {
      lockMs: env.DATABASE_LOCK_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    secondConnection: env.DATABASE_SECOND_CONNECTION,
    calendarTtlMs: env.CALENDAR_TTL_MS,
    relayGatherMs: env.RELAY_GATHER_MS,
  };
}

/** A service's whole configuration: the shared part and the service's own (its definition's `settings`), problems of both listed together. */
export function parseServiceEnv<S>(
  name: ServiceName,
  own: z.ZodType<S> | undefined,
  env: Env,
): { shared: ServiceEnv; own: S } {
  const shared = checkEnv(serviceEnv, env);
  const mine = own ? checkEnv(own, env) : { value: undefined as S };
  const problems = [...('problems' in shared ? shared.problems : []), ...('problems' in mine ? mine.problems : [])];
  if (problems.length || !('value' in shared) || !('value' in mine)) throw new ConfigError(name, problems);
  return { shared: shared.value, own: mine.value };
}
