/**
 * The inbox at scale (issue 13): 100,000 open dossiers at one centre, loaded straight into
 * processing's tables of a scratch database (TestPlatform: a database of its own, dropped after),
 * then the first page of `inboxPage` timed through the gateway, without and with each filter.
 *
 *   npm run bench:inbox                          # 100,000 dossiers, 40 runs per case
 *   npm run bench:inbox -- --dossiers 20000 --runs 20
 *
 * The dossiers exist in processing only, so the timed query asks for processing's fields (status,
 * due dates, SLA, current step): the cost under test is the inbox's own SQL and the gateway, not
 * the look-up by id of the page's 20 dossiers in intake (code, procedure, applicant) that the
 * portal's page adds.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { deadlineBounds, type InboxFilter } from '../../services/processing/src/domain/inbox';
import { inboxPage } from '../../services/processing/src/persistence/inbox';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const PAGE = `query($filter: InboxFilter) { inboxPage(filter: $filter, first: 20, offset: 0) {
  total counts { onTrack dueSoon overdue paused }
  items { id status dueAt statutoryDueAt currentStep { code name role dueAt } sla { state remainingWorkingHours } } } }`;

const STEPS = JSON.stringify([
  { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
  { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 24 },
  { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
]);

/**
 * n open dossiers at the centre, spread as a busy centre's are: 50 procedures; 10 % at reception,
 * 75 % with the specialists, 10 % with the leader, 5 % paused (supplementation); statutory due
 * dates from 5 days ago to 25 days ahead, so every deadline state is well represented.
 */
async function load(platform: TestPlatform, centreId: string, n: number): Promise<void> {
  const db = platform.services.processing.db;
  await db.query(
    `
    INSERT INTO dossier (id, code, status, channel, processing_centre_id, receiving_centre_id, procedure_code, procedure_name,
      applicant_identity_number, applicant_name, submitted_at, received_at, due_at, statutory_due_at, workflow_version, steps,
      step_index, step_started_at, step_due_at, inbox_role, paused_at, sla_state, version)
    SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 7, '0'),
           CASE WHEN r < 0.05 THEN 'SUPPLEMENT_REQUESTED' WHEN r < 0.15 THEN 'RECEIVED' ELSE 'PROCESSING' END,
           'COUNTER', $1, $1, 'BENCH-P' || (i % 50), 'Thủ tục ' || (i % 50),
           lpad((46000000000 + i)::text, 12, '0'), 'Người nộp ' || i,
           now() - interval '10 days', now() - interval '10 days', due, due, 0, $2::jsonb,
           CASE WHEN r < 0.05 THEN 1 WHEN r < 0.15 THEN 0 WHEN r < 0.90 THEN 1 ELSE 2 END,
           now() - interval '1 day', due - interval '2 days',
           CASE WHEN r < 0.05 THEN NULL WHEN r < 0.15 THEN 'INTAKE_OFFICER' WHEN r < 0.90 THEN 'SPECIALIST' ELSE 'LEADER' END,
           CASE WHEN r < 0.05 THEN now() - interval '1 day' END,
           CASE WHEN due < now() THEN 'OVERDUE' WHEN due < now() + interval '1 day' THEN 'DUE_SOON' ELSE 'ON_TRACK' END, 1
      FROM (SELECT i, random() AS r, now() + (random() * 30 - 5) * interval '1 day' AS due FROM generate_series(1, $3) AS i) g`,
    [centreId, STEPS, n],
  );
  await db.query(`VACUUM ANALYZE dossier`);
}

async function measure(
  platform: TestPlatform,
  token: string,
  filter: InboxFilter | null,
  runs: number,
  centreId: string,
  role: string | null,
) {
  const first = await platform.graphql(PAGE, { filter }, token);
  if (first.errors?.length) throw new Error(JSON.stringify(first.errors));
  for (let i = 0; i < 2; i++) await platform.ok(PAGE, { filter }, token);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const data = await platform.ok(PAGE, { filter }, token);
    times.push(performance.now() - t);
    total = data.inboxPage.total;
  }
  // The inbox's SQL alone (persistence/inbox.ts straight on processing's database: no HTTP, no gateway).
  const dbTimes: number[] = [];
  const calendar = await platform.services.processing.deps.calendar();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await inboxPage(platform.services.processing.db.manager, {
      centreId,
      role,
      filter: filter ?? {},
      ...deadlineBounds(calendar, new Date()),
      limit: 20,
      offset: 0,
    });
    dbTimes.push(performance.now() - t);
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  return {
    total,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: Math.max(...times),
    dbP50: pct(dbTimes, 50),
    dbP95: pct(dbTimes, 95),
  };
}

async function main() {
  const n = Number(arg('dossiers', '100000'));
  const runs = Number(arg('runs', '40'));
  // intake's relay and processing's consumer carry the centre to processing; nothing else runs
  const platform = await TestPlatform.start({ workers: ['intake', 'processing'] });
  try {
    const fx = new Fixtures(platform);
    const centre = await fx.centre({ level: 'PROVINCE' });
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id]))
          .length === 1,
      { what: 'centre replica' },
    );
    const t = performance.now();
    await load(platform, centre.id, n);
    console.log(
      `loaded ${n.toLocaleString('en')} open dossiers at ${centre.code} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const cases: Array<[string, string, InboxFilter | null]> = [
      ['specialist, no filter', 'SPECIALIST', null],
      ['specialist, overdue', 'SPECIALIST', { deadline: 'OVERDUE' }],
      ['specialist, due soon', 'SPECIALIST', { deadline: 'DUE_SOON' }],
      ['specialist, one procedure', 'SPECIALIST', { procedureCode: 'BENCH-P7' }],
      [
        'specialist, procedure + status + due soon',
        'SPECIALIST',
        { procedureCode: 'BENCH-P7', status: 'PROCESSING', deadline: 'DUE_SOON' },
      ],
      ['specialist, paused', 'SPECIALIST', { deadline: 'PAUSED' }],
      ['observer (every role), no filter', 'OBSERVER', null],
      ['observer, overdue', 'OBSERVER', { deadline: 'OVERDUE' }],
    ];
    const rows = [];
    for (const [name, role, filter] of cases) {
      const token = await platform.token({ role: role as never, centre: centre.code });
      const r = await measure(platform, token, filter, runs, centre.id, role === 'OBSERVER' ? null : role);
      rows.push({
        case: name,
        total: r.total,
        'p50 ms': r.p50.toFixed(1),
        'p95 ms': r.p95.toFixed(1),
        'max ms': r.max.toFixed(1),
        'SQL p50': r.dbP50.toFixed(1),
        'SQL p95': r.dbP95.toFixed(1),
      });
    }
    console.table(rows);
    console.log(
      `${runs} runs per case; machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end (other work shares the machine)`,
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
