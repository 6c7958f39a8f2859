import { Shutdown, createLogger, errorLine, metricsConfigFromEnv, startTracing } from '@onestop/service-kit';
import { startGateway } from './gateway-server';
import { SERVICE_NAMES } from './compose';
import { limitsFromEnv } from './limits';
import { oidcFromEnv } from './oidc/sign-in';
import { readClaimMapping } from './oidc/claim-mapping';

const DEFAULT_PORTS: Record<string, number> = { intake: 4001, processing: 4002, delivery: 4003, statistics: 4004 };

async function main() {
  // Before the gateway starts, so that its routes and fetches are traced when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing('gateway');
  const logger = createLogger('gateway');
  const gateway = await startGateway({
    port: Number(process.env.PORT ?? 4000),
    subgraphs: SERVICE_NAMES.map((name) => ({
      name,
      url: process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
    })),
    jwtSecret: process.env.AUTH_JWT_SECRET || undefined,
    jwksUrl: process.env.AUTH_JWKS_URL || undefined,
    jwtIssuer: process.env.AUTH_JWT_ISSUER || undefined,
    jwtAudience: process.env.AUTH_JWT_AUDIENCE || undefined,
    identityPrivateJwk: process.env.IDENTITY_PRIVATE_JWK ?? '',
    production: process.env.NODE_ENV === 'production',
    limits: limitsFromEnv(),
    courierCallbackSecret: process.env.COURIER_CALLBACK_SECRET || undefined,
    readyFile: process.env.GATEWAY_READY_FILE || undefined,
    portalDir: process.env.PORTAL_DIR || undefined,
    loginUrl: process.env.AUTH_LOGIN_URL || undefined,
    metrics: metricsConfigFromEnv(),
    oidc: oidcFromEnv(process.env, readClaimMapping),
    sessionRedisUrl: process.env.REDIS_URL || undefined,
    trustProxy: process.env.TRUST_PROXY ? (/^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY) : undefined,
    queue: process.env.DATABASE_URL || process.env.REDIS_URL
      ? { redisUrl: process.env.REDIS_URL || undefined, databaseUrl: process.env.DATABASE_URL ?? '', prefix: process.env.QUEUE_PREFIX || undefined }
      : undefined,
  });
  const shutdown = new Shutdown();
  if (tracing) shutdown.add('tracing', () => tracing.shutdown()); // last: the final spans are sent
  shutdown.add('gateway', () => gateway.stop());
  shutdown.onSignals(logger);
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
