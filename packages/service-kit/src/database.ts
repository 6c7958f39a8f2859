import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { Client } from 'pg';

export interface DatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema (rule 1: no service reads another's tables). */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** Opens the service's DataSource on its own schema and runs its migrations (never `synchronize`). */
export async function openDatabase(opts: DatabaseOptions): Promise<DataSource> {
  await ensureSchema(opts.url, opts.schema);
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
    extra: { max: opts.poolSize ?? Number(process.env.DATABASE_POOL_SIZE || 10), options: `-c search_path=${opts.schema}` },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Several services may start at once against a new database.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((err) => {
      if (err.code !== '23505' && err.code !== '42P06') throw err;
    });
  } finally {
    await client.end();
  }
}
