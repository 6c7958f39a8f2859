/**
 * The first five minutes: `npm start` on a fresh data directory, as a user runs it in a
 * terminal. Real processes (the start script, the services, the gateway, the embedded
 * PostgreSQL); each test removes what it started.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRES, DEMO_PROCEDURES } from '@onestop/demo-province';
import { Client } from 'pg';
import { freePorts } from '../scripts/lib/platform-processes';

/** The embedded PostgreSQL's URL for a data directory (scripts/platform-env.ts keeps its port there). */
async function embeddedUrl(dataDir: string): Promise<string> {
  const { port, password } = JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8')) as {
    port: number;
    password: string;
  };
  return `postgres://postgres:${password}@127.0.0.1:${port}/onestop`;
}

const ROOT = join(__dirname, '..');
const HISTORY = 300;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
  gateway: string;
}

/** `npm start` in a process group of its own, as a shell starts a foreground job. */
async function npmStart(dataDir: string): Promise<Run> {
  const [gateway, intake, processing, delivery, statistics] = await freePorts(5);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(gateway),
    INTAKE_PORT: String(intake),
    PROCESSING_PORT: String(processing),
    DELIVERY_PORT: String(delivery),
    STATISTICS_PORT: String(statistics),
    // A small recent history: enough to be stopped in the middle of, quick to finish.
    DEMO_HISTORY: String(HISTORY),
  };
  for (const name of ['NODE_ENV', 'JEST_WORKER_ID', 'DATABASE_URL', 'REDIS_URL', 'AUTH_JWT_SECRET', 'LOG_LEVEL'])
    delete env[name];
  return detached(
    spawn('npm', ['start', '--silent'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
    `http://127.0.0.1:${gateway}`,
  );
}

/** A process started as a shell's foreground job (a group of its own), with its output gathered. */
function detached(child: ChildProcess, gateway = ''): Run {
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { child, output: () => output, exited, gateway };
}

/** Ctrl-C in the terminal: SIGINT to the whole foreground process group. */
async function stop(run: Run, signal: NodeJS.Signals = 'SIGINT', graceMs = 40_000): Promise<void> {
  try {
    process.kill(-run.child.pid!, signal);
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }, graceMs);
  await run.exited;
  clearTimeout(timer);
}

async function graphql(run: Run, query: string): Promise<any> {
  const res = await fetch(`${run.gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  return ((await res.json()) as { data: any }).data;
}

/**
 * Polls `check` until it gives something truthy, or the run ends (when given), or time runs out
 * (three minutes by default: this shared machine is sometimes very busy).
 */
async function until<T>(
  check: () => Promise<T> | T,
  opts: { run?: Run; timeoutMs?: number } = {},
): Promise<T | undefined> {
  let ended = false;
  void opts.run?.exited.then(() => (ended = true));
  for (
    const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
    Date.now() < deadline && !ended;
    await new Promise((r) => setTimeout(r, 200))
  ) {
    const result = await check();
    if (result) return result;
  }
  return undefined;
}

async function expectHealthy(run: Run): Promise<void> {
  const status = () =>
    fetch(`${run.gateway}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.status,
      () => 0,
    );
  const up = (await until(async () => (await status()) === 200, { run })) ?? false;
  expect({ up, output: up ? '' : run.output() }).toEqual({ up: true, output: '' });
}

/** Until the seeding has begun (some centre exists), or the start ends, or time runs out. */
function seedingBegun(run: Run): Promise<number | undefined> {
  return until(async () => (await graphql(run, '{ centres { code } }').catch(() => undefined))?.centres?.length, {
    run,
  });
}

/** The processes still running with this data directory in their command line or environment. */
function processesOf(dataDir: string): string[] {
  const left: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmdline.includes(dataDir) || environ.split('\0').includes(`DATA_DIR=${dataDir}`))
        left.push(`${pid} ${cmdline.replace(/\0/g, ' ')}`);
    } catch {
      // ended while looking
    }
  }
  return left;
}

async function noProcessesOf(dataDir: string): Promise<string[]> {
  return (await until(() => processesOf(dataDir).length === 0, { timeoutMs: 15_000 })) ? [] : processesOf(dataDir);
}

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

describe('npm start, the first time', () => {
  let dir: string;
  const runs: Run[] = [];
  /** The platform the first test leaves running (healthy), for the second to stop: one start fewer on a slow machine. */
  let running: Run | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onestop-first-start-'));
    chmodSync(dir, 0o755); // the postgres user (when root) reaches it: the third test is the private case
  });
  afterAll(async () => {
    for (const run of runs) await stop(run, 'SIGKILL', 1000);
    for (const line of processesOf(dir)) process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stopped at any moment of the first start, a later start finds the whole demo province as soon as /healthz says 200', async () => {
    const dataDir = join(dir, 'data');
    // Two kills early (PostgreSQL initialising, the services starting), then one during the seeding.
    const interruptions: Array<{ signal: NodeJS.Signals; at: (run: Run) => Promise<unknown> }> = [
      { signal: 'SIGKILL', at: () => new Promise((r) => setTimeout(r, random(500, 4000))) },
      { signal: 'SIGINT', at: () => new Promise((r) => setTimeout(r, random(1000, 8000))) },
      {
        signal: 'SIGKILL',
        at: async (run) => (await seedingBegun(run)) && new Promise((r) => setTimeout(r, random(0, 500))),
      },
    ];
    for (const { signal, at } of interruptions) {
      const run = await npmStart(dataDir);
      runs.push(run);
      await at(run);
      await stop(run, signal);
    }

    let run = await npmStart(dataDir);
    runs.push(run);
    await expectHealthy(run);
    const { centres, procedures } = await graphql(
      run,
      '{ centres { code } procedures { code workflow { isDefault } } }',
    );
    expect(centres.map((c: { code: string }) => c.code).sort()).toEqual(DEMO_CENTRES.map((c) => c.code).sort());
    expect(procedures.map((p: { code: string }) => p.code).sort()).toEqual(DEMO_PROCEDURES.map((p) => p.code).sort());
    expect(
      procedures.filter((p: { workflow: { isDefault: boolean } | null }) => !p.workflow || p.workflow.isDefault),
    ).toEqual([]);

    // The recent history comes after readiness: killed while it is imported, the next start
    // resumes it into one history, every dossier once.
    expect(await said(run, /imported now in the background/)).toBe(true);
    await new Promise((r) => setTimeout(r, random(1000, 6000)));
    const finished = /demo history in place/.test(run.output()); // a quiet machine may be done already
    await stop(run, 'SIGKILL');
    run = await npmStart(dataDir);
    runs.push(run);
    await expectHealthy(run);
    if (!finished) {
      const inPlace = await until(() => /demo history in place: 300 dossiers/.test(run.output()), {
        run,
        timeoutMs: 400_000,
      });
      expect({ inPlace, output: inPlace ? '' : run.output() }).toEqual({ inPlace: true, output: '' });
    }
    const db = new Client({ connectionString: await embeddedUrl(dataDir) });
    await db.connect();
    try {
      const {
        rows: [counts],
      } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM intake.dossier`);
      expect(counts).toEqual({ n: HISTORY, codes: HISTORY });
    } finally {
      await db.end();
    }
    running = run;
  }, 1_200_000);

  it('Ctrl-C in the terminal drains and stops everything in a few quiet lines', async () => {
    const dataDir = join(dir, 'data');
    const run = running ?? (await npmStart(dataDir));
    runs.push(run);
    await expectHealthy(run);
    const before = run.output().length;
    await stop(run);
    const printed = run.output().slice(before);
    expect(printed).toContain('stopped');
    expect(printed).not.toMatch(/error|terminating connection|^\s+at /im);
    expect(printed.trim().split('\n').length).toBeLessThanOrEqual(4);
    expect(await noProcessesOf(dataDir)).toEqual([]);
  }, 240_000);

  (process.getuid?.() === 0 ? it : it.skip)(
    'run as root from a private directory (a home, mktemp -d), its PostgreSQL starts, answers and stops',
    async () => {
      // A clone in a 0700 directory, its files hard links to this one's (no copy of node_modules),
      // and in it the start's first step: the embedded PostgreSQL, then a query, then Ctrl-C.
      const home = mkdtempSync(join(tmpdir(), 'onestop-private-'));
      const clone = join(home, 'clone');
      const sharedBefore = existsSync('/var/lib/onestop') ? readdirSync('/var/lib/onestop') : [];
      try {
        mkdirSync(clone);
        const entries = readdirSync(ROOT).filter((e) => !['.git', '.data'].includes(e));
        execFileSync('cp', ['-al', ...entries.map((e) => join(ROOT, e)), clone]);
        const dataDir = join(clone, '.data');
        const run = spawnIn(clone, dataDir, POSTGRES_ONLY);
        runs.push(run);
        const answered = await said(run, /^answered 1$/m);
        expect({ answered, output: answered ? '' : run.output() }).toEqual({ answered: true, output: '' });
        await stop(run);
        expect(run.output()).toMatch(/^stopped$/m);
        expect(run.output()).not.toMatch(/EACCES|error|^\s+at /im);
        expect(await noProcessesOf(dataDir)).toEqual([]);
      } finally {
        for (const entry of existsSync('/var/lib/onestop') ? readdirSync('/var/lib/onestop') : []) {
          if (!sharedBefore.includes(entry)) rmSync(join('/var/lib/onestop', entry), { recursive: true, force: true });
        }
        rmSync(home, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

/** What `npm start` does first (scripts/start.ts), alone: start the embedded PostgreSQL, query it, stop it on Ctrl-C. */
const POSTGRES_ONLY = `
const { Client } = require('pg');
const embedded = require('./scripts/embedded-postgres');
const { resolveDatabaseUrl } = require('./scripts/platform-env');
(async () => {
  const stopOld = await embedded.startEmbeddedPostgres((line) => console.log(line));
  const stopIt = embedded.stopEmbeddedPostgres ?? stopOld;
  process.on('SIGINT', () => stopIt().then(() => { console.log('stopped'); process.exit(0); }));
  const client = new Client({ connectionString: await resolveDatabaseUrl() });
  await client.connect();
  console.log('answered', (await client.query('SELECT 1 AS one')).rows[0].one);
  await client.end();
})();
`;

function spawnIn(cwd: string, dataDir: string, script: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['NODE_ENV', 'JEST_WORKER_ID', 'DATABASE_URL']) delete env[name];
  return detached(
    spawn(process.execPath, ['-r', './scripts/register.js', '-e', script], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

async function said(run: Run, pattern: RegExp): Promise<boolean> {
  return (await until(() => pattern.test(run.output()), { run })) ?? pattern.test(run.output());
}
