import { defaultServicePort } from '@onestop/events';
import type { Env } from './config';
import type { ServiceDefinition, ServiceConfig } from './service';
import { runService } from './service';
import { metricsConfigOf, parseServiceEnv, tuningOf } from './service-config';
import { Shutdown } from './shutdown';
import { startTracing } from './tracing';

/**
 * A service's whole configuration from an environment: the shared variables and the service's
 * own (its definition's `settings`), every problem of both listed in one ConfigError.
 * ROLE=api|worker|all lets compose scale workers apart from the HTTP servers.
 */
export function serviceConfigFromEnv<D, S>(def: ServiceDefinition<D, S>, env: Env): ServiceConfig<S> {
  const { shared, own } = parseServiceEnv(def.name, def.settings, env);
  const databaseUrl = shared.DATABASE_URL!;
  return {
    databaseUrl,
    queue: { redisUrl: shared.REDIS_URL, databaseUrl, prefix: shared.QUEUE_PREFIX, poolSize: shared.QUEUE_POOL_SIZE },
    port: shared.PORT ?? defaultServicePort(def.name),
    identityPublicJwk: shared.IDENTITY_PUBLIC_JWK!,
    roles: {
      api: shared.ROLE === 'api' || shared.ROLE === 'all',
      worker: shared.ROLE === 'worker' || shared.ROLE === 'all',
    },
    publicUrl: shared.PUBLIC_URL,
    dataDir: shared.DATA_DIR,
    metrics: metricsConfigOf(shared),
    tuning: tuningOf(shared),
    settings: own,
  };
}

/** A service process's entry: its configuration parsed once from the environment, then run until a signal. */
export async function runServiceFromEnv<D, S>(def: ServiceDefinition<D, S>, env: Env = process.env): Promise<void> {
  // Before anything runs, so that the whole process is traced when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing(def.name, env);
  const config = serviceConfigFromEnv(def, env);
  const service = await runService(def, config);
  const shutdown = new Shutdown();
  if (tracing) shutdown.add('tracing', () => tracing.shutdown()); // last: the service's final spans are sent
  shutdown.add(def.name, () => service.stop());
  shutdown.onSignals(service.logger);
}
