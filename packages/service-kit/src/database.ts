import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Client } from 'pg';

export interface DatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema (rule 1: no service reads another's tables). */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** How long a session waits before PostgreSQL gives up on it; DEFAULT_SESSION_TIMEOUTS where omitted. */
  timeouts?: Partial<SessionTimeouts>;
  /** Told when code inside a transaction asks the pool for another connection (see guardSecondConnections). */
  onSecondConnection?: (err: SecondConnectionError) => void;
}

/**
 * Limits on every connection of a service, so that no request can hold a pool connection or a
 * row lock for ever: a lock not granted, a statement running, or a transaction left idle longer
 * than these fails instead of freezing the service behind it.
 */
export interface SessionTimeouts {
  lockMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

/** The defaults of DATABASE_LOCK_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS (service-config.ts; 0 turns one off). */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  lockMs: 10_000,
  statementMs: 120_000,
  idleInTransactionMs: 60_000,
};

/** Opens the service's DataSource on its own schema and runs its migrations (never `synchronize`). */
export async function openDatabase(opts: DatabaseOptions): Promise<DataSource> {
  await ensureSchema(opts.url, opts.schema);
  const timeouts = { ...DEFAULT_SESSION_TIMEOUTS, ...opts.timeouts };
  const dataSource = new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: opts.poolSize ?? 10,
      options: [
        `-c search_path=${opts.schema}`,
        `-c lock_timeout=${timeouts.lockMs}`,
        `-c statement_timeout=${timeouts.statementMs}`,
        `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
      ].join(' '),
    },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  if (opts.onSecondConnection) guardSecondConnections(dataSource, opts.onSecondConnection);
  return dataSource;
}

/** Code inside a transaction asked the pool for a connection of its own. */
export class SecondConnectionError extends Error {}

const insideTransaction = new AsyncLocalStorage<true>();

/** Work started from a transaction that it does not wait for (a cache's background refresh) may take its own connection. */
export const outsideTransaction = <T>(work: () => T): T => insideTransaction.exit(work);

/**
 * A transaction that holds a row lock and then waits for a second pool connection can freeze the
 * whole service: with as many requests waiting for that lock as the pool has connections, none is
 * ever free (issue 16). Every query inside `dataSource.transaction` must use its manager; this
 * tells `onViolation` (which may throw) whenever one asks the pool instead.
 */
export function guardSecondConnections(
  dataSource: DataSource,
  onViolation: (err: SecondConnectionError) => void,
): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((isolationOrRun: unknown, run?: unknown) => {
    const [isolation, work] =
      typeof isolationOrRun === 'function' ? [undefined, isolationOrRun] : [isolationOrRun, run];
    const guarded = (m: unknown) => insideTransaction.run(true, () => (work as (m: unknown) => Promise<unknown>)(m));
    return isolation ? transaction(isolation, guarded) : transaction(guarded);
  }) as typeof manager.transaction;
  const driver = dataSource.driver as PostgresDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    if (insideTransaction.getStore())
      onViolation(
        new SecondConnectionError(
          "A query inside a transaction used another pool connection; use the transaction's manager",
        ),
      );
    return obtain();
  };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // A service's own role may not create schemas (database-roles.ts): the owner made it already.
    if ((await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount) return;
    // Several services may start at once against a new database.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((err) => {
      if (err.code !== '23505' && err.code !== '42P06') throw err;
    });
  } finally {
    await client.end();
  }
}
