/**
 * `npm run simulate [-- options]`: generates a realistic province-year, imports it through the
 * gateway (historical import), waits for statistics to catch up, and prints the II.06a report
 * (the contract's Report query, by CENTRE and in total) beside the ground truth computed from the
 * generated data. Exit 1 if they differ.
 *
 * Options: --size 68440 --in-progress 3277 --late-share 0.038 --on-time-share 0.12 --year 2025
 *   --centres 3 (or a list of codes: --centres H57,H57-A,H57-B) --procedures 30,15,10,20,15,10
 *   --channels COUNTER:0.6,ONLINE:0.3,POST:0.1 --seed 2018 --batch 200 --concurrency 2
 *   --start (start a platform of its own: `npm start` on a fresh DATA_DIR) --keep (leave the file)
 * Environment: GATEWAY_URL (default http://localhost:4000), AUTH_JWT_SECRET or TOKEN.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar, type CalendarDay } from '@onestop/calendar';
import { signToken } from '@onestop/service-kit';
import { formatSummary, importFile, progressBar, type ImportSummary } from './import';
import { generate, HUE_2018, SIM_PROCEDURES, type GroundTruthRow, type SimOptions } from './simulate/generate';

export const COMPARED: Array<keyof GroundTruthRow> = [
  'received',
  'receivedOnline',
  'receivedOffline',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressNotDue',
  'inProgressOverdue',
];

export interface SimulationRun {
  summary: ImportSummary;
  /** Seconds from the end of the import until the report equalled the truth (or stopped changing). */
  catchUpSeconds: number;
  rows: Array<{ key: string; report: Partial<GroundTruthRow> | null; truth: GroundTruthRow }>;
  differences: string[];
  table: string;
}

export interface RunOptions extends SimOptions {
  gatewayUrl: string;
  jwtSecret?: string;
  token?: string;
  /** With `token`: a root ADMIN's token that creates the simulator's root when the tree has a root already. */
  rootAdminToken?: string;
  batchSize?: number;
  concurrency?: number;
  /** How long to wait for statistics after the import (ms). */
  catchUpTimeoutMs?: number;
  progress?: boolean;
  log?: (line: string) => void;
}

async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const REPORT = `query Report($input: ReportInput!) {
  report(input: $input) {
    rows { key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate
      inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays satisfactionRate }
    total { received resolved resolvedEarly resolvedOnTime resolvedLate inProgress inProgressNotDue inProgressOverdue onTimeRate }
  }
}`;

/**
 * The simulator's centres and procedures, created when missing (a second run reuses them; its import is then "already imported").
 * Its root is a new root of the tree: created by the ADMIN of a root already there (`rootAdmin`), or on an empty tree by its own.
 */
async function ensureCatalogue(
  url: string,
  token: string,
  centres: string[],
  rootAdmin?: (code: string) => Promise<string>,
): Promise<Map<string, string>> {
  const { centres: known } = await gql<{ centres: Array<{ id: string; code: string; parent: { id: string } | null }> }>(
    url,
    '{ centres { id code parent { id } } }',
    {},
  );
  const ids = new Map(known.map((c) => [c.code, c.id]));
  const existingRoot = known.find((c) => !c.parent)?.code;
  for (const [i, code] of centres.entries()) {
    if (ids.has(code)) continue;
    const by = i === 0 && existingRoot && rootAdmin ? await rootAdmin(existingRoot) : token;
    const { createCentre } = await gql(
      url,
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      {
        input: {
          code,
          name: i === 0 ? `Trung tâm PVHCC mô phỏng ${code}` : `Bộ phận một cửa mô phỏng ${code}`,
          level: i === 0 ? 'PROVINCE' : 'COMMUNE',
          parentId: i === 0 ? null : ids.get(centres[0]),
        },
      },
      by,
    );
    ids.set(code, createCentre.id);
  }
  const { procedures } = await gql<{ procedures: Array<{ code: string }> }>(url, '{ procedures { code } }', {});
  const have = new Set(procedures.map((p) => p.code));
  for (const p of SIM_PROCEDURES) {
    if (have.has(p.code)) continue;
    await gql(
      url,
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: p.code,
          name: p.name,
          sector: p.sector,
          levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
          feeVnd: 0,
          processingTime: p.processingTime,
        },
      },
      token,
    );
  }
  return ids;
}

/** The calendar the platform uses: statutory holidays and the days its ADMIN declared, as intake answers them. */
export async function platformCalendar(url: string, year: number): Promise<WorkingCalendar> {
  const declared: CalendarDay[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const { calendarDays } = await gql<{ calendarDays: CalendarDay[] }>(
      url,
      'query($year: Int!) { calendarDays(year: $year) { date kind name } }',
      { year: y },
    );
    declared.push(...calendarDays.filter((d) => d.kind !== 'ORDINARY'));
  }
  return new WorkingCalendar({ declared });
}

export async function runSimulation(o: RunOptions): Promise<SimulationRun> {
  const log = o.log ?? ((line: string) => console.log(line));
  const adminOf = (centre: string) =>
    signToken(o.jwtSecret!, { sub: 'simulator', name: 'Mô phỏng', role: 'ADMIN', centre }, '12h');
  const token = o.token ?? (await adminOf(o.centres[0]));
  const rootAdmin = o.token ? (o.rootAdminToken ? async () => o.rootAdminToken! : undefined) : adminOf;
  const ids = await ensureCatalogue(o.gatewayUrl, token, o.centres, rootAdmin);
  const calendar = await platformCalendar(o.gatewayUrl, o.year);
  const sim = generate(calendar, o);
  const dir = mkdtempSync(join(tmpdir(), 'onestop-simulate-'));
  const file = join(dir, `province-${o.year}.jsonl`);
  writeFileSync(file, sim.lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  log(`Generated ${sim.lines.length} dossiers of ${o.year} for ${o.centres.join(', ')} (seed ${o.seed}); importing…`);

  const bar = o.progress ? progressBar(sim.lines.length) : null;
  let summary: ImportSummary;
  try {
    summary = await importFile(file, {
      gatewayUrl: o.gatewayUrl,
      token,
      batchSize: o.batchSize,
      concurrency: o.concurrency,
      onProgress: (done) => bar?.update(done),
    });
  } finally {
    bar?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  log(formatSummary(summary));

  // Statistics is fed by events: wait until the report shows the year (or stops changing).
  const input = {
    from: `${o.year}-01-01`,
    to: `${o.year}-12-31`,
    centreId: ids.get(o.centres[0]),
    includeDescendants: true,
    groupBy: 'CENTRE',
  };
  const importDone = Date.now();
  const deadline = importDone + (o.catchUpTimeoutMs ?? 30 * 60_000);
  let report: any;
  let lastSeen = '';
  let lastChange = Date.now();
  const catchUp = o.progress ? progressBar(sim.total.received + sim.total.resolved, 'counted in statistics') : null;
  for (;;) {
    report = (await gql(o.gatewayUrl, REPORT, { input }, token)).report;
    const differences = compare(report, sim).length;
    catchUp?.update(
      Math.min(report.total.received, sim.total.received) + Math.min(report.total.resolved, sim.total.resolved),
    );
    const seen = JSON.stringify(report.total);
    if (seen !== lastSeen) {
      lastSeen = seen;
      lastChange = Date.now();
    }
    if (differences === 0 || Date.now() > deadline || Date.now() - lastChange > 60_000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  catchUp?.stop();
  const catchUpSeconds = (Date.now() - importDone) / 1000;
  const differences = compare(report, sim);
  const rows = o.centres.map((key) => ({
    key,
    report: report.rows.find((r: any) => r.key === key) ?? null,
    truth: sim.truth.get(key)!,
  }));
  return { summary, catchUpSeconds, rows, differences, table: formatTable(rows, report.total, sim.total) };
}

function compare(report: any, sim: ReturnType<typeof generate>): string[] {
  const out: string[] = [];
  for (const [key, truth] of sim.truth) {
    const row = report.rows.find((r: any) => r.key === key);
    for (const m of COMPARED) {
      const got = row?.[m] ?? 0;
      if (got !== truth[m]) out.push(`${key} ${m}: report ${got}, truth ${truth[m]}`);
    }
  }
  for (const m of COMPARED) {
    if (m in report.total && report.total[m] !== sim.total[m])
      out.push(`TOTAL ${m}: report ${report.total[m]}, truth ${sim.total[m]}`);
  }
  return out;
}

function formatTable(rows: SimulationRun['rows'], reportTotal: any, truthTotal: GroundTruthRow): string {
  const all = [...rows, { key: 'TOTAL', report: reportTotal, truth: truthTotal }];
  const width = Math.max(12, ...all.map((r) => r.key.length + 2));
  const head = [
    'measure'.padEnd(18),
    ...all.map((r) => `${r.key} report`.padStart(width + 7) + `${'truth'.padStart(9)}`),
  ].join('');
  const lines = [head];
  for (const m of COMPARED) {
    const cells = all.map((r) => {
      const got = r.report && m in r.report ? r.report[m] : '—';
      const mark = got === '—' || got === r.truth[m] ? ' ' : '≠';
      return `${String(got).padStart(width + 7)}${String(r.truth[m]).padStart(8)}${mark}`;
    });
    lines.push([m.padEnd(18), ...cells].join(''));
  }
  const rate = (t: GroundTruthRow) => (t.resolved ? (100 * (t.resolvedEarly + t.resolvedOnTime)) / t.resolved : 0);
  lines.push(
    `early or on time: ${rate(truthTotal).toFixed(1)} % of resolved; late ${((100 * truthTotal.resolvedLate) / Math.max(1, truthTotal.resolved)).toFixed(1)} %`,
  );
  return lines.join('\n');
}

// ---- command line ----------------------------------------------------------------------------

function args(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const name = argv[i].slice(2);
    const value = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    out.set(name, value);
  }
  return out;
}

export function optionsFrom(a: Map<string, string>): SimOptions {
  const seed = Number(a.get('seed') ?? 2018);
  const size = Number(a.get('size') ?? HUE_2018.size);
  const centresArg = a.get('centres') ?? '3';
  const root = `SIM${seed}`;
  const centres = /^\d+$/.test(centresArg)
    ? [root, ...Array.from({ length: Number(centresArg) - 1 }, (_, i) => `${root}.X${String(i + 1).padStart(2, '0')}`)]
    : centresArg
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
  const channels = Object.fromEntries(
    (a.get('channels') ?? 'COUNTER:0.6,ONLINE:0.3,POST:0.1').split(',').map((kv) => {
      const [k, v] = kv.split(':');
      return [k.trim().toUpperCase(), Number(v)];
    }),
  );
  const procedureWeights = (a.get('procedures') ?? '30,15,10,20,15,10').split(',').map(Number);
  while (procedureWeights.length < SIM_PROCEDURES.length) procedureWeights.push(0);
  return {
    year: Number(a.get('year') ?? 2025),
    size,
    centres,
    procedureWeights,
    channelWeights: { COUNTER: channels.COUNTER ?? 0, ONLINE: channels.ONLINE ?? 0, POST: channels.POST ?? 0 },
    lateShare: Number(a.get('late-share') ?? HUE_2018.lateShare),
    onTimeShare: Number(a.get('on-time-share') ?? 0.12),
    inProgress: a.has('in-progress')
      ? Number(a.get('in-progress'))
      : Math.round((size * HUE_2018.inProgress) / HUE_2018.size),
    seed,
  };
}

async function startPlatform(
  log: (l: string) => void,
): Promise<{ url: string; secret: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-sim-platform-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL may run initdb as another user
  const secret = randomBytes(24).toString('hex');
  const base = 4100 + 10 * Math.floor(Math.random() * 50);
  const port = String(base);
  const ports = {
    INTAKE_PORT: String(base + 1),
    PROCESSING_PORT: String(base + 2),
    DELIVERY_PORT: String(base + 3),
    STATISTICS_PORT: String(base + 4),
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', join(__dirname, 'register.js'), join(__dirname, 'start.ts')],
    {
      env: { ...process.env, ...ports, DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, PORT: port, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes('platform is up')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code})`)));
  });
  log(`Platform started on a fresh DATA_DIR (${dataDir}), gateway :${port}`);
  return {
    url: `http://localhost:${port}`,
    secret,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const a = args();
  const options = optionsFrom(a);
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  if (a.has('start')) platform = await startPlatform(console.log);
  try {
    const run = await runSimulation({
      ...options,
      gatewayUrl: platform?.url ?? process.env.GATEWAY_URL ?? 'http://localhost:4000',
      jwtSecret: platform?.secret ?? process.env.AUTH_JWT_SECRET,
      token: platform ? undefined : process.env.TOKEN,
      batchSize: Number(a.get('batch') ?? 200),
      concurrency: Number(a.get('concurrency') ?? 2),
      progress: true,
    });
    console.log(
      `\nReport II.06a ${options.year} (Report query through the gateway) beside the ground truth:\n${run.table}`,
    );
    console.log(
      `\nImport: ${run.summary.seconds.toFixed(1)} s (${run.summary.dossiersPerSecond.toFixed(0)} dossiers/s); statistics caught up ${run.catchUpSeconds.toFixed(1)} s after it.`,
    );
    if (run.differences.length) {
      console.error(`\nThe report differs from the ground truth:\n  ${run.differences.slice(0, 40).join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nThe report equals the ground truth.');
    }
  } finally {
    await platform?.stop();
  }
}

if (require.main === module) {
  if (!process.env.AUTH_JWT_SECRET && !process.env.TOKEN && !process.argv.includes('--start')) {
    console.error('Set AUTH_JWT_SECRET (or TOKEN) for the running platform, or pass --start');
    process.exit(2);
  }
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
