import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  BUS_MIGRATIONS,
  OutboxEvent,
  ProcessedEvent,
  SERVICE_NAMES,
  migrateQueueSchema,
  type ServiceName,
} from '@onestop/events';
import type { ServiceDefinition } from './service';

/**
 * Least privilege in PostgreSQL (README "Database roles"). One owner role owns every schema and
 * runs the migrations; each service logs in as a role of its own that may read and write its own
 * schema's rows and nothing else: it owns no table, so it can neither alter, disable a trigger of,
 * truncate nor drop one; the append-only tables (a trigger function named `*_append_only` guards
 * them) and the migrations ledger it may only read, the append-only ones also insert into.
 * BullMQ's schema (the PostgreSQL queue backend) is the bus role's, shared by every service and the
 * gateway's queue dashboard: a job is a copy of an outbox row, which stays the truth.
 */

/** Who may log in, per database: names derived from the database's, so platforms sharing one server never share a role. */
export interface PlatformRoleNames {
  owner: string;
  /** NOLOGIN: BullMQ's schema, held by every service role and the gateway's. */
  bus: string;
  gateway: string;
  services: Record<ServiceName, string>;
}

export interface PlatformDatabaseUrls {
  /** The owner's: migrations and operator tools (stats:reconcile, backups). */
  ownerUrl: string;
  gatewayUrl: string;
  services: Record<ServiceName, string>;
  roles: PlatformRoleNames;
}

export type RolePasswords = Partial<Record<ServiceName | 'owner' | 'gateway', string>>;

export const QUEUE_SCHEMA = 'bullmq';

export function platformRoleNames(database: string): PlatformRoleNames {
  const base = database
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 48);
  return {
    owner: `${base}_owner`,
    bus: `${base}_bus`,
    gateway: `${base}_gateway`,
    services: Object.fromEntries(SERVICE_NAMES.map((s) => [s, `${base}_${s}`])) as Record<ServiceName, string>,
  };
}

/** `<SERVICE>_DATABASE_PASSWORD`, `DATABASE_OWNER_PASSWORD`, `GATEWAY_DATABASE_PASSWORD`; the missing ones are generated. */
export function rolePasswordsFromEnv(env: NodeJS.ProcessEnv): RolePasswords {
  const passwords: RolePasswords = {};
  for (const s of SERVICE_NAMES)
    if (env[`${s.toUpperCase()}_DATABASE_PASSWORD`]) passwords[s] = env[`${s.toUpperCase()}_DATABASE_PASSWORD`];
  if (env.DATABASE_OWNER_PASSWORD) passwords.owner = env.DATABASE_OWNER_PASSWORD;
  if (env.GATEWAY_DATABASE_PASSWORD) passwords.gateway = env.GATEWAY_DATABASE_PASSWORD;
  return passwords;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** One connection for a few statements (role setup, operator tools), always closed. */
export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Connected as a superuser (or a role with CREATEROLE that may grant the database): creates or
 * updates the platform's roles, gives the owner every schema and whatever a former single-role
 * installation left in them, runs every migration as the owner and grants each service role its
 * share. Idempotent; passwords not given are generated anew on each call (the caller hands the
 * returned URLs to the processes it starts).
 */
export async function preparePlatformDatabase(
  adminUrl: string,
  definitions: ServiceDefinition<any>[],
  opts: { passwords?: RolePasswords; queueOnPostgres?: boolean } = {},
): Promise<PlatformDatabaseUrls> {
  const database = await withClient(
    adminUrl,
    async (c) => (await c.query('SELECT current_database() AS db')).rows[0].db as string,
  );
  const roles = platformRoleNames(database);
  const password = (who: keyof RolePasswords) => opts.passwords?.[who] ?? randomBytes(18).toString('base64url');
  const passwords = {
    owner: password('owner'),
    gateway: password('gateway'),
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [s, password(s)])),
  } as Record<ServiceName | 'owner' | 'gateway', string>;

  await withClient(adminUrl, async (c) => {
    // Several platforms may prepare one database at once (roles are the cluster's, the lock is the database's).
    await c.query('BEGIN');
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('onestop platform roles'))`);
    const login = async (role: string, pw: string) => {
      const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
      await c.query(
        `${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal(pw)}`,
      );
    };
    await login(roles.owner, passwords.owner);
    await login(roles.gateway, passwords.gateway);
    for (const s of SERVICE_NAMES) await login(roles.services[s], passwords[s]);
    if (!(await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [roles.bus])).rowCount)
      await c.query(`CREATE ROLE ${ident(roles.bus)} NOLOGIN`);
    const runtime = [roles.gateway, ...SERVICE_NAMES.map((s) => roles.services[s])];
    for (const r of runtime) await c.query(`GRANT ${ident(roles.bus)} TO ${ident(r)}`);
    await c.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${[roles.owner, ...runtime].map(ident).join(', ')}`,
    );
    await c.query(`GRANT CREATE ON DATABASE ${ident(database)} TO ${ident(roles.owner)}`);
    // PostgreSQL before 15 lets everyone create in `public`.
    await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    for (const schema of [...SERVICE_NAMES, QUEUE_SCHEMA]) {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${ident(roles.owner)}`);
      await giveToOwner(c, schema, roles.owner);
    }
    // A job id's sequence is created on a queue's first job by whichever service adds it: every other may use it.
    for (const r of runtime)
      await c.query(
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(r)} IN SCHEMA ${QUEUE_SCHEMA} GRANT ALL ON SEQUENCES TO ${ident(roles.bus)}`,
      );
    await c.query('COMMIT');
  });

  const ownerUrl = urlAs(adminUrl, roles.owner, passwords.owner);
  // Each in a schema of its own: at once (a restart of the platform waits for them).
  await Promise.all([
    (async () => {
      if (opts.queueOnPostgres ?? true) await migrateQueueSchema(ownerUrl);
      await withClient(ownerUrl, (c) => grantQueueSchema(c, roles.bus));
    })(),
    ...definitions.map((def) => migrateService(def, ownerUrl, roles.services[def.name])),
  ]);
  return {
    ownerUrl,
    gatewayUrl: urlAs(adminUrl, roles.gateway, passwords.gateway),
    services: Object.fromEntries(
      SERVICE_NAMES.map((s) => [s, urlAs(adminUrl, roles.services[s], passwords[s])]),
    ) as Record<ServiceName, string>,
    roles,
  };
}

/** A database made before the roles: its objects pass to the owner (the migrations alter them). */
async function giveToOwner(c: Client, schema: string, owner: string): Promise<void> {
  await c.query(`ALTER SCHEMA ${ident(schema)} OWNER TO ${ident(owner)}`);
  const relations = await c.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_get_userbyid(c.relowner) <> $2
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.classid = 'pg_class'::regclass AND c.relkind = 'S')`,
    [schema, owner],
  );
  for (const { relname } of relations.rows)
    await c.query(`ALTER TABLE ${ident(schema)}.${ident(relname)} OWNER TO ${ident(owner)}`);
  const routines = await c.query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [schema, owner],
  );
  for (const { signature } of routines.rows) await c.query(`ALTER ROUTINE ${signature} OWNER TO ${ident(owner)}`);
  const types = await c.query(
    `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> $2`,
    [schema, owner],
  );
  for (const { typname } of types.rows)
    await c.query(`ALTER TYPE ${ident(schema)}.${ident(typname)} OWNER TO ${ident(owner)}`);
}

/** The service's migrations as the owner, then its role's grants. */
export async function migrateService(def: ServiceDefinition<any>, ownerUrl: string, role: string): Promise<void> {
  const db = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    schema: def.name,
    entities: [OutboxEvent, ProcessedEvent, ...(def.entities as Function[])],
    migrations: [...BUS_MIGRATIONS, ...def.migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 1, options: `-c search_path=${def.name}` },
  });
  await db.initialize();
  try {
    await db.runMigrations();
  } finally {
    await db.destroy();
  }
  await withClient(ownerUrl, (c) => grantServiceRole(c, def.name, role));
}

/** Tables whose rows may be added and never changed: a trigger function named `*_append_only` guards them. */
export async function appendOnlyTables(c: Pick<Client, 'query'>, schema: string): Promise<string[]> {
  const { rows } = await c.query(
    `SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = $1 AND NOT t.tgisinternal AND p.proname LIKE '%\\_append\\_only' ORDER BY 1`,
    [schema],
  );
  return rows.map((r: { relname: string }) => r.relname);
}

/**
 * What a service's role may do in its schema, set in one transaction (a running service never
 * sees a moment without its grants): rows of every table; only SELECT and INSERT on the
 * append-only ones and on processed events; the outbox's `relayed_at` is the one column the relay
 * updates; the migrations ledger is read-only.
 */
export async function grantServiceRole(c: Client, schema: string, role: string): Promise<void> {
  const s = ident(schema);
  const r = ident(role);
  const appendOnly = new Set([...(await appendOnlyTables(c, schema)), 'processed_event']);
  const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [schema])).rows.map(
    (t: { tablename: string }) => t.tablename as string,
  );
  await c.query('BEGIN');
  try {
    await c.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
    await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`);
    for (const table of tables) {
      const t = `${s}.${ident(table)}`;
      if (table === 'migrations') await c.query(`GRANT SELECT ON ${t} TO ${r}`);
      else if (table === 'outbox') await c.query(`GRANT SELECT, INSERT, UPDATE (relayed_at) ON ${t} TO ${r}`);
      else if (appendOnly.has(table)) await c.query(`GRANT SELECT, INSERT ON ${t} TO ${r}`);
      else await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${r}`);
    }
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

/** BullMQ's tables are the bus role's to use (not to alter: the owner ran its migrations). */
async function grantQueueSchema(c: Client, bus: string): Promise<void> {
  const b = ident(bus);
  await c.query(`GRANT USAGE, CREATE ON SCHEMA ${QUEUE_SCHEMA} TO ${b}`);
  await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${b}`);
  await c.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${b}`);
}

/** After its database is dropped (its grants went with it): the roles named after it. */
export async function dropPlatformRoles(c: Pick<Client, 'query'>, database: string): Promise<void> {
  const { rows } = await c.query(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolcanlogin DESC`, [
    (({ owner, bus, gateway, services }) => [owner, bus, gateway, ...Object.values(services)])(
      platformRoleNames(database),
    ),
  ]);
  for (const { rolname } of rows) await c.query(`DROP ROLE IF EXISTS ${ident(rolname)}`);
}
