/**
 * Backups of a running platform and their restore (README "Backups and restore"). What is kept:
 * PostgreSQL without BullMQ's schema, and the blob folder. The queues (Redis, or BullMQ's schema
 * on PostgreSQL) are not: every job is a copy of an outbox row, which the dump holds, and every
 * consumer records the events it applied in the same transaction as their effects, so the restore
 * sends again exactly the rows some subscriber has not recorded, and a repeat is a no-op.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVICE_NAMES, SUBSCRIPTIONS } from '@onestop/events';
import { QUEUE_SCHEMA, withClient } from '@onestop/service-kit';

const DUMP_FILE = 'database.dump';
const BLOBS = 'blobs';

/**
 * A `pg_dump` or `pg_restore` at least as new as the server (an older one refuses a newer
 * server): PG_BIN_DIR, Debian's /usr/lib/postgresql/<major>/bin, or the one on PATH.
 */
export async function postgresTool(
  tool: 'pg_dump' | 'pg_restore',
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const serverMajor = await withClient(databaseUrl, async (c) =>
    Math.floor(Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) / 10000),
  );
  const candidates: string[] = [];
  if (env.PG_BIN_DIR) candidates.push(join(env.PG_BIN_DIR, tool));
  if (existsSync('/usr/lib/postgresql')) {
    for (const major of readdirSync('/usr/lib/postgresql')
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a))) {
      candidates.push(join('/usr/lib/postgresql', major, 'bin', tool));
    }
  }
  candidates.push(tool);
  const seen: string[] = [];
  for (const candidate of candidates) {
    let version: string;
    try {
      version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
    } catch {
      continue;
    }
    const major = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1]);
    if (major >= serverMajor) return candidate;
    seen.push(`${candidate} (${major})`);
  }
  throw new Error(
    `No ${tool} of PostgreSQL ${serverMajor} or newer (found: ${seen.join(', ') || 'none'}); install postgresql-client-${serverMajor} or set PG_BIN_DIR`,
  );
}

export interface BackupResult {
  dir: string;
  dumpBytes: number;
  blobs: number;
}

/**
 * The database first, then the blobs: a blob is written before the row that names it commits and
 * never changes (content-addressed), so a copy made after the dump holds every blob it names.
 */
export async function backupPlatform(opts: {
  databaseUrl: string;
  dataDir: string;
  to: string;
}): Promise<BackupResult> {
  // Personal data: readable by the operator's account only.
  mkdirSync(opts.to, { recursive: true, mode: 0o700 });
  const dumpFile = join(opts.to, DUMP_FILE);
  writeFileSync(dumpFile, '', { mode: 0o600 });
  chmodSync(dumpFile, 0o600);
  // One consistent snapshot of every schema (pg_dump's single transaction), taken while the platform runs.
  execFileSync(
    await postgresTool('pg_dump', opts.databaseUrl),
    ['--format=custom', `--exclude-schema=${QUEUE_SCHEMA}`, `--file=${dumpFile}`, `--dbname=${opts.databaseUrl}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const blobs = join(opts.dataDir, BLOBS);
  // A `.tmp` is a put under way, renamed into place once whole: not a blob yet.
  if (existsSync(blobs))
    cpSync(blobs, join(opts.to, BLOBS), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
  writeFileSync(
    join(opts.to, 'backup.json'),
    JSON.stringify({ at: new Date().toISOString(), dump: DUMP_FILE, blobs: BLOBS }, null, 2),
  );
  return { dir: opts.to, dumpBytes: statSync(dumpFile).size, blobs: countFiles(join(opts.to, BLOBS)) };
}

export interface RestoreResult {
  databaseUrl: string;
  /** Outbox rows sent again because a subscriber had not recorded them when the dump was taken. */
  resent: number;
  blobs: number;
}

/**
 * Into a new database `database` on the server `adminUrl` reaches (a superuser: the dump's objects
 * become the next start's owner role's, database-roles.ts), and the blobs into `dataDir`.
 */
export async function restorePlatform(opts: {
  from: string;
  adminUrl: string;
  database: string;
  dataDir: string;
}): Promise<RestoreResult> {
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.database))
    throw new Error(`A database name of lower-case letters, digits and _ please, got ${opts.database}`);
  await withClient(opts.adminUrl, (c) => c.query(`CREATE DATABASE ${opts.database}`));
  const url = new URL(opts.adminUrl);
  url.pathname = `/${opts.database}`;
  const databaseUrl = url.toString();
  execFileSync(
    await postgresTool('pg_restore', databaseUrl),
    ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${databaseUrl}`, join(opts.from, DUMP_FILE)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const resent = await withClient(databaseUrl, resendUnrecorded);
  const blobs = join(opts.from, BLOBS);
  if (existsSync(blobs)) cpSync(blobs, join(opts.dataDir, BLOBS), { recursive: true, force: false });
  return { databaseUrl, resent, blobs: countFiles(blobs) };
}

/**
 * Jobs in flight when the dump was taken lived in the queues, which are not restored: every
 * relayed outbox row that one of its subscribers has not recorded is marked unrelayed, and the
 * relay sends it again when the platform starts (to every subscriber; those that have it skip it).
 */
export async function resendUnrecorded(c: Client): Promise<number> {
  let resent = 0;
  const present = async (table: string) =>
    (await c.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])).rows[0].present as boolean;
  for (const source of SERVICE_NAMES) {
    if (!(await present(`${source}.outbox`))) continue;
    for (const subscriber of SERVICE_NAMES) {
      if (!(await present(`${subscriber}.processed_event`))) continue;
      const types = Object.entries(SUBSCRIPTIONS as Record<string, readonly string[]>)
        .filter(([, subs]) => subs.includes(subscriber))
        .map(([type]) => type);
      if (!types.length) continue;
      const { rowCount } = await c.query(
        `UPDATE ${source}.outbox o SET relayed_at = NULL
          WHERE o.relayed_at IS NOT NULL AND o.type = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM ${subscriber}.processed_event p WHERE p.event_id = o.id)`,
        [types],
      );
      resent += rowCount ?? 0;
    }
  }
  return resent;
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return n;
}
