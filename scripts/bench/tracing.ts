/**
 * What tracing costs, in one run: the bench's platform (tracing off: no endpoint, nothing
 * registered) beside a second platform whose every process exports its spans over OTLP/HTTP to a
 * sink in this process (tracing on), each on a database of its own, their trials alternated A/B
 * (floor.ts's `alternate`) on receptions (gateway, intake, its SQL and outbox, the relay, three
 * consumers) and the contract's Dossier query (the gateway and four subgraphs). The sink reads and
 * counts what it is sent without decoding it, so that its CPU (this process's, counted in both
 * variants as "load generator") stays small.
 *
 * Tracing off differs from code without tracing only by a call of the API's no-op per published
 * event (publish()'s `activeTraceParent`, which finds no propagator) and a null column: that call
 * is timed here and set against a reception's CPU.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { activeTraceParent } from '@onestop/events';
import type { LaunchedPlatform } from '../lib/platform-processes';
import { alternate, graphqlClient, platformCensus, withSharedCensus, type RatioFigures } from './floor';
import { DOSSIER, SUBMIT, submitInput, waitEventsApplied, type BenchSeed } from './receptions';

export interface TracedPlatform {
  platform: LaunchedPlatform;
  seed: BenchSeed;
  databaseUrl: string;
}

export interface TracingFigures {
  ratios: RatioFigures[];
  /** What the sink received from the traced platform during the run. */
  exported: { requests: number; spans: number; megabytes: number };
  /** Tracing off: nanoseconds of the no-op per published event, and that as a share of a reception's CPU. */
  offPath: { nsPerEvent: number; receptionCpuMs: number; share: number };
}

/** An OTLP/HTTP endpoint that accepts every export and counts it. */
export async function startSpanSink(): Promise<{
  url: string;
  counts: () => TracingFigures['exported'];
  close(): Promise<void>;
}> {
  let requests = 0,
    spans = 0,
    bytes = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      requests++;
      bytes += body.length;
      spans += body.split('"spanId"').length - 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ requests, spans, megabytes: bytes / 2 ** 20 }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The off path's only work, timed: publish()'s look for an active trace, with no provider registered in this process. */
function offPathNs(): number {
  const n = 1_000_000;
  for (let i = 0; i < 10_000; i++) activeTraceParent();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) activeTraceParent();
  return Number(process.hrtime.bigint() - t0) / n;
}

export async function benchTracing(
  off: { platform: LaunchedPlatform; seed: BenchSeed; databaseUrl: string },
  on: TracedPlatform,
  redisUrl: string | undefined,
  sink: { counts: () => TracingFigures['exported'] },
  opts: { pairs: number; seconds: number; clients: number },
  log: (line: string) => void,
): Promise<TracingFigures> {
  const sides = { 'tracing off': off, 'tracing on': on } as const;
  type Side = keyof typeof sides;
  const clients = {
    'tracing off': graphqlClient(off.platform.gatewayUrl),
    'tracing on': graphqlClient(on.platform.gatewayUrl),
  };
  try {
    const ratios = await withSharedCensus(off.databaseUrl, redisUrl, (offShared) =>
      withSharedCensus(on.databaseUrl, redisUrl, async (onShared) => {
        const variants = {
          'tracing off': {
            client: clients['tracing off'],
            census: async () => ({ ...platformCensus(off.platform)(), ...(await offShared()) }),
          },
          'tracing on': {
            client: clients['tracing on'],
            census: async () => ({ ...platformCensus(on.platform)(), ...(await onShared()) }),
          },
        };
        const received: Record<Side, Array<{ id: string; officer: string }>> = { 'tracing off': [], 'tracing on': [] };
        const turns: Record<Side, number> = { 'tracing off': 0, 'tracing on': 0 };
        const reception = await alternate(
          'reception',
          variants,
          async (client, side) => {
            const seed = sides[side].seed;
            const commune = seed.communes[turns[side]++ % seed.communes.length];
            const { submitDossier } = await client.request(SUBMIT, submitInput(seed, commune.id), commune.officer);
            if (received[side].length < 2000) received[side].push({ id: submitDossier.id, officer: commune.officer });
          },
          { ...opts, settle: (side) => waitEventsApplied(sides[side].databaseUrl, 120_000) },
          log,
        );
        const read = await alternate(
          'Dossier query',
          variants,
          async (client, side, i) => {
            const d = received[side][i % received[side].length];
            await client.request(DOSSIER, { id: d.id }, d.officer);
          },
          opts,
          log,
        );
        return [reception, read];
      }),
    );
    const offTrials = ratios[0].trials.filter((t) => t.variant === 'tracing off');
    const receptionCpuMs =
      offTrials.reduce((s, t) => s + Object.values(t.cpuMsPerOperation).reduce((a, b) => a + b, 0), 0) /
      Math.max(1, offTrials.length);
    const nsPerEvent = offPathNs();
    return {
      ratios,
      exported: sink.counts(),
      offPath: { nsPerEvent, receptionCpuMs, share: nsPerEvent / 1e6 / receptionCpuMs },
    };
  } finally {
    await clients['tracing off'].close();
    await clients['tracing on'].close();
  }
}

export function tracingLines(f: TracingFigures): string[] {
  return [
    `tracing off: publish()'s no-op look for a trace costs ${f.offPath.nsPerEvent.toFixed(0)} ns per event, ${(f.offPath.share * 1e6).toFixed(2)} millionths of a reception's ${f.offPath.receptionCpuMs.toFixed(1)} CPU-ms (nothing else runs: no provider, no middleware, no patch)`,
    `tracing on: ${f.exported.spans} spans exported in ${f.exported.requests} requests (${f.exported.megabytes.toFixed(1)} MB) to the local sink`,
  ];
}
