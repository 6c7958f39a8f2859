/**
 * Benchmark of the II.06a report through the gateway, on generated read models.
 *
 *   node -r ./scripts/register.js scripts/bench/report.ts [--scale province|national|all] [--runs 60]
 *
 * Starts the platform in-process (its own database on TEST_DATABASE_URL's server, no workers),
 * generates centres, dossiers (their facts, optionally) and their counters directly in the statistics schema
 * with SQL generate_series (the counters as the event handlers would have kept them: own and subtree
 * scopes), then runs Report queries through the gateway and prints p50/p95 per query. `--writes N`
 * measures the write side instead (see measureWrites). The database is dropped at the end. Scales:
 *   province: one province centre and 100 communes, 70,000 dossiers received in 2025;
 *   national: a root, 34 provinces with 100 communes each, 10,000,000 dossiers over 2023–2025.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { TestPlatform } from '@onestop/test-kit';
import { buildReport } from '../../services/statistics/src/persistence/report-reads';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@onestop/events';

export const REPORT = `query Report($input: ReportInput!) { report(input: $input) {
  rows { key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate
    inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays satisfactionRate }
  total { received resolved resolvedEarly resolvedOnTime resolvedLate inProgress inProgressNotDue inProgressOverdue onTimeRate } } }`;

/**
 * skew: procedure index = procedures × random()^skew (1: uniform; 3: the top tenth of the procedures
 * takes 46 % of the dossiers, as reception concentrates on a few procedures in practice).
 * facts: also write the dossier facts (the report never reads them; at 10 million they cost ~4 minutes and ~3 GB).
 */
export interface Scale {
  name: string;
  dossiers: number;
  provinces: number;
  communesPerProvince: number;
  from: string;
  to: string;
  procedures: number;
  skew?: number;
  facts?: boolean;
}
export const SCALES: Record<string, Scale> = {
  province: {
    name: 'province-year',
    dossiers: 70_000,
    provinces: 1,
    communesPerProvince: 100,
    from: '2025-01-01',
    to: '2026-01-01',
    procedures: 150,
    facts: true,
  },
  national: {
    name: '10 million',
    dossiers: 10_000_000,
    provinces: 34,
    communesPerProvince: 100,
    from: '2023-01-01',
    to: '2026-01-01',
    procedures: 300,
    skew: 3,
    facts: false,
  },
};

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function sql(client: Client, label: string, text: string, params: unknown[] = []) {
  const t = performance.now();
  const res = await client.query(text, params);
  console.log(
    `  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s${res.rowCount !== null ? ` (${res.rowCount} rows)` : ''}`,
  );
  return res;
}

/** Centres, facts and counters for one scale, in the statistics schema; returns the root centre's id and one province's. */
export async function generate(url: string, s: Scale): Promise<{ root: string; province: string; commune: string }> {
  const client = new Client({ connectionString: url, options: '-c search_path=statistics' });
  await client.connect();
  try {
    console.log(`generating ${s.name}: ${s.dossiers.toLocaleString('en')} dossiers`);
    await client.query(`SET synchronous_commit = off; SET work_mem = '1GB'; SET maintenance_work_mem = '1GB'`);
    await client.query(`TRUNCATE dossier_fact, counter, centre_replica, procedure_label, traffic_hour`);
    const national = s.provinces > 1;
    const [{ id: root }] = (
      await client.query(
        `INSERT INTO centre_replica (id, code, name, level, parent_id) VALUES (gen_random_uuid(), $1, $2, 'PROVINCE', NULL) RETURNING id`,
        [national ? 'VN' : 'H57', national ? 'Toàn quốc' : 'Trung tâm PVHCC tỉnh'],
      )
    ).rows;
    if (national) {
      await client.query(
        `INSERT INTO centre_replica (id, code, name, level, parent_id)
        SELECT gen_random_uuid(), 'P' || lpad(p::text, 2, '0'), 'Tỉnh ' || p, 'PROVINCE', $1 FROM generate_series(1, $2) p`,
        [root, s.provinces],
      );
    }
    await client.query(
      `INSERT INTO centre_replica (id, code, name, level, parent_id)
      SELECT gen_random_uuid(), p.code || '.X' || lpad(x::text, 3, '0'), 'Xã ' || x, 'COMMUNE', p.id
        FROM centre_replica p CROSS JOIN generate_series(1, $1) x WHERE p.level = 'PROVINCE' AND (p.parent_id IS NOT NULL) = $2`,
      [s.communesPerProvince, national],
    );
    const province = (
      await client.query(
        `SELECT id FROM centre_replica WHERE level = 'PROVINCE' ORDER BY parent_id NULLS ${national ? 'FIRST' : 'LAST'}, code LIMIT 1 OFFSET $1`,
        [national ? 1 : 0],
      )
    ).rows[0].id;
    const commune = (
      await client.query(`SELECT id FROM centre_replica WHERE parent_id = $1 ORDER BY code LIMIT 1`, [province])
    ).rows[0].id;
    await client.query(
      `INSERT INTO procedure_label (code, name, sector, version)
      SELECT 'TT-' || lpad(p::text, 3, '0'), 'Thủ tục ' || p, 'Lĩnh vực ' || (p % 20), 1 FROM generate_series(0, $1 - 1) p`,
      [s.procedures],
    );

    await client.query(
      `DROP INDEX IF EXISTS dossier_fact_received; DROP INDEX IF EXISTS dossier_fact_resolved; ALTER TABLE counter DROP CONSTRAINT IF EXISTS counter_pkey`,
    );
    await client.query(`CREATE TEMP TABLE bench_centre AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, id, level FROM centre_replica`);
    await client.query(`CREATE TEMP TABLE bench_ancestry AS
      WITH RECURSIVE pairs AS (SELECT id AS descendant, parent_id AS ancestor FROM centre_replica WHERE parent_id IS NOT NULL
        UNION ALL SELECT p.descendant, c.parent_id FROM pairs p JOIN centre_replica c ON c.id = p.ancestor WHERE c.parent_id IS NOT NULL)
      SELECT d.idx AS descendant, a.idx AS ancestor FROM pairs JOIN bench_centre d ON d.id = pairs.descendant JOIN bench_centre a ON a.id = pairs.ancestor`);
    const centres = (await client.query(`SELECT count(*)::int AS n FROM bench_centre`)).rows[0].n;
    // The dossiers, with small integer keys (centre index, procedure index, channel 0 online / 1 counter / 2 post):
    // 3 % stay open (some overdue); the others take 0–18 calendar days; due 14 days after reception.
    const local = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    await sql(
      client,
      'dossiers',
      `
      CREATE TEMP TABLE bench_dossier AS
      SELECT g, ci, pi, ch, received_at, due_at, resolved_at, took, sat, ${local('received_at')} AS rday, ${local('due_at')} AS dday, ${local('resolved_at')} AS xday
        FROM (SELECT g, ci, pi, ch, received_at, received_at + interval '14 days' AS due_at, took,
                     CASE WHEN open THEN NULL ELSE received_at + took * interval '1 day' + interval '2 hours' END AS resolved_at,
                     CASE WHEN open OR rr >= 0.3 THEN NULL WHEN rr < 0.27 THEN 1 ELSE 0 END AS sat
                FROM (SELECT g, (random() * ($1 - 1))::int AS ci, least($2 - 1, floor($2 * power(random(), $6)))::int AS pi, random() AS rr,
                             CASE WHEN random() < 0.4 THEN 0 WHEN random() < 0.85 THEN 1 ELSE 2 END AS ch,
                             $3::timestamptz + random() * ($4::timestamptz - $3::timestamptz - interval '1 day') AS received_at,
                             (random() * 18)::int AS took, random() < 0.03 AS open
                        FROM generate_series(1, $5) g) x) r`,
      [centres, s.procedures, `${s.from}T08:00:00+07:00`, `${s.to}T08:00:00+07:00`, s.dossiers, s.skew ?? 1],
    );
    const outcome = `CASE WHEN xday IS NULL THEN NULL WHEN xday < dday THEN 'EARLY' WHEN xday = dday THEN 'ON_TIME' ELSE 'LATE' END`;
    const channel = (ch: string) => `(ARRAY['ONLINE', 'COUNTER', 'POST'])[${ch} + 1]`;
    const procedure = (pi: string) => `'TT-' || lpad(${pi}::text, 3, '0')`;
    const sector = (pi: string) => `'Lĩnh vực ' || (${pi} % 20)`;
    if (s.facts !== false) {
      await sql(
        client,
        'facts',
        `
        INSERT INTO dossier_fact (dossier_id, code, centre_id, level, procedure_id, procedure_code, sector, channel, submitted_at, received_at,
          due_at, overdue_from, state, national_status_code, state_at, resolved_at, decision, outcome, processing_days, satisfaction, rated_at)
        SELECT gen_random_uuid(), 'B-' || g, c.id, c.level, '00000000-0000-0000-0000-000000000000', ${procedure('pi')}, ${sector('pi')}, ${channel('ch')},
               received_at, received_at, due_at, CASE WHEN resolved_at IS NULL THEN dday END,
               CASE WHEN resolved_at IS NULL THEN 'PROCESSING' ELSE 'RESOLVED' END, CASE WHEN resolved_at IS NULL THEN 4 ELSE 9 END,
               coalesce(resolved_at, received_at), resolved_at, CASE WHEN resolved_at IS NULL THEN NULL ELSE 'APPROVED' END, ${outcome},
               CASE WHEN resolved_at IS NULL THEN NULL ELSE round((took * 5.0 / 7)::numeric, 4) END,
               CASE sat WHEN 1 THEN 'SATISFIED' WHEN 0 THEN 'NOT_SATISFIED' END, CASE WHEN sat IS NOT NULL THEN resolved_at + interval '1 day' END
          FROM bench_dossier JOIN bench_centre c ON c.idx = ci`,
      );
    }
    // Each dossier's counter deltas, as the handlers write them: received on its day; its due date's +1 overdue
    // on the due day; resolved on its day by outcome, with the overdue -1 on max(resolved day, due day); rated.
    await sql(
      client,
      'daily cube',
      `
      CREATE TEMP TABLE bench_daily AS
      SELECT ci, pi, ch, e.day, sum(e.ro)::int ro, sum(e.rf)::int rf, sum(e.early)::int early,
             sum(e.on_time)::int on_time, sum(e.late)::int late, sum(e.pd)::numeric(16,4) pd, sum(e.ov)::int ov, sum(e.rt)::int rt, sum(e.rs)::int rs
        FROM (SELECT *, ${outcome} AS outcome FROM bench_dossier) d
        CROSS JOIN LATERAL (VALUES
          (rday, (ch = 0)::int, (ch <> 0)::int, 0, 0, 0, 0::numeric, 0, 0, 0),
          (dday, 0, 0, 0, 0, 0, 0, 1, 0, 0),
          (xday, 0, 0, (outcome = 'EARLY')::int, (outcome = 'ON_TIME')::int, (outcome = 'LATE')::int, round((took * 5.0 / 7)::numeric, 4), 0, 0, 0),
          (greatest(xday, dday), 0, 0, 0, 0, 0, 0, CASE WHEN xday IS NULL THEN 0 ELSE -1 END, 0, 0),
          (xday + 1, 0, 0, 0, 0, 0, 0, 0, (sat IS NOT NULL)::int, coalesce(sat, 0))
        ) e(day, ro, rf, early, on_time, late, pd, ov, rt, rs)
       WHERE e.day IS NOT NULL
       GROUP BY ci, pi, ch, e.day
      HAVING sum(e.ro) <> 0 OR sum(e.rf) <> 0 OR sum(e.early) <> 0 OR sum(e.on_time) <> 0 OR sum(e.late) <> 0 OR sum(e.ov) <> 0 OR sum(e.rt) <> 0`,
    );
    await client.query(`DROP TABLE bench_dossier`);
    const measures =
      'received_online, received_offline, resolved_early, resolved_on_time, resolved_late, processing_days, closed_unresolved, overdue_delta, ratings, ratings_satisfied';
    const bucket = `CASE g.grain WHEN 'D' THEN day WHEN 'M' THEN date_trunc('month', day)::date ELSE date_trunc('year', day)::date END`;
    const sums = 'sum(ro), sum(rf), sum(early), sum(on_time), sum(late), sum(pd), 0, sum(ov), sum(rt), sum(rs)';
    // own scope: each centre's dossiers; below scope: each ancestor's, summed over its descendants
    for (const [scope, own, from, centre] of [
      ['own', 'true', 'bench_daily d', 'd.ci'],
      ['subtree', 'false', 'bench_daily d JOIN bench_ancestry a ON a.descendant = d.ci', 'a.ancestor'],
    ]) {
      const kinds = [
        ['C', 'd.ch', 'ch', channel('k.ch'), 'c.level'],
        ['P', 'd.pi', 'pi', procedure('k.pi'), sector('k.pi')],
        ['S', 'd.pi % 20', 'pi', sector('k.pi'), "''"],
      ];
      for (const [dim, group, key, value, sub] of kinds) {
        await sql(
          client,
          `${scope} counters ${dim}`,
          `
          INSERT INTO counter (centre_id, own, dim, grain, bucket, value, sub, ${measures})
          SELECT c.id, ${own}, '${dim}', k.grain, k.bucket, ${value}, ${sub}, k.ro, k.rf, k.early, k.on_time, k.late, k.pd, 0, k.ov, k.rt, k.rs
            FROM (SELECT ${centre} AS ci, ${group}, g.grain, ${bucket} AS bucket, ${sums.replace(', 0,', ',')}
                    FROM ${from} CROSS JOIN (VALUES ('D'), ('M'), ('Y')) g(grain) GROUP BY 1, 2, 3, 4) k(ci, ${key}, grain, bucket, ro, rf, early, on_time, late, pd, ov, rt, rs)
            JOIN bench_centre c ON c.idx = k.ci`,
        );
      }
    }
    await client.query(`DROP TABLE bench_daily`);
    await sql(
      client,
      'counter primary key',
      `ALTER TABLE counter ADD PRIMARY KEY (centre_id, own, dim, grain, bucket, value, sub)`,
    );
    if (s.facts !== false) {
      await sql(
        client,
        'fact indexes',
        `CREATE INDEX dossier_fact_received ON dossier_fact (centre_id, received_at);
        CREATE INDEX dossier_fact_resolved ON dossier_fact (centre_id, resolved_at) WHERE resolved_at IS NOT NULL`,
      );
    }
    await sql(client, 'vacuum analyze', `VACUUM ANALYZE counter`);
    await client.query(`ANALYZE dossier_fact; ANALYZE centre_replica`);
    // the generated counters hold together: own counts = the dossiers, the root's below scope = everyone else's own
    const check = (
      await client.query(
        `SELECT
        (SELECT sum(received_online + received_offline) FROM counter WHERE own AND dim = 'C' AND grain = 'Y')::bigint AS own,
        (SELECT sum(received_online + received_offline) FROM counter WHERE own AND dim = 'P' AND grain = 'D')::bigint AS own_days,
        (SELECT sum(received_online + received_offline) FROM counter WHERE NOT own AND dim = 'C' AND grain = 'M' AND centre_id = $1)::bigint AS below_root,
        (SELECT sum(received_online + received_offline) FROM counter WHERE own AND dim = 'C' AND grain = 'Y' AND centre_id <> $1)::bigint AS others`,
        [root],
      )
    ).rows[0];
    if (
      Number(check.own) !== s.dossiers ||
      Number(check.own_days) !== s.dossiers ||
      check.below_root !== check.others
    ) {
      throw new Error(`generated counters do not hold together: ${JSON.stringify(check)}`);
    }
    const sizes = (
      await client.query(`SELECT (SELECT count(*) FROM counter)::bigint AS counters, (SELECT count(*) FROM counter WHERE own)::bigint AS own,
      pg_size_pretty(pg_total_relation_size('counter')) AS counter_size, pg_size_pretty(pg_total_relation_size('dossier_fact')) AS fact_size,
      pg_size_pretty(pg_database_size(current_database())) AS database_size`)
    ).rows[0];
    console.log(
      `  ${Number(sizes.counters).toLocaleString('en')} counter rows (${Number(sizes.own).toLocaleString('en')} own, the rest subtree sums), ${sizes.counter_size}; facts ${sizes.fact_size}; database ${sizes.database_size}`,
    );
    return { root, province, commune };
  } finally {
    await client.end();
  }
}

/** The report queries measured at a scale: province (or nation), province, commune, over a year and odd periods. */
export function reportCases(
  s: Scale,
  { root, province, commune }: { root: string; province: string; commune: string },
): Array<[string, object]> {
  const year = s.to.slice(0, 4) === '2026' ? '2025' : s.to.slice(0, 4);
  return [
    [
      `${s.provinces > 1 ? 'nation' : 'province'} + descendants, year, by CENTRE`,
      { from: `${year}-01-01`, to: `${year}-12-31`, centreId: root, includeDescendants: true, groupBy: 'CENTRE' },
    ],
    [
      `${s.provinces > 1 ? 'nation' : 'province'} + descendants, year, by PROCEDURE`,
      { from: `${year}-01-01`, to: `${year}-12-31`, centreId: root, includeDescendants: true, groupBy: 'PROCEDURE' },
    ],
    [
      `${s.provinces > 1 ? 'nation' : 'province'} + descendants, year, by MONTH`,
      { from: `${year}-01-01`, to: `${year}-12-31`, centreId: root, includeDescendants: true, groupBy: 'MONTH' },
    ],
    [
      `${s.provinces > 1 ? 'nation' : 'province'} + descendants, 7 Mar–19 Aug, by CHANNEL`,
      { from: `${year}-03-07`, to: `${year}-08-19`, centreId: root, includeDescendants: true, groupBy: 'CHANNEL' },
    ],
    [
      'one province + descendants, 7 Mar–19 Aug, by SECTOR',
      { from: `${year}-03-07`, to: `${year}-08-19`, centreId: province, includeDescendants: true, groupBy: 'SECTOR' },
    ],
    [
      'one commune, one month, by PROCEDURE',
      {
        from: `${year}-10-01`,
        to: `${year}-10-31`,
        centreId: commune,
        includeDescendants: false,
        groupBy: 'PROCEDURE',
      },
    ],
  ];
}

async function measure(platform: TestPlatform, token: string, input: object, runs: number) {
  for (let i = 0; i < 5; i++) await platform.ok(REPORT, { input }, token);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const data = await platform.ok(REPORT, { input }, token);
    times.push(performance.now() - t);
    rows = data.report.rows.length;
  }
  // the read model alone: the same report straight from the statistics database, no HTTP, no gateway
  const db = platform.services.statistics.db;
  const q = input as { from: string; to: string; centreId: string; includeDescendants: boolean; groupBy: any };
  const dbTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await buildReport(db, {
      from: q.from,
      to: q.to,
      centreId: q.centreId,
      includeDescendants: q.includeDescendants,
      groupBy: q.groupBy,
      now: new Date(),
    });
    dbTimes.push(performance.now() - t);
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  return {
    rows,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: Math.max(...times),
    dbP50: pct(dbTimes, 50),
    dbP95: pct(dbTimes, 95),
  };
}

/**
 * The write side: what one reception and one decision cost the statistics consumer, applied the way
 * its EventConsumer applies them — one event per transaction (a retry, a rebuild) and runs of 100 in
 * one transaction with the run's counter deltas written once (counterRunWrites, the consumer's common
 * case) — in a province of 100 communes. Counts the counter rows each event inserts or updates
 * (PostgreSQL's table statistics).
 */
async function measureWrites(platform: TestPlatform, n: number) {
  const db = platform.services.statistics.db;
  const consumer = platform.services.statistics.consumer!;
  const province = randomUUID();
  await db.query(
    `INSERT INTO centre_replica (id, code, name, level, parent_id) VALUES ($1, 'W57', 'Tỉnh', 'PROVINCE', NULL)`,
    [province],
  );
  const communes: string[] = [];
  for (let i = 0; i < 100; i++) {
    const id = randomUUID();
    communes.push(id);
    await db.query(
      `INSERT INTO centre_replica (id, code, name, level, parent_id) VALUES ($1, $2, 'Xã', 'COMMUNE', $3)`,
      [id, `W57.${i}`, province],
    );
  }
  const envelope = (type: string, payload: any, at: string) =>
    ({
      id: randomUUID(),
      type,
      version: 1,
      sequence: 0,
      source: 'intake',
      aggregateId: payload.dossierId,
      occurredAt: at,
      correlationId: null,
      payload,
    }) as EventEnvelope;
  /** Through statistics' own consumer: each event alone, or in runs of `perTransaction` as a batch job applies them. */
  const apply = async (events: EventEnvelope[], perTransaction: number) => {
    for (let i = 0; i < events.length; i += perTransaction) {
      if (perTransaction === 1) await consumer.apply({ data: events[i] });
      else await consumer.applyRun(events.slice(i, i + perTransaction));
    }
  };
  const day = (i: number) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const reception = (i: number) => {
    const id = randomUUID();
    const at = `${day(i)}T02:00:00Z`;
    const due = new Date(Date.parse(at) + 14 * 86_400_000).toISOString();
    const procedure = {
      id: randomUUID(),
      code: `TT-${String(i % 150).padStart(3, '0')}`,
      name: 'Thủ tục',
      sector: `Lĩnh vực ${i % 20}`,
      version: 1,
      processingTime: { amount: 10, unit: 'WORKING_DAYS' },
    };
    return {
      id,
      at,
      due,
      event: envelope(
        'DossierSubmitted',
        {
          dossierId: id,
          code: `W-${i}`,
          status: 2,
          channel: i % 3 === 0 ? 'ONLINE' : 'COUNTER',
          submittedAt: at,
          receivedAt: at,
          receptionDay: day(i),
          dueAt: due,
          procedure,
          receivingCentre: { id: communes[i % 100], code: `W57.${i % 100}`, level: 'COMMUNE' },
          applicant: {
            id: randomUUID(),
            kind: 'CITIZEN',
            identityNumber: '046090001234',
            fullName: 'A',
            phone: null,
            email: null,
          },
          delivery: { method: 'COUNTER', address: null },
        },
        at,
      ),
    };
  };
  const decision = (d: { id: string; at: string; due: string }) => {
    const at = new Date(Date.parse(d.at) + 10 * 86_400_000).toISOString();
    return envelope(
      'DossierDecided',
      {
        dossierId: d.id,
        code: d.id,
        decision: 'APPROVED',
        reason: null,
        resolvedAt: at,
        dueAt: d.due,
        processingCentreId: randomUUID(),
        result: null,
        actor: { id: 'l', name: 'l', role: 'LEADER' },
      },
      at,
    );
  };
  const rowsTouched = async () => {
    await new Promise((r) => setTimeout(r, 1500)); // table statistics are flushed about once a second
    const [r] = await db.query(
      `SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::bigint AS n FROM pg_stat_user_tables WHERE schemaname = 'statistics' AND relname = 'counter'`,
    );
    return Number(r.n);
  };
  const out: Array<Record<string, string | number>> = [];
  const measure = async (label: string, events: EventEnvelope[], perTransaction: number) => {
    const before = await rowsTouched();
    const t = performance.now();
    await apply(events, perTransaction);
    const ms = performance.now() - t;
    const rows = (await rowsTouched()) - before;
    out.push({
      events: label,
      'events per transaction': perTransaction,
      'ms per event': (ms / events.length).toFixed(2),
      'events/s': Math.round(events.length / (ms / 1000)),
      'counter rows written per event': (rows / events.length).toFixed(1),
    });
  };
  await apply(
    Array.from({ length: 50 }, (_, i) => reception(1_000_000 + i).event),
    1,
  ); // warm-up
  for (const perTransaction of [1, 100]) {
    const received = Array.from({ length: n }, (_, i) => reception(i + perTransaction * n));
    await measure(
      'reception (DossierSubmitted)',
      received.map((r) => r.event),
      perTransaction,
    );
    await measure('decision (DossierDecided)', received.map(decision), perTransaction);
  }
  console.table(out);
}

async function main() {
  const scales = arg('scale', 'all') === 'all' ? ['province', 'national'] : [arg('scale', 'province')];
  const runs = Number(arg('runs', '60'));
  // --writes applies events through statistics' consumer; the report needs no worker
  const platform = await TestPlatform.start({ workers: process.argv.includes('--writes') ? ['statistics'] : [] });
  if (process.argv.includes('--writes')) {
    try {
      await measureWrites(platform, Number(arg('writes', '2000')));
      console.log(
        `machine: ${require('node:os').cpus().length} cores, load average ${require('node:os').loadavg()[0].toFixed(1)}`,
      );
    } finally {
      await platform.stop();
    }
    return;
  }
  const results: Array<Record<string, string | number>> = [];
  const load = () => require('node:os').loadavg()[0].toFixed(1);
  try {
    for (const key of scales) {
      const s = {
        ...SCALES[key],
        ...(process.argv.includes('--dossiers')
          ? {
              dossiers: Number(arg('dossiers', '0')),
              name: `${SCALES[key].name} layout, ${arg('dossiers', '0')} dossiers`,
            }
          : {}),
      };
      const t = performance.now();
      const { root, province, commune } = await generate(platform.databaseUrl, s);
      console.log(`  generated in ${((performance.now() - t) / 60000).toFixed(1)} min`);
      const rootCode = s.provinces > 1 ? 'VN' : 'H57';
      const observer = await platform.token({ role: 'OBSERVER', centre: rootCode });
      const cases = reportCases(s, { root, province, commune });
      for (const [name, input] of cases) {
        const r = await measure(platform, observer, input, runs);
        results.push({
          scale: s.name,
          query: name,
          rows: r.rows,
          'p50 ms': r.p50.toFixed(1),
          'p95 ms': r.p95.toFixed(1),
          'max ms': r.max.toFixed(1),
          'db p50': r.dbP50.toFixed(1),
          'db p95': r.dbP95.toFixed(1),
        });
        console.log(
          `  ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; read model alone p50 ${r.dbP50.toFixed(1)}, p95 ${r.dbP95.toFixed(1)} (${r.rows} rows)`,
        );
      }
    }
    console.table(results);
    console.log(
      `machine: ${require('node:os').cpus().length} cores, load average ${load()} at the end (other work shares the machine)`,
    );
  } finally {
    await platform.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
