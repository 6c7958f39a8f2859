/**
 * Figures as ratios to a floor taken in the same run. The machine's speed drifts several-fold in
 * a day, so an absolute rate compares with nothing taken an hour apart; a ratio to the floor
 * (floor-server.ts: the same work, framework-free, on the same PostgreSQL) does. Trials of the
 * floor and the platform alternate A/B/A/B after a warm-up, so that a drift during the run
 * weighs on both; each ratio comes with the spread of its pairs.
 *
 * CPU per operation is read from /proc for every process that takes part: the gateway, each
 * service, the floor, this load generator, the PostgreSQL backends of the run's database and
 * Redis (shared with whatever else uses that Redis: read it as an upper bound).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import IORedis from 'ioredis';
import { ROOT } from '../platform-env';
import { freePorts, type LaunchedPlatform } from '../lib/platform-processes';
import { closedLoop, graphqlClient, type GraphQLClient } from './load';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) of a process and its threads, in ms; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime (fields 14, 15)
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export interface RunningFloor {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startFloor(databaseUrl: string): Promise<RunningFloor> {
  const [port] = await freePorts(1);
  const child: ChildProcess = fork(join(ROOT, 'scripts/bench/floor-server.ts'), [], {
    cwd: ROOT,
    execArgv: ['-r', './scripts/register.js'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the floor exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The processes whose CPU a trial counts, by name: resolved at each reading (pools may open backends). */
export type Census = () => Promise<Record<string, number[]>>;

export function platformCensus(platform: LaunchedPlatform): () => Record<string, number[]> {
  return () =>
    Object.fromEntries(platform.supervisor.processes().map(({ name, pid }) => [name, [pid, ...children(pid)]]));
}

async function sharedCensus(
  databaseUrl: string,
  redisUrl: string | undefined,
): Promise<{ census: () => Promise<Record<string, number[]>>; close(): Promise<void> }> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const { rows } = await pg.query(`SELECT pg_backend_pid() AS me`);
  const me = Number(rows[0].me);
  let redisPid: number | undefined;
  if (redisUrl) {
    const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch(() => undefined);
    const info = await redis.info('server').catch(() => '');
    redisPid = Number(/process_id:(\d+)/.exec(info)?.[1]) || undefined;
    redis.disconnect();
  }
  return {
    census: async () => {
      const backends = await pg.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1`,
        [me],
      );
      return { postgres: backends.rows.map((r) => Number(r.pid)), ...(redisPid ? { redis: [redisPid] } : {}) };
    },
    close: () => pg.end(),
  };
}

async function reading(census: Census): Promise<Record<string, Map<number, number>>> {
  const out: Record<string, Map<number, number>> = {};
  for (const [name, pids] of Object.entries(await census())) out[name] = new Map(pids.map((pid) => [pid, cpuMs(pid)]));
  out['load generator'] = new Map([[process.pid, (process.cpuUsage().user + process.cpuUsage().system) / 1000]]);
  return out;
}

/** CPU spent between two readings, per name; a process seen only at the end counts from zero. */
function spent(
  before: Record<string, Map<number, number>>,
  after: Record<string, Map<number, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pids] of Object.entries(after)) {
    out[name] = [...pids].reduce((sum, [pid, ms]) => sum + Math.max(0, ms - (before[name]?.get(pid) ?? 0)), 0);
  }
  return out;
}

export interface Trial {
  /** The variant's name: 'floor' or 'platform' against the floor, 'peer' or 'ours' for the gateways. */
  variant: string;
  operations: number;
  perSecond: number;
  p50: number;
  errors: number;
  firstError?: string;
  /** CPU ms per operation, by process. */
  cpuMsPerOperation: Record<string, number>;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface RatioFigures {
  operation: string;
  /** The variant every ratio is taken against (the floor; the peer gateway), and the one measured. */
  baseline: string;
  measured: string;
  trials: Trial[];
  /** The measured variant's throughput over the baseline's, per A/B pair: median and spread. */
  throughputRatio: Spread;
  /** Total CPU per operation, measured over baseline, per pair. */
  cpuRatio: Spread;
  /** CPU per operation of each process both variants have, measured over baseline, per pair. */
  processCpuRatio: Record<string, Spread>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const total = (t: Trial) => Object.values(t.cpuMsPerOperation).reduce((a, b) => a + b, 0);

type Variant = { client: GraphQLClient; census: Census };

/**
 * Alternates `pairs` trials of two variants (the baseline first in `variants`: the floor, then the
 * platform; the peer gateway, then ours) of `seconds` each (closed loop, `clients` clients), after
 * one warm-up trial of each. `send(client, i)` sends the i-th operation to one of the two; `settle`
 * waits, before a trial's CPU is read, for what its operations left to do.
 */
export async function alternate<V extends string>(
  operation: string,
  variants: Record<V, Variant>,
  send: (client: GraphQLClient, variant: V, i: number) => Promise<unknown>,
  opts: { pairs: number; seconds: number; clients: number; settle?: (variant: V) => Promise<unknown> },
  log: (line: string) => void,
): Promise<RatioFigures> {
  const [baseline, measured] = Object.keys(variants) as V[];
  const trial = async (variant: V, seconds: number): Promise<Trial> => {
    const { client, census } = variants[variant];
    const before = await reading(census);
    const r = await closedLoop(opts.clients, seconds, (i) => send(client, variant, i));
    // The work an operation leaves behind (its events, applied by every subscriber) is part of its cost.
    await opts.settle?.(variant);
    const cpu = spent(before, await reading(census));
    const operations = Math.max(1, r.requests - r.errors);
    return {
      variant,
      operations,
      perSecond: r.perSecond,
      p50: r.p50,
      errors: r.errors,
      firstError: r.firstError,
      cpuMsPerOperation: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / operations])),
    };
  };
  log(`${operation}: warm-up`);
  await trial(baseline, Math.max(2, opts.seconds / 2));
  await trial(measured, Math.max(2, opts.seconds / 2));
  const trials: Trial[] = [];
  for (let p = 0; p < opts.pairs; p++) {
    // Alternate which goes first, so that neither always runs on a warmer (or busier) machine.
    const order = p % 2 === 0 ? [baseline, measured] : [measured, baseline];
    for (const v of order) {
      const t = await trial(v, opts.seconds);
      trials.push(t);
      log(
        `  ${operation} ${v}: ${t.perSecond.toFixed(0)}/s, p50 ${t.p50.toFixed(1)} ms, ${total(t).toFixed(2)} CPU-ms/op${t.errors ? `, ${t.errors} errors (first: ${t.firstError})` : ''}`,
      );
    }
  }
  const pairsOf = (f: (base: Trial, other: Trial) => number) =>
    Array.from({ length: opts.pairs }, (_, p) => {
      const pair = trials.slice(2 * p, 2 * p + 2);
      return f(
        pair.find((t) => t.variant === baseline)!,
        pair.find((t) => t.variant === measured)!,
      );
    });
  const shared = [...new Set(trials.flatMap((t) => Object.keys(t.cpuMsPerOperation)))].filter((name) =>
    trials.every((t) => t.cpuMsPerOperation[name] !== undefined),
  );
  return {
    operation,
    baseline,
    measured,
    trials,
    throughputRatio: spread(pairsOf((b, m) => m.perSecond / b.perSecond)),
    cpuRatio: spread(pairsOf((b, m) => total(m) / total(b))),
    processCpuRatio: Object.fromEntries(
      shared.map((name) => [name, spread(pairsOf((b, m) => m.cpuMsPerOperation[name] / b.cpuMsPerOperation[name]))]),
    ),
  };
}

/** The census of the processes shared by the floor and the platform (PostgreSQL backends, Redis). */
export async function withSharedCensus<T>(
  databaseUrl: string,
  redisUrl: string | undefined,
  fn: (census: Census) => Promise<T>,
): Promise<T> {
  const shared = await sharedCensus(databaseUrl, redisUrl);
  try {
    return await fn(shared.census);
  } finally {
    await shared.close();
  }
}

export { graphqlClient };
