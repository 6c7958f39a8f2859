import { deleteRedisPrefix } from '@onestop/test-support';
/**
 * `npm run bench`: the platform measured against issue 8's targets on the machine it runs on.
 *
 *   npm run bench [-- --backend redis|postgres|both] [--full] [--rate 300] [--rate-seconds 20]
 *                 [--clients 32] [--seconds 15] [--import-dossiers 3000] [--gateway-processes 1]
 *                 [--report-runs 40] [--cpu-prof] [--light-rate 10] [--light-seconds 30] [--light-only]
 *                 [--pairs 4] [--trial-seconds 8] [--ratios-only] [--no-ratios] [--peer-only] [--no-peer]
 *                 [--tracing-only] [--no-tracing]
 *
 * For each queue backend (Redis at REDIS_URL or 127.0.0.1:6379, then BullMQ's PostgreSQL
 * backend) it creates a fresh database (scripts/lib/scratch-database.ts), starts the four services
 * and the gateway as separate processes as `npm start` does, seeds a centre and a procedure
 * through the API, then measures (scripts/bench/*.ts): the events' lag at a light rate (reception →
 * processing and → statistics; --light-only stops after it), receptions at a fixed rate (open loop)
 * and at saturation (closed loop), reception → statistics, the contract's Dossier query, the
 * import throughput (3,000 dossiers of a generated province-year by default, extrapolated to the
 * 68,440 of the target; --import-dossiers 68440 for the whole year), the Report query (province-year;
 * with --full also 10 million dossiers, which takes many minutes and ~10 GB), and every process's
 * peak memory. First of all, receptions and the Dossier query beside their floor (bench/ratios.ts):
 * ratios taken in the same run, alternated A/B, with CPU-ms per operation for every process
 * (--ratios-only stops after them); then our gateway beside a peer gateway on the same supergraph
 * (bench/peer.ts: @graphql-hive/gateway-runtime), gateway CPU per Dossier query as a ratio
 * (--peer-only runs that alone, --no-peer skips it); then tracing off beside tracing on (bench/tracing.ts:
 * a second platform exporting its spans to a local OTLP sink, alternated A/B; --tracing-only runs that
 * alone, --no-tracing skips it). Prints one table and writes bench-results/<date>.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { ROOT } from './platform-env';
import { launchPlatform, type LaunchedPlatform } from './lib/platform-processes';
import { createScratchDatabase } from './lib/scratch-database';
import { graphqlClient, type LatencySummary } from './bench/load';
import {
  benchReceptions,
  benchDossierQuery,
  seedBench,
  waitEventsApplied,
  type BenchSeed,
  type EventLag,
} from './bench/receptions';
import { benchReport, type ReportFigures } from './bench/report-figures';
import { benchImport, type ImportFigures } from './bench/import-figures';
import { errorLine } from '@onestop/service-kit';
import { benchRatios, ratioLines } from './bench/ratios';
import type { RatioFigures } from './bench/floor';
import { benchPeer, peerLines, type PeerFigures } from './bench/peer';
import { benchTracing, startSpanSink, tracingLines, type TracedPlatform, type TracingFigures } from './bench/tracing';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

const OPTIONS = {
  backends: (opt('backend', 'both') === 'both' ? ['redis', 'postgres'] : [opt('backend', 'both')]) as Array<
    'redis' | 'postgres'
  >,
  full: flag('full'),
  rate: Number(opt('rate', '300')),
  rateSeconds: Number(opt('rate-seconds', '20')),
  clients: Number(opt('clients', '32')),
  seconds: Number(opt('seconds', '15')),
  importDossiers: Number(opt('import-dossiers', '3000')),
  gatewayProcesses: Number(opt('gateway-processes', '1')),
  reportRuns: Number(opt('report-runs', '40')),
  cpuProf: flag('cpu-prof'),
  lightRate: Number(opt('light-rate', '10')),
  lightSeconds: Number(opt('light-seconds', '30')),
  lightOnly: flag('light-only'),
  pairs: Number(opt('pairs', '4')),
  trialSeconds: Number(opt('trial-seconds', '8')),
  ratiosOnly: flag('ratios-only'),
  ratios: !flag('no-ratios'),
  peer: !flag('no-peer'),
  peerOnly: flag('peer-only'),
  tracing: !flag('no-tracing'),
  tracingOnly: flag('tracing-only'),
};

/** What a --light-only run measures. */
export interface LightFigures {
  backend: string;
  database: string;
  eventLag?: EventLag;
  /** The platform against its floor, same run (bench/ratios.ts). */
  ratios?: RatioFigures[];
  /** Our gateway against a peer gateway on the same supergraph (bench/peer.ts). */
  peer?: PeerFigures;
  /** Tracing off beside tracing on, same run (bench/tracing.ts). */
  tracing?: TracingFigures;
  peakMemoryMb: Record<string, number>;
  loadAverage: number[];
}

export interface BackendFigures extends LightFigures {
  receptions: { fixedRate: LatencySummary; saturation: LatencySummary; drainSeconds: number };
  receptionToStatistics: { underLoad: LatencySummary; light: LatencySummary };
  dossierQuery: LatencySummary;
  importFigures: ImportFigures;
  report: ReportFigures;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function runBackend(
  backend: 'redis' | 'postgres',
  stamp: string,
): Promise<LightFigures | BackendFigures | { backend: string; skipped: string }> {
  const redisUrl = backend === 'redis' ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : undefined;
  if (redisUrl && !(await redisAnswers(redisUrl))) return { backend, skipped: `no Redis answers at ${redisUrl}` };
  const db = await createScratchDatabase('onestop_bench');
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const dataDir = join(ROOT, 'bench-results', 'data', `${stamp}-${backend}`);
  const logFile = join(ROOT, 'bench-results', `${stamp}-${backend}.log`);
  mkdirSync(dataDir, { recursive: true });
  log(`${backend}: ${db.where}; process output in ${logFile}`);
  let platform: LaunchedPlatform | undefined;
  try {
    const t0 = Date.now();
    platform = await launchPlatform({
      databaseUrl: db.url,
      redisUrl,
      queuePrefix: prefix,
      dataDir,
      logFile,
      gatewayProcesses: OPTIONS.gatewayProcesses,
      // max_connections is 100 on a stock PostgreSQL and the machine is shared: four services of 8 + 4.
      // Tracing off whatever this shell says: the traced platform of --tracing is the other one.
      env: {
        DATABASE_POOL_SIZE: '8',
        QUEUE_POOL_SIZE: '4',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
      },
      nodeArgs: OPTIONS.cpuProf
        ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench-results', 'profiles', `${stamp}-${backend}`)]
        : [],
      log: (line) => log(`${backend}: ${line}`),
    });
    log(`${backend}: platform up in ${((Date.now() - t0) / 1000).toFixed(0)} s at ${platform.gatewayUrl}`);
    const gql = graphqlClient(platform.gatewayUrl, Math.max(64, OPTIONS.clients * 2));
    try {
      const seed: BenchSeed = await seedBench(platform, gql, db.url);
      const ratios =
        !OPTIONS.peerOnly && !OPTIONS.tracingOnly && (OPTIONS.ratios || OPTIONS.ratiosOnly)
          ? await benchRatios(
              platform,
              seed,
              db.url,
              redisUrl,
              { pairs: OPTIONS.pairs, seconds: OPTIONS.trialSeconds, clients: OPTIONS.clients },
              log,
            )
          : undefined;
      if (ratios) ratioLines(ratios).forEach((l) => log(`${backend}: ${l}`));
      const peer =
        OPTIONS.peerOnly || (OPTIONS.peer && !OPTIONS.ratiosOnly && !OPTIONS.tracingOnly)
          ? await benchPeer(
              platform,
              seed,
              db.url,
              redisUrl,
              { pairs: OPTIONS.pairs, seconds: OPTIONS.trialSeconds, clients: OPTIONS.clients },
              log,
            )
          : undefined;
      if (peer) [...peerLines(peer), ...ratioLines([peer])].forEach((l) => log(`${backend}: ${l}`));
      const tracing =
        OPTIONS.tracingOnly || (OPTIONS.tracing && !OPTIONS.ratiosOnly && !OPTIONS.peerOnly)
          ? await withTracedPlatform(backend, stamp, redisUrl, (on, sink) =>
              benchTracing(
                { platform: platform!, seed, databaseUrl: db.url },
                on,
                redisUrl,
                sink,
                { pairs: OPTIONS.pairs, seconds: OPTIONS.trialSeconds, clients: OPTIONS.clients },
                log,
              ),
            )
          : undefined;
      if (tracing) [...tracingLines(tracing), ...ratioLines(tracing.ratios)].forEach((l) => log(`${backend}: ${l}`));
      if (OPTIONS.ratiosOnly || OPTIONS.peerOnly || OPTIONS.tracingOnly)
        return {
          backend,
          database: db.where,
          ratios,
          peer,
          tracing,
          peakMemoryMb: platform.peakMemoryMb(),
          loadAverage: loadavg(),
        };
      const receptions = await benchReceptions(seed, gql, db.url, OPTIONS, log);
      if (!receptions.receptions)
        return {
          backend,
          database: db.where,
          eventLag: receptions.eventLag,
          ratios,
          peer,
          peakMemoryMb: platform.peakMemoryMb(),
          loadAverage: loadavg(),
        };
      const dossierQuery = await benchDossierQuery(seed, gql, OPTIONS, log);
      const importFigures = await benchImport(platform, OPTIONS.importDossiers, log);
      // every service's events, the import's included, applied before the report replaces statistics' read models
      log(
        `${backend}: every service applied every event after ${(await waitEventsApplied(db.url, 900_000)).toFixed(0)} s more`,
      );
      const report = await benchReport(platform, gql, db.url, { full: OPTIONS.full, runs: OPTIONS.reportRuns }, log);
      return {
        backend,
        database: db.where,
        eventLag: receptions.eventLag,
        ratios,
        peer,
        tracing,
        receptions: receptions.receptions,
        receptionToStatistics: receptions.receptionToStatistics,
        dossierQuery,
        importFigures,
        report,
        peakMemoryMb: platform.peakMemoryMb(),
        loadAverage: loadavg(),
      };
    } finally {
      await gql.close();
    }
  } finally {
    await platform?.stop();
    await db.drop().catch((err) => log(`could not drop the database: ${err.message}`));
    rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteRedisPrefix(redisUrl, prefix).catch(() => undefined);
  }
}

/**
 * A second platform like the bench's, on a database and Redis prefix of its own, with every process
 * exporting its spans to a sink in this process (OTEL_EXPORTER_OTLP_ENDPOINT), seeded the same way.
 */
async function withTracedPlatform<T>(
  backend: string,
  stamp: string,
  redisUrl: string | undefined,
  fn: (on: TracedPlatform, sink: Awaited<ReturnType<typeof startSpanSink>>) => Promise<T>,
): Promise<T> {
  const sink = await startSpanSink();
  const db = await createScratchDatabase('onestop_bench_traced');
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const dataDir = join(ROOT, 'bench-results', 'data', `${stamp}-${backend}-traced`);
  mkdirSync(dataDir, { recursive: true });
  let platform: LaunchedPlatform | undefined;
  try {
    platform = await launchPlatform({
      databaseUrl: db.url,
      redisUrl,
      queuePrefix: prefix,
      dataDir,
      logFile: join(ROOT, 'bench-results', `${stamp}-${backend}-traced.log`),
      gatewayProcesses: OPTIONS.gatewayProcesses,
      env: {
        DATABASE_POOL_SIZE: '8',
        QUEUE_POOL_SIZE: '4',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
      },
      log: (line) => log(`${backend} (traced): ${line}`),
    });
    const gql = graphqlClient(platform.gatewayUrl, Math.max(64, OPTIONS.clients * 2));
    try {
      const seed = await seedBench(platform, gql, db.url);
      return await fn({ platform, seed, databaseUrl: db.url }, sink);
    } finally {
      await gql.close();
    }
  } finally {
    await platform?.stop();
    await sink.close();
    await db.drop().catch((err) => log(`could not drop the database: ${err.message}`));
    rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteRedisPrefix(redisUrl, prefix).catch(() => undefined);
  }
}

interface Row {
  figure: string;
  target: string;
  values: Record<string, string>;
  met: Record<string, boolean | undefined>;
}

function table(measured: LightFigures[]): Row[] {
  const row = <R extends LightFigures>(
    figure: string,
    target: string,
    value: (r: R) => string,
    met: (r: R) => boolean | undefined,
    results = measured as R[],
  ): Row => ({
    figure,
    target,
    values: Object.fromEntries(results.map((r) => [r.backend, value(r)])),
    met: Object.fromEntries(results.map((r) => [r.backend, met(r)])),
  });
  const lag = (to: 'processing' | 'statistics') => {
    const s = (r: LightFigures) => r.eventLag?.[to];
    return row(
      `event lag at ${OPTIONS.lightRate}/s: reception → ${to} p50 / p95 / p99 ms`,
      'p99 < 100 ms',
      (r) => {
        const l = s(r);
        return l
          ? `${fmt(l.p50)} / ${fmt(l.p95)} / ${fmt(l.p99)}${l.errors ? ` (${l.errors} never arrived)` : ''}`
          : 'n/a';
      },
      (r) => {
        const l = s(r);
        return l ? l.p99 < 100 && l.errors === 0 : undefined;
      },
    );
  };
  const memory = () =>
    [...new Set(measured.flatMap((r) => Object.keys(r.peakMemoryMb)))].map((name) =>
      row(
        `  ${name} MB`,
        '< 250',
        (r) => fmt(r.peakMemoryMb[name]),
        (r) => (r.peakMemoryMb[name] === undefined ? undefined : r.peakMemoryMb[name] < 250),
      ),
    );
  const results = measured.filter((r): r is BackendFigures => 'receptions' in r);
  if (results.length < measured.length) return [lag('processing'), lag('statistics'), ...memory()];
  const fullRow = (
    figure: string,
    target: string,
    value: (r: BackendFigures) => string,
    met: (r: BackendFigures) => boolean | undefined,
  ) => row<BackendFigures>(figure, target, value, met);
  const f = (r: BackendFigures) => r.receptions.fixedRate;
  const rows: Row[] = [
    fullRow(
      `receptions at ${OPTIONS.rate}/s: achieved/s`,
      `${OPTIONS.rate}/s`,
      (r) => fmt(f(r).perSecond),
      (r) => f(r).perSecond >= OPTIONS.rate * 0.97 && f(r).errors === 0,
    ),
    fullRow(
      `receptions at ${OPTIONS.rate}/s: p50 / p95 / p99 ms`,
      'p99 < 100 ms',
      (r) => `${fmt(f(r).p50)} / ${fmt(f(r).p95)} / ${fmt(f(r).p99)}`,
      (r) => f(r).p99 < 100,
    ),
    fullRow(
      `receptions at saturation (${OPTIONS.clients} clients)/s`,
      '≥ 1,000/s',
      (r) => fmt(r.receptions.saturation.perSecond),
      (r) => r.receptions.saturation.perSecond >= 1000,
    ),
    fullRow(
      '  saturation p50 / p95 / p99 ms',
      '',
      (r) =>
        `${fmt(r.receptions.saturation.p50)} / ${fmt(r.receptions.saturation.p95)} / ${fmt(r.receptions.saturation.p99)}`,
      () => undefined,
    ),
    fullRow(
      '  events of the saturation drained in s',
      '',
      (r) => fmt(r.receptions.drainSeconds, 1),
      () => undefined,
    ),
    fullRow(
      `reception → statistics p95 ms (at ${OPTIONS.rate}/s)`,
      '< 100 ms',
      (r) => fmt(r.receptionToStatistics.underLoad.p95),
      (r) => r.receptionToStatistics.underLoad.p95 < 100,
    ),
    fullRow(
      'reception → statistics p95 ms (light load, 20/s)',
      '< 100 ms',
      (r) => fmt(r.receptionToStatistics.light.p95),
      (r) => r.receptionToStatistics.light.p95 < 100,
    ),
    lag('processing'),
    lag('statistics'),
    fullRow(
      `Dossier query (4 subgraphs)/s, ${OPTIONS.clients} clients`,
      '≥ 1,500/s',
      (r) => fmt(r.dossierQuery.perSecond),
      (r) => r.dossierQuery.perSecond >= 1500,
    ),
    fullRow(
      '  Dossier query p50 / p95 ms',
      '',
      (r) => `${fmt(r.dossierQuery.p50)} / ${fmt(r.dossierQuery.p95)}`,
      () => undefined,
    ),
    ...(['province-year', '10 million'] as const).map((scale) =>
      fullRow(
        `Report p95 ms, ${scale} (worst query)`,
        '< 50 ms (issue 6)',
        (r) =>
          r.report[scale]
            ? `${fmt(r.report[scale]!.p95)} (${fmt(r.report[scale]!.worstP95)})`
            : scale === '10 million'
              ? 'n/a (--full)'
              : 'n/a',
        (r) => (r.report[scale] ? r.report[scale]!.worstP95 < 50 : undefined),
      ),
    ),
    fullRow(
      `import, full lifecycle, dossiers/s`,
      `68,440 in < 120 s (570/s)`,
      (r) => {
        const f = r.importFigures;
        const rate = imported(f);
        return rate
          ? `${fmt(rate)} (${f.dossiers} in ${fmt(f.seconds, 1)} s + ${fmt(f.catchUpSeconds, 1)} s for statistics; 68,440 in ${fmt(68_440 / rate)} s); accepted at ${fmt(f.perSecond)}/s`
          : `n/a (${f.note})`;
      },
      (r) => (imported(r.importFigures) ? 68_440 / imported(r.importFigures)! < 120 : undefined),
    ),
    fullRow(
      'peak memory (VmHWM), largest process MB',
      '< 250 MB each',
      (r) => {
        const [name, mb] = Object.entries(r.peakMemoryMb).sort((a, b) => b[1] - a[1])[0] ?? ['?', NaN];
        return `${mb} (${name})`;
      },
      (r) => Object.values(r.peakMemoryMb).every((mb) => mb < 250),
    ),
    ...memory(),
  ];
  return rows;
}

function printTable(rows: Row[], backends: string[]) {
  const mark = (m: boolean | undefined) => (m === undefined ? '' : m ? ' ✓' : ' ✗');
  const cells = rows.map((r) => [r.figure, r.target, ...backends.map((b) => `${r.values[b] ?? ''}${mark(r.met[b])}`)]);
  const header = ['figure', 'target', ...backends.map((b) => (b === 'redis' ? 'Redis' : 'PostgreSQL queue'))];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main() {
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}`;
  log(
    `machine: ${machine}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results: LightFigures[] = [];
  const skipped: Array<{ backend: string; skipped: string }> = [];
  for (const backend of OPTIONS.backends) {
    const r = await runBackend(backend, stamp);
    if ('skipped' in r) {
      log(`${backend}: skipped (${r.skipped})`);
      skipped.push(r);
    } else results.push(r);
  }
  const rows = table(results);
  const file = join(ROOT, 'bench-results', `${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { started, finished: new Date(), machine, options: OPTIONS, results, skipped, table: rows },
      null,
      2,
    ),
  );
  console.log(
    `\nBenchmark, ${started.toISOString().slice(0, 16)} UTC — ${machine}; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`gateway processes: ${OPTIONS.gatewayProcesses}; everything on this one machine\n`);
  printTable(
    rows,
    results.map((r) => r.backend),
  );
  for (const r of results)
    if (r.ratios)
      console.log(
        `\n${r.backend}, against the floor (same run, ${OPTIONS.pairs} A/B pairs of ${OPTIONS.trialSeconds} s; median (min–max)):\n${ratioLines(r.ratios).join('\n')}`,
      );
  for (const r of results)
    if (r.tracing)
      console.log(
        `\n${r.backend}, tracing off beside tracing on (same run, ${OPTIONS.pairs} A/B pairs of ${OPTIONS.trialSeconds} s; median (min–max)):\n${[...tracingLines(r.tracing), ...ratioLines(r.tracing.ratios)].join('\n')}`,
      );
  for (const r of results)
    if (r.peer)
      console.log(
        `\n${r.backend}, our gateway beside the peer (same run, ${OPTIONS.pairs} A/B pairs of ${OPTIONS.trialSeconds} s; median (min–max)):\n${[...peerLines(r.peer), ...ratioLines([r.peer])].join('\n')}`,
      );
  console.log(`\n✓ target met, ✗ missed. Details: ${file}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(errorLine(err));
    process.exit(1);
  },
);

/** Imported means counted everywhere: dossiers per second until statistics' report equalled the generated truth. */
function imported(f: ImportFigures): number | undefined {
  return f.dossiers && f.seconds !== undefined && f.catchUpSeconds !== undefined
    ? f.dossiers / (f.seconds + f.catchUpSeconds)
    : undefined;
}
