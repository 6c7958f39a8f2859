/**
 * Receptions (the contract's SubmitDossier, at a counter, no upload) through the gateway at a
 * fixed rate and at saturation; the time from a reception's answer to its fact in statistics;
 * the contract's Dossier query across the four subgraphs.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { contractOperation } from '@onestop/test-support';
import { SERVICES, SUBSCRIPTIONS } from '@onestop/events';
import { withClient } from '@onestop/service-kit';
import type { LaunchedPlatform } from '../lib/platform-processes';
import { closedLoop, openLoop, summarise, type GraphQLClient, type LatencySummary } from './load';

export interface BenchSeed {
  /** The province centre and its communes; receptions go round the communes. */
  centre: { id: string; code: string };
  communes: Array<{ id: string; code: string; officer: string }>;
  procedureCode: string;
  officer: string;
  received: Array<{ id: string; officer: string }>;
}

/**
 * Communes that receive: a dossier code is gap-free per centre and day, so receptions at one
 * centre queue on its sequence row (by design); a province's load is spread over its centres.
 */
const COMMUNES = 20;

export const SUBMIT = contractOperation('SubmitDossier');
export const DOSSIER = contractOperation('Dossier');

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A province centre with communes and a procedure without required components, through the API; waits for the replicas. */
export async function seedBench(
  platform: LaunchedPlatform,
  gql: GraphQLClient,
  databaseUrl: string,
): Promise<BenchSeed> {
  const code = 'BENCH';
  const admin = await platform.token({ role: 'ADMIN', centre: code });
  const { createCentre: centre } = await gql.request(
    `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
    { input: { code, name: 'Trung tâm đo tải', level: 'PROVINCE' } },
    admin,
  );
  const communes: BenchSeed['communes'] = [];
  for (let i = 1; i <= COMMUNES; i++) {
    const { createCentre: c } = await gql.request(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      {
        input: { code: `BENCH.X${String(i).padStart(2, '0')}`, name: `Xã ${i}`, level: 'COMMUNE', parentId: centre.id },
      },
      admin,
    );
    communes.push({ ...c, officer: await platform.token({ role: 'INTAKE_OFFICER', centre: c.code }) });
  }
  const procedureCode = 'BENCH-1.001';
  await gql.request(
    `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
    {
      input: {
        code: procedureCode,
        name: 'Cấp bản sao trích lục hộ tịch',
        sector: 'Hộ tịch',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
        feeVnd: 8000,
        processingTime: { amount: 3, unit: 'WORKING_DAYS' },
      },
    },
    admin,
  );
  await withClient(databaseUrl, (c) =>
    until('the centres in every replica', 60_000, async () => {
      const { rows } =
        await c.query(`SELECT (SELECT count(*) FROM processing.centre_replica) + (SELECT count(*) FROM delivery.centre_replica)
        + (SELECT count(*) FROM statistics.centre_replica) AS n`);
      return Number(rows[0].n) === 3 * (COMMUNES + 1);
    }),
  );
  return {
    centre,
    communes,
    procedureCode,
    officer: await platform.token({ role: 'INTAKE_OFFICER', centre: code }),
    received: [],
  };
}

let applicantNumber = 0;
export function submitInput(seed: BenchSeed, centreId: string) {
  const n = applicantNumber++ % 1_000_000;
  return {
    input: {
      procedureCode: seed.procedureCode,
      centreId,
      channel: 'COUNTER',
      applicant: {
        kind: 'CITIZEN',
        identityNumber: `046090${String(n).padStart(6, '0')}`,
        fullName: 'Nguyễn Văn An',
        phone: '0905123456',
      },
      documents: [],
      delivery: { method: 'COUNTER' },
    },
  };
}

/** Where a watched dossier shows that a service has applied its reception. */
const ARRIVALS = {
  /** Processing's dossier row, written in the transaction that records the event in its inbox. */
  processing: `SELECT id AS dossier_id FROM processing.dossier WHERE id = ANY($1::uuid[])`,
  statistics: `SELECT dossier_id FROM statistics.dossier_fact WHERE dossier_id = ANY($1::uuid[])`,
};

/**
 * Watches a sample of dossiers appear in a service's table (statistics' fact table by default):
 * one query every `everyMs` for all those still awaited, so the watching costs the database little.
 */
class FactWatcher {
  private readonly waiting = new Map<string, number>();
  readonly latencies: number[] = [];
  private timer?: NodeJS.Timeout;
  private busy = false;
  constructor(
    private readonly client: Client,
    private readonly everyMs = 5,
    private readonly arrivals = ARRIVALS.statistics,
  ) {}

  start() {
    this.timer = setInterval(() => void this.poll(), this.everyMs);
  }

  watch(dossierId: string, answeredAt: number) {
    this.waiting.set(dossierId, answeredAt);
  }

  private async poll() {
    if (this.busy || this.waiting.size === 0) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query(this.arrivals, [[...this.waiting.keys()]]);
      const now = performance.now();
      for (const { dossier_id } of rows) {
        this.latencies.push(now - this.waiting.get(dossier_id)!);
        this.waiting.delete(dossier_id);
      }
    } finally {
      this.busy = false;
    }
  }

  async finish(timeoutMs = 60_000): Promise<number> {
    await until('the sampled facts', timeoutMs, async () => this.waiting.size === 0).catch(() => undefined);
    clearInterval(this.timer);
    return this.waiting.size;
  }
}

/** Reception → processing's inbox and reception → statistics at a light rate: the events' own lag, with no queue behind them. */
export interface EventLag {
  rate: number;
  seconds: number;
  processing: LatencySummary;
  statistics: LatencySummary;
}

async function measureEventLag(
  submit: () => Promise<{ id: string }>,
  databaseUrl: string,
  opts: { rate: number; seconds: number },
  log: (line: string) => void,
): Promise<EventLag> {
  log(`event lag, light load (${opts.rate}/s for ${opts.seconds} s): reception → processing's inbox and → statistics`);
  // A client each, so that neither watcher's query waits behind the other's.
  const clients = [new Client({ connectionString: databaseUrl }), new Client({ connectionString: databaseUrl })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const processing = new FactWatcher(clients[0], 5, ARRIVALS.processing);
    const statistics = new FactWatcher(clients[1], 5, ARRIVALS.statistics);
    processing.start();
    statistics.start();
    await openLoop(opts.rate, opts.seconds, async () => {
      const d = await submit();
      const answeredAt = performance.now();
      processing.watch(d.id, answeredAt);
      statistics.watch(d.id, answeredAt);
    });
    const lag = {
      rate: opts.rate,
      seconds: opts.seconds,
      processing: summarise(processing.latencies, await processing.finish(), opts.seconds),
      statistics: summarise(statistics.latencies, await statistics.finish(), opts.seconds),
    };
    const line = (s: LatencySummary) =>
      `p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} ms${s.errors ? `, ${s.errors} never arrived` : ''}`;
    log(`  → processing ${line(lag.processing)}; → statistics ${line(lag.statistics)}`);
    return lag;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/**
 * Waits until every service has applied every event published to it so far (per subscriber: the
 * events of the types it subscribes to, in every service's outbox, against its inbox); returns the
 * seconds it took. The report bench replaces statistics' read models after it, so an event still on
 * its way would land in the generated counters.
 */
export async function waitEventsApplied(databaseUrl: string, timeoutMs: number): Promise<number> {
  const t = performance.now();
  const outboxes = SERVICES.map((s) => `SELECT type FROM ${s}.outbox`).join(' UNION ALL ');
  const subscribed = SERVICES.map((s) =>
    Object.entries(SUBSCRIPTIONS)
      .filter(([, to]) => to.includes(s))
      .map(([type]) => type),
  );
  const sql = `WITH published AS (${outboxes}) SELECT ${SERVICES.map(
    (s, i) =>
      `(SELECT count(*) FROM published WHERE type = ANY($${i + 1}))::int AS ${s}_published, (SELECT count(*) FROM ${s}.processed_event)::int AS ${s}_applied`,
  ).join(', ')}`;
  let last: Record<string, number> = {};
  await withClient(databaseUrl, (c) =>
    until('every event to be applied', timeoutMs, async () => {
      last = (await c.query(sql, subscribed)).rows[0];
      return SERVICES.every((s) => last[`${s}_published`] === last[`${s}_applied`]);
    }),
  ).catch((err: Error) => {
    throw new Error(`${err.message} (events: ${JSON.stringify(last)})`);
  });
  return (performance.now() - t) / 1000;
}

export async function benchReceptions(
  seed: BenchSeed,
  gql: GraphQLClient,
  databaseUrl: string,
  opts: {
    rate: number;
    rateSeconds: number;
    clients: number;
    seconds: number;
    lightRate: number;
    lightSeconds: number;
    lightOnly?: boolean;
  },
  log: (line: string) => void,
) {
  let turn = 0;
  const submit = async () => {
    const commune = seed.communes[turn++ % seed.communes.length];
    const { id } = (await gql.request(SUBMIT, submitInput(seed, commune.id), commune.officer)).submitDossier as {
      id: string;
    };
    return { id, officer: commune.officer };
  };
  log(`warm-up: 200 receptions`);
  for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 10 }, submit));
  await waitEventsApplied(databaseUrl, 120_000).catch((err: Error) => log(`  ${err.message}; going on`));
  const eventLag = await measureEventLag(
    submit,
    databaseUrl,
    { rate: opts.lightRate, seconds: opts.lightSeconds },
    log,
  );
  if (opts.lightOnly) return { eventLag };

  const watcherClient = new Client({ connectionString: databaseUrl });
  await watcherClient.connect();
  try {
    // Light load: 20 receptions a second, each watched until its fact appears.
    log('reception → statistics, light load (20/s for 10 s)');
    const light = new FactWatcher(watcherClient);
    light.start();
    await openLoop(20, 10, async () => {
      const d = await submit();
      light.watch(d.id, performance.now());
    });
    const lightLost = await light.finish();

    log(
      `fixed rate: ${opts.rate}/s for ${opts.rateSeconds} s (open loop), every 10th reception watched into statistics`,
    );
    const underLoad = new FactWatcher(watcherClient);
    underLoad.start();
    const fixedRate = await openLoop(opts.rate, opts.rateSeconds, async (i) => {
      const d = await submit();
      seed.received.push(d);
      if (i % 10 === 0) underLoad.watch(d.id, performance.now());
    });
    const loadLost = await underLoad.finish();
    log(
      `  ${fixedRate.perSecond.toFixed(0)}/s, p50 ${fixedRate.p50.toFixed(1)} p95 ${fixedRate.p95.toFixed(1)} p99 ${fixedRate.p99.toFixed(1)} ms, ${fixedRate.errors} errors${fixedRate.firstError ? ` (${fixedRate.firstError})` : ''}`,
    );
    // A backlog left by a rate above capacity would weigh on the next figure: let it drain (bounded).
    await waitEventsApplied(databaseUrl, 180_000).catch((err: Error) => log(`  ${err.message}; going on`));

    log(`saturation: ${opts.clients} clients for ${opts.seconds} s (closed loop)`);
    const saturation = await closedLoop(opts.clients, opts.seconds, submit);
    log(
      `  ${saturation.perSecond.toFixed(0)}/s, p50 ${saturation.p50.toFixed(1)} p99 ${saturation.p99.toFixed(1)} ms, ${saturation.errors} errors${saturation.firstError ? ` (${saturation.firstError})` : ''}`,
    );
    const drainSeconds = await waitEventsApplied(databaseUrl, 180_000).catch(
      (err: Error) => (log(`  ${err.message}; going on`), NaN),
    );
    log(`  its events drained in ${drainSeconds.toFixed(1)} s`);
    const lightSummary = summarise(light.latencies, lightLost, 10);
    const loadSummary = summarise(underLoad.latencies, loadLost, opts.rateSeconds);
    log(
      `  reception → statistics p95: ${lightSummary.p95.toFixed(1)} ms light, ${loadSummary.p95.toFixed(1)} ms at ${opts.rate}/s`,
    );
    return {
      eventLag,
      receptions: { fixedRate, saturation, drainSeconds },
      receptionToStatistics: { underLoad: loadSummary, light: lightSummary },
    };
  } finally {
    await watcherClient.end();
  }
}

/** The contract's Dossier query (intake, processing, delivery, statistics) on received dossiers, closed loop. */
export async function benchDossierQuery(
  seed: BenchSeed,
  gql: GraphQLClient,
  opts: { clients: number; seconds: number },
  log: (line: string) => void,
): Promise<LatencySummary> {
  const ids = seed.received.slice(0, 500);
  const query = (i: number) => gql.request(DOSSIER, { id: ids[i % ids.length].id }, ids[i % ids.length].officer);
  const check = await query(0);
  if (!check.dossier?.delivery || !check.dossier?.status)
    throw new Error(`the Dossier query did not answer from every subgraph: ${JSON.stringify(check)}`);
  for (let i = 0; i < 100; i++) await query(i);
  log(`Dossier query: ${opts.clients} clients for ${opts.seconds} s (closed loop)`);
  const r = await closedLoop(opts.clients, opts.seconds, query);
  log(
    `  ${r.perSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors${r.firstError ? ` (${r.firstError})` : ''}`,
  );
  return r;
}
