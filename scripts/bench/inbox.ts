/**
 * Benchmark: a centre's inbox with 100,000 open dossiers (issue 4, "Scale": p95 under 50 ms).
 *
 *   node -r ./scripts/register.js scripts/bench/inbox.ts [open=100000] [closed=100000] [runs=300]
 *
 * Starts the whole platform in-process on a fresh database (as the tests do: PostgreSQL at
 * TEST_DATABASE_URL or 127.0.0.1:5432, Redis at TEST_REDIS_URL or 127.0.0.1:6379), loads the
 * dossiers straight into processing's table (the reception flow would take an hour for that many),
 * then times the inbox query directly on the database and through the gateway, sequentially, and
 * prints p50/p95/p99. The dossiers exist only in processing, so the gateway query selects
 * processing's fields (id status dueAt currentStep); intake's `code` would be one more batched
 * entity fetch from intake.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TestPlatform, waitFor } from '@onestop/test-kit';

const [open = 100_000, closed = 100_000, runs = 300] = process.argv.slice(2).map(Number);
const ROLES = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, runs, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: samples[samples.length - 1] };
}

async function main() {
  const platform = await TestPlatform.start();
  try {
    const admin = await platform.token({ role: 'ADMIN', centre: 'BENCH' });
    const { createCentre: centre } = await platform.ok(`mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'BENCH', name: 'Trung tâm đo tải', level: 'PROVINCE' } }, admin);
    const db = platform.services.processing.db;
    await waitFor(async () => (await db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id])).length > 0, { what: 'the centre replica' });

    const loadStart = performance.now();
    const steps = JSON.stringify([
      { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
      { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 24 },
      { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
    ]);
    // Open dossiers spread over the three steps with step due times over ±30 days; closed ones
    // (resolved last year) that the partial index leaves out.
    await db.query(`
      INSERT INTO dossier (id, code, status, channel, processing_centre_id, receiving_centre_id, procedure_code, procedure_name,
        applicant_identity_number, applicant_name, submitted_at, received_at, due_at, statutory_due_at, steps, step_index,
        step_started_at, step_due_at, inbox_role)
      SELECT gen_random_uuid(), 'BENCH-' || n, CASE WHEN n % 3 = 0 THEN 'RECEIVED' ELSE 'PROCESSING' END, 'COUNTER', $1, $1, 'P-' || (n % 50), 'Thủ tục',
        '046090' || lpad((n % 1000000)::text, 6, '0'), 'Người nộp ' || n, now() - interval '10 days', now() - interval '10 days',
        now() + (n % 20) * interval '1 day', now() + (n % 20) * interval '1 day', $2::jsonb, n % 3,
        now() - interval '1 day', now() + ((random() - 0.5) * 60) * interval '1 day', (ARRAY['INTAKE_OFFICER','SPECIALIST','LEADER'])[n % 3 + 1]
      FROM generate_series(1, $3) AS n`, [centre.id, steps, open]);
    await db.query(`
      INSERT INTO dossier (id, code, status, channel, processing_centre_id, receiving_centre_id, procedure_code, procedure_name,
        applicant_identity_number, applicant_name, submitted_at, received_at, due_at, statutory_due_at, resolved_at, steps, step_index, inbox_role)
      SELECT gen_random_uuid(), 'BENCH-C-' || n, 'RETURNED', 'COUNTER', $1, $1, 'P-' || (n % 50), 'Thủ tục', '046090000001', 'Người nộp',
        now() - interval '400 days', now() - interval '400 days', now() - interval '390 days', now() - interval '390 days', now() - interval '391 days', $2::jsonb, 2, NULL
      FROM generate_series(1, $3) AS n`, [centre.id, steps, closed]);
    await db.query(`ANALYZE dossier`);
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const sql = `SELECT * FROM dossier WHERE processing_centre_id = $1 AND inbox_role = $2 ORDER BY step_due_at ASC, id ASC LIMIT 50`;
    const plan: Array<{ 'QUERY PLAN': string }> = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [centre.id, 'SPECIALIST']);

    const specialist = await platform.token({ role: 'SPECIALIST', centre: 'BENCH' });
    const observer = await platform.token({ role: 'OBSERVER', centre: 'BENCH' });
    const query = `query($centreId: ID) { inbox(centreId: $centreId) { id status dueAt currentStep { code name role dueAt } } }`;
    const check = await platform.ok(query, { centreId: centre.id }, specialist);
    if (check.inbox.length !== 50) throw new Error(`expected 50 dossiers in the inbox, got ${check.inbox.length}`);

    const results = [
      await time('database: inbox SQL (one role)', () => db.query(sql, [centre.id, 'SPECIALIST'])),
      await time('gateway: baseline (one cheap processing query)', () => platform.ok(`{ workflow(procedureCode: "P-1") { version } }`, {}, specialist)),
      await time('gateway: Inbox, SPECIALIST (first 50)', () => platform.ok(query, { centreId: centre.id }, specialist)),
      await time('gateway: Inbox, OBSERVER (all roles)', () => platform.ok(query, { centreId: centre.id }, observer)),
      await time('gateway: Inbox with sla (calendar per dossier)', () =>
        platform.ok(`query($centreId: ID) { inbox(centreId: $centreId) { id dueAt sla { state remainingWorkingHours } } }`, { centreId: centre.id }, specialist)),
    ];

    console.log(`\nInbox benchmark: ${open.toLocaleString('en')} open + ${closed.toLocaleString('en')} closed dossiers in one centre; ` +
      `${runs} sequential runs each; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); node ${process.version}; loaded in ${loadSeconds.toFixed(1)} s\n`);
    console.table(results.map((r) => ({ query: r.label, runs: r.runs, 'p50 ms': r.p50.toFixed(2), 'p95 ms': r.p95.toFixed(2), 'p99 ms': r.p99.toFixed(2), 'max ms': r.max.toFixed(2) })));
    console.log('\nPlan of the inbox SQL:\n' + plan.map((r) => '  ' + r['QUERY PLAN']).join('\n'));
    const gateway = results[2];
    console.log(`\np95 through the gateway ${gateway.p95.toFixed(1)} ms: ${gateway.p95 < 50 ? 'under' : 'OVER'} the 50 ms target`);
  } finally {
    await platform.stop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
