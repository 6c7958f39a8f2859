/**
 * The chaos run: receptions and processing through the gateway while processes are killed
 * abruptly, Redis is restarted and PostgreSQL connections are held; then recovery, and an audit
 * that nothing was lost or applied twice. `npm run chaos` and test/chaos.test.ts call runChaos().
 *
 * The platform runs as `npm start` runs it but with every service's API (ROLE=api) and worker
 * (ROLE=worker: outbox relay, event consumer, background work) in processes of their own, so a
 * worker dies without its API and the other way round. The Supervisor restarts what dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { QueueConnection, SUBSCRIPTIONS, eventQueueName } from '@onestop/events';
import { contractOperation } from '@onestop/test-support';
import { reconcileStatistics } from '../../services/statistics/src/commands/reconcile';
import { readReceiver, receiverProblems } from './chaos-receivers';
import { graphqlClient, type GraphQLClient } from '../bench/load';
import { freePorts, launchPlatform, SERVICE_NAMES, type LaunchedPlatform } from './platform-processes';
import { createScratchDatabase } from './scratch-database';

export interface ChaosOptions {
  durationMs: number;
  /** One disruption every so often (a kill, a Redis restart or held connections, in turn). */
  killEveryMs: number;
  /** Concurrent applicants' dossiers driven through their lifecycle. */
  drivers: number;
  backend: 'redis' | 'postgres';
  /** How long recovery may take before what is missing counts as lost. */
  settleMs: number;
  /**
   * Redis's AOF fsync policy. `everysec` (Redis's default) may lose the last second of
   * acknowledged writes when Redis dies — relayed events among them; `always` loses none.
   */
  appendfsync?: 'always' | 'everysec';
  log?: (line: string) => void;
}

export interface ChaosVerdict {
  ok: boolean;
  disruptions: Array<{ atS: number; what: string }>;
  counts: Record<string, number>;
  problems: string[];
}

const SUBMIT = contractOperation('SubmitDossier');
const COMPLETE = contractOperation('CompleteStep');
const DECIDE = contractOperation('DecideDossier');
const PICKUP = contractOperation('ConfirmPickup');
const STATE = `query($id: ID!) { dossier(id: $id) { id status currentStep { role } delivery { status } } }`;
const PDF = Buffer.from('%PDF-1.4\n% kết quả giải quyết\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString(
  'base64',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A redis-server of the run's own (never the machine's): AOF on, no RDB, noeviction, in a temporary folder. */
class OwnRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly appendfsync: 'always' | 'everysec',
  ) {}

  static available(): boolean {
    return (
      ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some(existsSync) ||
      (process.env.PATH ?? '').split(':').some((p) => existsSync(join(p, 'redis-server')))
    );
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        this.appendfsync,
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        this.dir,
        '--protected-mode',
        'no',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = require('node:net').connect(this.port, '127.0.0.1');
        s.once('connect', () => (s.end(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

interface Tokens {
  officer: string;
  specialist: string;
  leader: string;
}

/** One applicant's dossier driven from reception to the return of its result, whatever fails on the way. */
async function driveDossier(
  gql: GraphQLClient,
  centreId: string,
  procedureCode: string,
  t: Tokens,
  until: number,
  n: number,
  submitted: Map<string, string>,
  ack: Set<string>,
) {
  const key = randomUUID();
  let id: string | undefined;
  while (!id && Date.now() < until) {
    try {
      const { submitDossier } = await gql.request(
        SUBMIT,
        {
          input: {
            procedureCode,
            centreId,
            channel: 'COUNTER',
            idempotencyKey: key,
            applicant: {
              kind: 'CITIZEN',
              identityNumber: `046090${String(n % 1_000_000).padStart(6, '0')}`,
              fullName: 'Trần Thị Bình',
              phone: '0905123456',
              email: `ap${n}@example.vn`,
            },
            documents: [],
            delivery: { method: 'COUNTER' },
          },
        },
        t.officer,
      );
      id = submitDossier.id as string;
      submitted.set(key, id);
    } catch {
      await sleep(300);
    }
  }
  if (!id) {
    submitted.set(key, ''); // never answered: the audit looks it up by its key
    return;
  }
  while (Date.now() < until) {
    try {
      const { dossier } = await gql.request(STATE, { id }, t.officer);
      const status = dossier?.status as string | undefined;
      const role = dossier?.currentStep?.role as string | undefined;
      if (status === 'RETURNED') {
        ack.add(id);
        return;
      }
      if ((status === 'RECEIVED' || status === 'PROCESSING') && role === 'INTAKE_OFFICER')
        await gql.request(COMPLETE, { dossierId: id, note: 'bàn giao' }, t.officer);
      else if (status === 'PROCESSING' && role === 'SPECIALIST')
        await gql.request(COMPLETE, { dossierId: id, note: 'đã thẩm định' }, t.specialist);
      else if (status === 'PROCESSING' && role === 'LEADER') {
        await gql.request(
          DECIDE,
          {
            input: {
              dossierId: id,
              decision: 'APPROVED',
              result: {
                documentType: 'GIAY_XAC_NHAN',
                title: 'Giấy xác nhận',
                upload: { fileName: 'ket-qua.pdf', mimeType: 'application/pdf', contentBase64: PDF },
              },
            },
          },
          t.leader,
        );
      } else if (status === 'RESOLVED' && dossier.delivery?.status === 'READY')
        await gql.request(PICKUP, { dossierId: id }, t.officer);
      else await sleep(200); // an event still on its way
    } catch {
      await sleep(300); // a process down, a conflict with our own earlier try, a lock held: look again
    }
  }
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosVerdict> {
  const log = opts.log ?? ((l: string) => console.log(`[chaos] ${l}`));
  const t0 = Date.now();
  const at = () => Math.round((Date.now() - t0) / 100) / 10;
  const disruptions: ChaosVerdict['disruptions'] = [];
  const note = (what: string) => {
    disruptions.push({ atS: at(), what });
    log(`${at().toFixed(1)} s  ${what}`);
  };
  const tmp = mkdtempSync(join(tmpdir(), 'onestop-chaos-'));
  const db = await createScratchDatabase('onestop_chaos');
  let redis: OwnRedis | undefined;
  let platform: LaunchedPlatform | undefined;
  let gql: GraphQLClient | undefined;
  const held: Client[] = [];
  try {
    if (opts.backend === 'redis') {
      const [port] = await freePorts(1);
      redis = new OwnRedis(port, tmp, opts.appendfsync ?? 'always');
      await redis.start();
    }
    log(
      `database: ${db.where}; queue backend: ${redis ? `own redis-server on port ${redis.port} (AOF, appendfsync ${opts.appendfsync ?? 'always'})` : "BullMQ's PostgreSQL backend"}`,
    );
    platform = await launchPlatform({
      databaseUrl: db.url,
      redisUrl: redis?.url,
      queuePrefix: 'chaos',
      split: true,
      dataDir: join(tmp, 'data'),
      logFile: join(tmp, 'platform.log'),
      restartDelayMs: 1000,
      env: { DATABASE_POOL_SIZE: '4', QUEUE_POOL_SIZE: '3', LOG_LEVEL: 'error' },
      log: (l) => log(`${at().toFixed(1)} s  ${l}`),
    });
    gql = graphqlClient(platform.gatewayUrl, 64);
    const admin = await platform.token({ role: 'ADMIN', centre: 'CHAOS' });
    const { createCentre: centre } = await gql.request(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'CHAOS', name: 'Trung tâm thử sức chịu đựng', level: 'PROVINCE' } },
      admin,
    );
    const procedureCode = 'CHAOS-1';
    await gql.request(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: procedureCode,
          name: 'Xác nhận tình trạng hôn nhân',
          sector: 'Hộ tịch',
          levels: ['PROVINCE'],
          feeVnd: 0,
          processingTime: { amount: 5, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    await waitSql(
      db.url,
      60_000,
      `SELECT (SELECT count(*) FROM processing.centre_replica) + (SELECT count(*) FROM delivery.centre_replica) + (SELECT count(*) FROM statistics.centre_replica) = 3 AS ok`,
    );
    const tokens: Tokens = {
      officer: await platform.token({ role: 'INTAKE_OFFICER', centre: 'CHAOS' }),
      specialist: await platform.token({ role: 'SPECIALIST', centre: 'CHAOS' }),
      leader: await platform.token({ role: 'LEADER', centre: 'CHAOS' }),
    };
    log(
      `platform up in ${at().toFixed(1)} s: ${platform.supervisor
        .processes()
        .map((p) => p.name)
        .join(', ')}`,
    );

    // Load: `drivers` applicants at a time, each dossier from reception to return.
    const chaosStart = Date.now();
    const until = chaosStart + opts.durationMs;
    const submitted = new Map<string, string>();
    const returned = new Set<string>();
    let n = 0;
    const load = Promise.all(
      Array.from({ length: opts.drivers }, async () => {
        while (Date.now() < until)
          await driveDossier(gql!, centre.id, procedureCode, tokens, until, n++, submitted, returned);
      }),
    );

    // Disruptions, in turn: a service's API, its worker (relay + consumer), Redis, held connections, the gateway.
    const targets = SERVICE_NAMES.flatMap((s) => [`${s}-worker`, `${s}-api`]);
    let turn = 0;
    let kills = 0;
    while (Date.now() + opts.killEveryMs < until) {
      await sleep(opts.killEveryMs);
      const kind = turn % 5;
      if (kind === 2 && redis) {
        await redis.kill();
        note('Redis killed (SIGKILL)');
        await sleep(1500);
        await redis.start();
        note('Redis started again (AOF)');
      } else if (kind === 4) {
        await holdConnections(db.url, held, 12, 4000, note);
      } else if (kind === 3 && turn % 10 === 3) {
        platform.supervisor.kill('gateway');
        note('gateway killed (SIGKILL)');
      } else {
        const target = targets[kills++ % targets.length];
        const pid = platform.supervisor.pid(target);
        platform.supervisor.kill(target);
        note(`${target} killed (SIGKILL, pid ${pid})`);
      }
      turn++;
    }
    await load;
    note(`load stopped: ${submitted.size} dossiers submitted, ${returned.size} returned`);

    // Recovery: every process up again, then wait until every event was applied by every subscriber.
    const settled = await settle(db.url, opts.settleMs);
    note(
      settled
        ? 'settled: every outbox row relayed and applied by each subscriber'
        : `not settled after ${opts.settleMs / 1000} s`,
    );
    const verdict = await audit(
      db.url,
      join(tmp, 'data'),
      submitted,
      returned,
      new QueueConnection({ redisUrl: redis?.url, databaseUrl: db.url, prefix: 'chaos' }),
    );
    verdict.disruptions = disruptions;
    const exits = platform.supervisor.exits.length;
    verdict.counts['process exits'] = exits;
    return verdict;
  } finally {
    await Promise.all(held.splice(0).map((c) => c.end().catch(() => undefined)));
    await gql?.close();
    await platform?.stop();
    await redis?.kill();
    await db.drop().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function waitSql(url: string, timeoutMs: number, sql: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await client.query(sql)).rows[0].ok) return true;
      } catch {
        // a table not there yet
      }
      await sleep(250);
    }
    return false;
  } finally {
    await client.end();
  }
}

/** Opens `count` connections; some hold row and table locks in long transactions, the others just sit; all let go after `ms`. */
async function holdConnections(url: string, held: Client[], count: number, ms: number, note: (w: string) => void) {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    const c = new Client({ connectionString: url });
    try {
      await c.connect();
      clients.push(c);
      held.push(c);
    } catch {
      break; // the server's max_connections: enough held
    }
  }
  const lock = async (c: Client, sql: string) => {
    await c.query('BEGIN');
    await c.query(sql).catch(() => undefined);
  };
  await Promise.all([
    clients[0] && lock(clients[0], `SELECT * FROM processing.dossier FOR UPDATE`),
    clients[1] && lock(clients[1], `LOCK TABLE intake.dossier_sequence IN EXCLUSIVE MODE`),
    clients[2] && lock(clients[2], `SELECT * FROM delivery.delivery FOR UPDATE`),
    clients[3] && lock(clients[3], `LOCK TABLE statistics.counter IN EXCLUSIVE MODE`),
    ...clients.slice(4).map((c) => c.query('BEGIN')),
  ]);
  note(
    `PostgreSQL: ${clients.length} connections held for ${ms / 1000} s (rows of processing and delivery locked, intake's sequence and statistics' counters locked)`,
  );
  await sleep(ms);
  await Promise.all(
    clients.map(async (c) => {
      await c.query('ROLLBACK').catch(() => undefined);
      await c.end().catch(() => undefined);
      held.splice(held.indexOf(c), 1);
    }),
  );
}

/** Every outbox row relayed and its event recorded by every subscriber. */
async function settle(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await missingEvents(client)).length === 0) return true;
      await sleep(1000);
    }
    return false;
  } finally {
    await client.end();
  }
}

/** (source, event, subscriber) triples whose event the subscriber has not recorded, and unrelayed rows. */
async function missingEvents(client: Client): Promise<string[]> {
  const missing: string[] = [];
  for (const source of SERVICE_NAMES) {
    const { rows } = await client.query(`SELECT id, type, relayed_at IS NOT NULL AS relayed FROM ${source}.outbox`);
    const applied = new Map<string, Set<string>>();
    for (const subscriber of SERVICE_NAMES) {
      const ids = await client.query(`SELECT event_id FROM ${subscriber}.processed_event`);
      applied.set(subscriber, new Set(ids.rows.map((r) => r.event_id)));
    }
    for (const row of rows) {
      if (!row.relayed) missing.push(`${source}: ${row.type} ${row.id} not relayed`);
      for (const subscriber of (SUBSCRIPTIONS as Record<string, readonly string[]>)[row.type] ?? []) {
        if (!applied.get(subscriber)!.has(row.id))
          missing.push(`${subscriber} never applied ${source}'s ${row.type} ${row.id}`);
      }
    }
  }
  return missing;
}

/** Where a missing event's job is in the subscriber's queue: never there (lost on the way), waiting, failed (dead letter)… */
async function jobStates(queues: QueueConnection, missing: string[]): Promise<string[]> {
  const out: string[] = [];
  await queues.waitUntilReady();
  for (const line of missing.slice(0, 10)) {
    const match = /^(\w+) never applied \w+'s \w+ ([0-9a-f-]{36})$/.exec(line);
    if (!match) continue;
    const job = await queues.queue(eventQueueName(match[1] as never)).getJob(match[2]);
    const state = job ? await job.getState() : 'no job of its own in the queue (lost, or inside a batch job)';
    out.push(
      `${line}: ${state}${job?.failedReason ? ` (${job.failedReason})` : ''}${job ? `, ${job.attemptsMade} attempts` : ''}`,
    );
  }
  return out;
}

async function audit(
  url: string,
  dataDir: string,
  submitted: Map<string, string>,
  returned: Set<string>,
  queues: QueueConnection,
): Promise<ChaosVerdict> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
  try {
    // Events: each one relayed, and recorded once by each subscriber (processed_event's key makes twice impossible; effects are checked below).
    const missing = await missingEvents(client);
    const states = await jobStates(queues, missing)
      .catch((err) => [`(job states unavailable: ${(err as Error).message})`])
      .finally(() => queues.close());
    problems.push(...states, ...missing.slice(states.length ? 10 : 0, 20));
    if (missing.length > 20) problems.push(`… and ${missing.length - 20} more missing events`);
    counts['events in outboxes'] = Number(
      (await one(SERVICE_NAMES.map((s) => `SELECT count(*) AS n FROM ${s}.outbox`).join(' UNION ALL '))).reduce(
        (a, r) => a + Number(r.n),
        0,
      ),
    );
    counts['events missing'] = missing.length;

    // Dossiers: every answered reception, and every key even if its answer was lost, exactly once in intake.
    const keys = [...submitted.keys()];
    const byKey = await one(`SELECT idempotency_key, id FROM intake.dossier WHERE idempotency_key = ANY($1)`, [keys]);
    const intakeByKey = new Map(byKey.map((r) => [r.idempotency_key, r.id]));
    for (const [key, id] of submitted) {
      if (id && intakeByKey.get(key) !== id) problems.push(`dossier ${id} (key ${key}) answered but not in intake`);
    }
    counts['dossiers answered'] = [...submitted.values()].filter(Boolean).length;
    counts['dossiers in intake'] = Number((await one(`SELECT count(*) AS n FROM intake.dossier`))[0].n);
    // …and exactly once in each other service.
    for (const [service, table] of [
      ['processing', 'processing.dossier'],
      ['delivery', 'delivery.delivery'],
      ['statistics', 'statistics.dossier_fact'],
    ] as const) {
      const idColumn = service === 'processing' ? 'id' : 'dossier_id';
      const rows = await one(
        `SELECT i.id, count(x.${idColumn})::int AS n FROM intake.dossier i LEFT JOIN ${table} x ON x.${idColumn} = i.id GROUP BY i.id HAVING count(x.${idColumn}) <> 1`,
      );
      for (const r of rows) problems.push(`dossier ${r.id}: ${r.n} rows in ${table}`);
      const extra = await one(
        `SELECT count(*)::int AS n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM intake.dossier i WHERE i.id = x.${idColumn})`,
      );
      if (extra[0].n) problems.push(`${extra[0].n} rows in ${table} for dossiers intake never received`);
    }
    // Lifecycle agrees everywhere: intake's replica and delivery follow processing.
    const disagree = await one(
      `SELECT p.id, p.status AS processing, i.status AS intake FROM processing.dossier p JOIN intake.dossier i ON i.id = p.id WHERE p.status <> i.status`,
    );
    for (const r of disagree)
      problems.push(`dossier ${r.id}: processing says ${r.processing}, intake's replica ${r.intake}`);
    const notReturned = await one(`SELECT id FROM processing.dossier WHERE id = ANY($1) AND status <> 'RETURNED'`, [
      [...returned],
    ]);
    for (const r of notReturned) problems.push(`dossier ${r.id} was returned but processing does not say so`);
    counts['dossiers returned'] = Number(
      (await one(`SELECT count(*) AS n FROM processing.dossier WHERE status = 'RETURNED'`))[0].n,
    );

    // Effects applied twice would show as repeated history lines, records or notifications.
    const history = await one(
      `SELECT dossier_id, action, count(*)::int AS n FROM processing.dossier_history GROUP BY dossier_id, action, step_code HAVING count(*) > 1`,
    );
    for (const r of history) problems.push(`dossier ${r.dossier_id}: history action ${r.action} ${r.n} times`);
    const decided = Number(
      (await one(`SELECT count(*) AS n FROM processing.dossier WHERE resolved_at IS NOT NULL`))[0].n,
    );
    // The result of each decision is one DigitalRecord in intake, with the record id processing chose (delivery holds it too).
    const results =
      await one(`SELECT count(*)::int AS n, count(DISTINCT r.source_dossier_id)::int AS d FROM intake.digital_record r
      JOIN delivery.delivery d ON (d.result->>'recordId')::uuid = r.id`);
    if (results[0].n !== decided || results[0].d !== decided)
      problems.push(`${decided} decisions but ${results[0].n} result records in intake (${results[0].d} dossiers)`);
    counts['result records'] = results[0].n;
    const notifications = await one(
      `SELECT dossier_id, kind, channel, count(*)::int AS n FROM delivery.notification GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    for (const r of notifications)
      problems.push(`dossier ${r.dossier_id}: notification ${r.kind}/${r.channel} ${r.n} times`);
    counts['notifications'] = Number((await one(`SELECT count(*) AS n FROM delivery.notification`))[0].n);
    // What the receivers accepted (the development recorders drop a repeated idempotency key, as real
    // providers do): once per SENT notification, and never the same message under two keys.
    const sentRows = await one(`SELECT id, channel, status FROM delivery.notification`);
    for (const [folder, channel] of [
      ['mail', 'EMAIL'],
      ['sms', 'SMS'],
    ] as const) {
      const record = readReceiver(join(dataDir, folder));
      counts[`${folder} accepted`] = record.accepted.length;
      counts[`${folder} repeats dropped`] = record.dropped;
      problems.push(...receiverProblems(folder, channel, record, sentRows));
    }

    // Statistics' own reconciliation: its facts and counters against the owners' tables.
    const stats = new DataSource({ type: 'postgres', url, extra: { max: 1, options: '-c search_path=statistics' } });
    await stats.initialize();
    try {
      const differences = await reconcileStatistics(stats);
      for (const d of differences)
        problems.push(
          `reconciliation: ${d.check} at centre ${d.centreId}: owner ${d.owner}, statistics ${d.statistics}`,
        );
      counts['reconciliation differences'] = differences.length;
    } finally {
      await stats.destroy();
    }
  } finally {
    await client.end();
  }
  return { ok: problems.length === 0, disruptions: [], counts, problems };
}
