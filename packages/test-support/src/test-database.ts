import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import IORedis from 'ioredis';

/** The PostgreSQL that tests may use: the machine's by default, or whatever .ci/run started. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A database of its own for one test file, dropped afterwards, so test files never see each other. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `onestop_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        // The platform's roles for this database (database-roles.ts names them after it), whose grants went with it.
        const roles = await c.query(
          `SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY rolcanlogin DESC`,
          [`${name}_`],
        );
        for (const { rolname } of roles.rows) await c.query(`DROP ROLE IF EXISTS "${rolname}"`);
      }),
  };
}

async function admin(fn: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** Removes the keys a run left under its own prefix in a shared Redis. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
