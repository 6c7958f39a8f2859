/**
 * `npm start`: the whole platform with one command. PostgreSQL (embedded under .data/ unless
 * DATABASE_URL is set), the four services with their workers, and the gateway, each in a
 * process of its own as in production; a demo province when the database is empty. Ctrl-C
 * stops everything and leaves no process behind.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_SERVICES, serviceEntry, serviceGraphqlUrl, serviceUrlVariable } from '@onestop/events';
import { generateIdentityKeys, parseEnv } from '@onestop/service-kit';
import { signToken } from '@onestop/service-kit';
import { startEmbeddedPostgres, stopEmbeddedPostgres } from './embedded-postgres';
import { DATA_DIR, downloadLinkSecret, resolveDatabaseUrl } from './platform-env';
import { seedDemo } from './seed-demo';
import { parseDemoHistory, seedDemoHistory, DEMO_HISTORY_DAYS } from './demo-history';
import { Supervisor, waitHealthy, waitGraphql } from './lib/supervisor';
import { DEMO_CENTRES } from '@onestop/demo-province';
import { ensurePortalBuilt } from './lib/portal-build';
import { platformDatabaseUrls } from './lib/platform-database';
import { portOf, startEnv } from './lib/start-config';

/** Parsed once, here: a non-numeric port or an unknown DATABASE_ROLES stops the start with every problem listed. */
const env = parseEnv('npm start', startEnv, process.env);
const SERVICES = PLATFORM_SERVICES;

const log = (line: string) => console.log(`[start] ${line}`);

/** With METRICS_PORT, each process serves /metrics on a port of its own: the gateway on it, the services on the next four. */
const METRICS_BASE = env.METRICS_PORT;
const metricsPort = (index: number): NodeJS.ProcessEnv =>
  METRICS_BASE === undefined ? {} : { METRICS_PORT: String(METRICS_BASE + index) };

/** The gateway's /healthz answers 200 only once this file exists: written when the demo data is in place. */
const READY_FILE = join(DATA_DIR, 'gateway-ready');

async function main() {
  const supervisor = new Supervisor();
  let shuttingDown = false;
  /** Cancels the demo history's import when the platform stops under it (the next start resumes it). */
  const history = new AbortController();
  const shutdown = async (code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    history.abort();
    log('stopping…');
    await supervisor.stop();
    await stopEmbeddedPostgres().catch(() => undefined);
    rmSync(READY_FILE, { force: true });
    log('stopped');
    process.exit(code);
  };
  // The services drain first; PostgreSQL (in a process group of its own, out of the terminal's
  // Ctrl-C) stops last.
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGHUP', () => void shutdown());

  try {
    const demoHistory = parseDemoHistory(env.DEMO_HISTORY);
    rmSync(READY_FILE, { force: true });
    if (!env.DATABASE_URL) await startEmbeddedPostgres(log);
    const databaseUrl = await resolveDatabaseUrl();
    // Each service as its own role, the owner migrating (README "Database roles").
    const urls = await platformDatabaseUrls(databaseUrl, log);
    const jwtSecret = env.AUTH_JWT_SECRET || (env.AUTH_JWKS_URL ? undefined : randomBytes(32).toString('hex'));
    const keys = await generateIdentityKeys();
    const gatewayPort = env.PORT;
    const publicUrl = env.PUBLIC_URL ?? `http://localhost:${gatewayPort}`;
    const common = {
      IDENTITY_PUBLIC_JWK: keys.publicJwk,
      DATA_DIR,
      PUBLIC_URL: publicUrl,
      ROLE: 'all',
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    };

    // The portal builds (when its sources changed) while the services start.
    const portal = ensurePortalBuilt(log);
    portal.catch(() => undefined);
    const secrets = { delivery: { DOWNLOAD_LINK_SECRET: downloadLinkSecret() } } as Record<string, NodeJS.ProcessEnv>;
    for (const service of SERVICES) {
      const port = portOf(env, service.name);
      supervisor.run(service.name, serviceEntry(service.name), {
        ...common,
        DATABASE_URL: urls.services[service.name],
        ...secrets[service.name],
        PORT: String(port),
        ...metricsPort(SERVICES.indexOf(service) + 1),
      });
    }
    await Promise.all(SERVICES.map((s) => waitHealthy(`http://127.0.0.1:${portOf(env, s.name)}/readyz`, s.name)));
    await portal;
    supervisor.run('gateway', 'gateway/src/main.ts', {
      ...common,
      DATABASE_URL: urls.gateway,
      PORT: String(gatewayPort),
      IDENTITY_PRIVATE_JWK: keys.privateJwk,
      AUTH_JWT_SECRET: jwtSecret ?? '',
      GATEWAY_READY_FILE: READY_FILE,
      ...metricsPort(0),
      ...Object.fromEntries(
        SERVICES.map((s) => [serviceUrlVariable(s.name), serviceGraphqlUrl(s.name, portOf(env, s.name))]),
      ),
    });
    await waitGraphql(`http://127.0.0.1:${gatewayPort}/graphql`, 'gateway');

    const adminToken = jwtSecret
      ? await signToken(
          jwtSecret,
          { sub: 'demo-admin', name: 'Quản trị viên', role: 'ADMIN', centre: DEMO_CENTRES[0].code },
          '12h',
        )
      : undefined;
    const graphqlUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const seeded = adminToken
      ? await seedDemo(graphqlUrl, jwtSecret!, { dataDir: DATA_DIR, databaseUrl, history: demoHistory })
      : { summary: 'skipped (no AUTH_JWT_SECRET)', history: null, historyDone: () => undefined };
    writeFileSync(READY_FILE, `${process.pid}\n`);

    console.log(`
  One-stop platform is up.
    Portal        ${publicUrl}/
    GraphQL       ${publicUrl}/graphql
    Health        ${publicUrl}/healthz
    Services      ${SERVICES.map((s) => `${s.name} :${portOf(env, s.name)}`).join(', ')}
${METRICS_BASE === undefined ? '' : `    Metrics       http://127.0.0.1:${METRICS_BASE}/metrics (gateway), ${SERVICES.map((s, i) => `${s.name} :${METRICS_BASE + i + 1}`).join(', ')}\n`}    PostgreSQL    ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded, data under ${join(DATA_DIR, 'postgres')}`}; ${urls.summary}
    Queue backend ${env.REDIS_URL ? 'Redis (REDIS_URL)' : "BullMQ's PostgreSQL backend (no REDIS_URL)"}
    Demo data     ${seeded.summary}${seeded.history ? `\n                  and a history of ${seeded.history.size} dossiers over the last ${DEMO_HISTORY_DAYS} days, imported now in the background (DEMO_HISTORY)` : ''}
${env.AUTH_JWT_SECRET || !jwtSecret ? '' : `    Development token secret (AUTH_JWT_SECRET): ${jwtSecret}\n`}${adminToken ? `    An ADMIN token for the demo province (12 h):\n      ${adminToken}\n` : ''}
  Ctrl-C stops everything.`);

    // The recent history comes after readiness: importing thousands of dossiers takes longer than
    // the first start may (the portal answers within 90 s); the pages fill in as it goes. A stop
    // cuts it short and the next start resumes the same plan.
    if (seeded.history) {
      const plan = seeded.history;
      seedDemoHistory(graphqlUrl, jwtSecret!, plan, { signal: history.signal }).then(
        (r) => {
          seeded.historyDone();
          log(
            `demo history in place: ${r.imported + r.alreadyImported + r.live} dossiers of ${r.from} to ${r.to} in ${r.seconds.toFixed(0)} s (statistics count them within a minute or two)`,
          );
        },
        (err) => {
          if (shuttingDown) return;
          console.error(
            `[start] the demo history stopped: ${err instanceof Error ? err.message : err} (the next start goes on with it)`,
          );
        },
      );
    }
  } catch (err) {
    // A stop while starting makes the start's steps fail: that is the stop, not an error.
    if (shuttingDown) return;
    console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
  }
}

void main();
