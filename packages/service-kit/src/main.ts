import type { ServiceDefinition, ServiceConfig } from './service';
import { runService } from './service';
import { Shutdown } from './shutdown';
import { metricsConfigFromEnv } from './metrics';
import { startTracing } from './tracing';

/**
 * A service process's entry: configuration from the environment, then run until a signal.
 * ROLE=api|worker|all lets compose scale workers apart from the HTTP servers.
 */
export async function runServiceFromEnv<D>(def: ServiceDefinition<D>, defaultPort: number): Promise<void> {
  // Before anything runs, so that the whole process is traced when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing(def.name);
  const role = process.env.ROLE ?? 'all';
  const config: ServiceConfig = {
    databaseUrl: required('DATABASE_URL'),
    queue: { redisUrl: process.env.REDIS_URL || undefined, databaseUrl: required('DATABASE_URL'), prefix: process.env.QUEUE_PREFIX || undefined },
    port: Number(process.env.PORT ?? defaultPort),
    identityPublicJwk: required('IDENTITY_PUBLIC_JWK'),
    roles: { api: role === 'api' || role === 'all', worker: role === 'worker' || role === 'all' },
    publicUrl: process.env.PUBLIC_URL,
    dataDir: process.env.DATA_DIR,
    metrics: metricsConfigFromEnv(),
  };
  const service = await runService(def, config);
  const shutdown = new Shutdown();
  if (tracing) shutdown.add('tracing', () => tracing.shutdown()); // last: the service's final spans are sent
  shutdown.add(def.name, () => service.stop());
  shutdown.onSignals(service.logger);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}
