import { Shutdown, createLogger, errorLine, startTracing } from '@onestop/service-kit';
import { startGateway } from './gateway-server';
import { gatewayOptionsFromEnv } from './config';
import { readClaimMapping } from './oidc/claim-mapping';

/** The gateway process's entry: its configuration parsed once (config.ts), then run until a signal. */
async function main() {
  const env = process.env;
  // Before the gateway starts, so that its routes and fetches are traced when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing('gateway', env);
  const options = gatewayOptionsFromEnv(env, readClaimMapping);
  const logger = createLogger('gateway', undefined, options.logLevel);
  const gateway = await startGateway(options);
  const shutdown = new Shutdown();
  if (tracing) shutdown.add('tracing', () => tracing.shutdown()); // last: the final spans are sent
  shutdown.add('gateway', () => gateway.stop());
  shutdown.onSignals(logger);
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
