/**
 * The platform as separate processes, the way `npm start` and production run it, on a database
 * and a queue backend the caller chooses and on free ports: for the benchmark and the chaos run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { generateIdentityKeys } from '@onestop/service-kit';
import { signToken, type TokenClaims } from '@onestop/service-kit';
import { Supervisor, waitHealthy } from './supervisor';
import { platformDatabaseUrls } from './platform-database';

import { SERVICE_NAMES, serviceEntry, serviceGraphqlUrl, serviceUrlVariable, type ServiceName } from '@onestop/events';

export { SERVICE_NAMES, type ServiceName };

export interface LaunchOptions {
  databaseUrl: string;
  /** Redis (production's backend); BullMQ's PostgreSQL backend when absent. */
  redisUrl?: string;
  /** Redis key prefix, so that runs sharing one Redis never meet. */
  queuePrefix?: string;
  /** API and worker (relay, consumer, background work) of each service as two processes (ROLE=api / ROLE=worker). */
  split?: boolean;
  /** Gateway processes behind one port (node:cluster); 1 = a single process. */
  gatewayProcesses?: number;
  dataDir: string;
  logFile?: string;
  restartDelayMs?: number;
  /** Added to every service process's environment (LOG_LEVEL, DATABASE_POOL_SIZE, …). */
  env?: Record<string, string>;
  /** `node` options for the service processes (e.g. --cpu-prof). */
  nodeArgs?: string[];
  log?: (line: string) => void;
}

export interface LaunchedPlatform {
  supervisor: Supervisor;
  gatewayUrl: string;
  graphqlUrl: string;
  ports: Record<ServiceName, number>;
  /** The gateway's environment (secrets, subgraph URLs), for a second gateway on the same services (the benchmark's peer). */
  gatewayEnv: Record<string, string>;
  /** `node` options of every process (e.g. --cpu-prof), for a process started beside them. */
  nodeArgs: string[];
  token(claims: TokenClaims, expiresIn?: string): Promise<string>;
  /** Peak resident memory (VmHWM) of each running process, in MB; a cluster's workers by their own names. */
  peakMemoryMb(): Record<string, number>;
  stop(): Promise<void>;
}

/** `n` distinct free TCP ports, from the kernel. */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) {
    ports.add(
      await new Promise<number>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      }),
    );
  }
  return [...ports];
}

export async function launchPlatform(opts: LaunchOptions): Promise<LaunchedPlatform> {
  const supervisor = new Supervisor({ log: opts.log, logFile: opts.logFile, restartDelayMs: opts.restartDelayMs });
  // Ctrl-C or a kill of the run stops its processes too (they would outlive it otherwise).
  const onSignal = () => void supervisor.stop(3_000).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await supervisor.stop();
  };
  try {
    const jwtSecret = randomBytes(32).toString('hex');
    const keys = await generateIdentityKeys();
    const [gatewayPort, ...servicePorts] = await freePorts(1 + SERVICE_NAMES.length);
    const ports = Object.fromEntries(SERVICE_NAMES.map((n, i) => [n, servicePorts[i]])) as Record<ServiceName, number>;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    // A role per service, as `npm start` makes them (README "Database roles").
    const urls = await platformDatabaseUrls(opts.databaseUrl, opts.log, {
      ...process.env,
      REDIS_URL: opts.redisUrl ?? '',
    });
    const common: Record<string, string> = {
      REDIS_URL: opts.redisUrl ?? '',
      QUEUE_PREFIX: opts.queuePrefix ?? '',
      IDENTITY_PUBLIC_JWK: keys.publicJwk,
      DATA_DIR: opts.dataDir,
      PUBLIC_URL: gatewayUrl,
      LOG_LEVEL: 'warn',
      DOWNLOAD_LINK_SECRET: randomBytes(16).toString('hex'),
      ...opts.env,
    };
    for (const name of SERVICE_NAMES) {
      const env = { ...common, DATABASE_URL: urls.services[name], PORT: String(ports[name]) };
      supervisor.run(
        opts.split ? `${name}-api` : name,
        serviceEntry(name),
        { ...env, ROLE: opts.split ? 'api' : 'all' },
        opts.nodeArgs,
      );
    }
    await Promise.all(SERVICE_NAMES.map((n) => waitHealthy(`http://127.0.0.1:${ports[n]}/readyz`, n, 180_000)));
    // Workers once the APIs have run the migrations (two processes migrating one schema at once: one fails).
    if (opts.split) {
      for (const name of SERVICE_NAMES) {
        supervisor.run(
          `${name}-worker`,
          serviceEntry(name),
          { ...common, DATABASE_URL: urls.services[name], PORT: String(ports[name]), ROLE: 'worker' },
          opts.nodeArgs,
        );
      }
    }
    const gatewayEnv = {
      ...common,
      DATABASE_URL: urls.gateway,
      PORT: String(gatewayPort),
      GATEWAY_PROCESSES: String(opts.gatewayProcesses ?? 1),
      IDENTITY_PRIVATE_JWK: keys.privateJwk,
      AUTH_JWT_SECRET: jwtSecret,
      ...Object.fromEntries(SERVICE_NAMES.map((n) => [serviceUrlVariable(n), serviceGraphqlUrl(n, ports[n])])),
    };
    supervisor.run('gateway', 'scripts/lib/gateway-cluster.ts', gatewayEnv, opts.nodeArgs);
    await waitHealthy(`${gatewayUrl}/healthz`, 'gateway', 180_000);
    return {
      supervisor,
      gatewayUrl,
      graphqlUrl: `${gatewayUrl}/graphql`,
      ports,
      gatewayEnv,
      nodeArgs: opts.nodeArgs ?? [],
      token: (claims, expiresIn = '12h') => signToken(jwtSecret, claims, expiresIn),
      peakMemoryMb: () => {
        const out: Record<string, number> = {};
        for (const { name, pid } of supervisor.processes()) {
          const children = childPids(pid);
          if (name === 'gateway' && children.length > 0) {
            out['gateway (primary)'] = vmHwmMb(pid);
            children.forEach((child, i) => (out[`gateway #${i + 1}`] = vmHwmMb(child)));
          } else out[name] = vmHwmMb(pid);
        }
        return out;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** VmHWM of a process (Linux): the peak of its resident set since it started, in MB. */
export function vmHwmMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
