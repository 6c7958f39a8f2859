import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import pino from 'pino';
import IORedis from 'ioredis';
import { createTestDatabase, TEST_REDIS_URL } from '@onestop/test-support';
import { waitFor } from '@onestop/test-support';
import {
  BUS_MIGRATIONS,
  EventConsumer,
  EventQueues,
  OutboxRelay,
  QueueConnection,
  publish,
  type ServiceName,
} from '../src';

const SUBSCRIBERS: ServiceName[] = ['processing', 'delivery', 'statistics'];
const logger = pino({ level: 'silent' });

/** The outbox in `intake`, the inboxes and an `effect` table in each subscriber's schema. */
async function prepare(url: string): Promise<Record<ServiceName, DataSource>> {
  const sources = {} as Record<ServiceName, DataSource>;
  for (const schema of ['intake', ...SUBSCRIBERS] as ServiceName[]) {
    const admin = new DataSource({ type: 'postgres', url });
    await admin.initialize();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.destroy();
    const db = new DataSource({
      type: 'postgres',
      url,
      schema,
      migrations: BUS_MIGRATIONS,
      migrationsTableName: 'migrations',
      extra: { options: `-c search_path=${schema}`, max: 6 },
    });
    await db.initialize();
    await db.runMigrations();
    await db.query(`CREATE TABLE effect (event_id uuid NOT NULL)`);
    sources[schema] = db;
  }
  return sources;
}

async function publishEvents(db: DataSource, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    await db.transaction(async (manager) => {
      for (let i = start; i < Math.min(count, start + 100); i++) {
        const dossierId = randomUUID();
        ids.push(await publish(manager, 'DossierSubmitted', dossierId, { dossierId, code: `T-${i}` } as never));
      }
    });
  }
  return ids;
}

const effects = async (db: DataSource) =>
  (await db.query(`SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM effect`))[0] as {
    total: number;
    distinct: number;
  };

describe.each(['redis', 'postgres'] as const)('event bus on the %s backend', (backend) => {
  let drop: () => Promise<void>;
  let url: string;
  let dbs: Record<ServiceName, DataSource>;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const redisUrl = backend === 'redis' ? TEST_REDIS_URL : undefined;
  const toClose: Array<{ stop?(): Promise<void>; close?(): Promise<void> }> = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    dbs = await prepare(url);
  });
  afterEach(async () => {
    for (const c of toClose.splice(0).reverse()) await (c.stop ?? c.close)!.call(c);
    // Events a test left in a queue it had no consumer for must not reach the next test.
    const conn = new QueueConnection({ databaseUrl: url, redisUrl, prefix });
    await conn.waitUntilReady();
    const queues = new EventQueues(conn);
    for (const service of SUBSCRIBERS) await queues.of(service).obliterate({ force: true });
    await conn.close();
    for (const db of Object.values(dbs)) await db.query(`TRUNCATE effect, processed_event`).catch(() => undefined);
    await dbs.intake.query(`TRUNCATE outbox`);
  });
  afterAll(async () => {
    for (const db of Object.values(dbs ?? {})) await db.destroy();
    await drop?.();
    if (redisUrl) {
      const redis = new IORedis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  function connection() {
    const c = new QueueConnection({ databaseUrl: url, redisUrl, prefix });
    toClose.push(c);
    return c;
  }

  it('refuses to publish outside the transaction of a change', async () => {
    await expect(
      publish(dbs.intake.manager, 'SlaChanged', 'x', { dossierId: 'x', state: 'OVERDUE', at: '' }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('an event written with its change reaches every subscriber once, and a redelivery changes nothing', async () => {
    const conn = connection();
    await conn.waitUntilReady();
    const consumers = SUBSCRIBERS.map((service) => {
      const consumer = new EventConsumer({
        service,
        dataSource: dbs[service],
        connection: conn,
        logger,
        handlers: {
          DossierSubmitted: async ({ event, manager }) =>
            void (await manager.query(`INSERT INTO effect VALUES ($1)`, [event.id])),
        },
      });
      consumer.start();
      toClose.push(consumer);
      return consumer;
    });
    const relay = new OutboxRelay({
      source: 'intake',
      dataSource: dbs.intake,
      queues: new EventQueues(conn),
      logger,
      databaseUrl: url,
    });
    await relay.start();
    toClose.push(relay);

    const [id] = await publishEvents(dbs.intake, 1);
    for (const service of SUBSCRIBERS) {
      await waitFor(async () => (await effects(dbs[service])).total === 1, { what: `${service} to apply the event` });
    }
    // The relay marked the row; the log is kept for rebuilds.
    expect(await dbs.intake.query(`SELECT relayed_at IS NOT NULL AS relayed FROM outbox`)).toEqual([{ relayed: true }]);
    // A redelivery (a relay that crashed before marking its batch) is recognised and skipped.
    const [row] = await dbs.intake.query(`SELECT * FROM outbox`);
    const replayed = await consumers[0].apply({
      data: { id, type: 'DossierSubmitted', payload: row.payload } as never,
    });
    expect(replayed).toBe(false);
    expect(await effects(dbs.processing)).toEqual({ total: 1, distinct: 1 });
  });

  it('an event whose handler keeps failing stays visible as failed, and an operator can replay it', async () => {
    const conn = connection();
    await conn.waitUntilReady();
    let broken = true;
    const consumer = new EventConsumer({
      service: 'statistics',
      dataSource: dbs.statistics,
      connection: conn,
      logger,
      handlers: {
        DossierSubmitted: async ({ event, manager }) => {
          if (broken) throw new Error('read model unavailable');
          await manager.query(`INSERT INTO effect VALUES ($1)`, [event.id]);
        },
      },
    });
    consumer.start();
    toClose.push(consumer);
    const queues = new EventQueues(conn, { attempts: 2, backoff: { type: 'fixed', delay: 50 }, removeOnFail: false });
    const relay = new OutboxRelay({ source: 'intake', dataSource: dbs.intake, queues, logger, databaseUrl: url });
    await relay.start();
    toClose.push(relay);

    const [id] = await publishEvents(dbs.intake, 1);
    const failed = await waitFor(async () => (await queues.failed('statistics')).find((job) => job.id === id), {
      what: 'the event to fail',
    });
    expect(failed.failedReason).toMatch(/read model unavailable/);
    expect(await effects(dbs.statistics)).toEqual({ total: 0, distinct: 0 });

    broken = false;
    expect(await queues.replay('statistics', [id])).toBe(1);
    await waitFor(async () => (await effects(dbs.statistics)).total === 1, { what: 'the replayed event to apply' });
    expect(await queues.failed('statistics')).toHaveLength(0);
  });

  it('a run of events is applied together, and one that fails is split off to be retried and replayed on its own', async () => {
    const conn = connection();
    await conn.waitUntilReady();
    const retry = { attempts: 2, backoff: { type: 'fixed', delay: 50 }, removeOnFail: false };
    let broken = true;
    const consumer = new EventConsumer({
      service: 'delivery',
      dataSource: dbs.delivery,
      connection: conn,
      logger,
      retryJobOptions: retry,
      handlers: {
        DossierSubmitted: async ({ event, manager }) => {
          if (broken && (event.payload as { code: string }).code === 'T-2')
            throw new Error('courier directory unavailable');
          await manager.query(`INSERT INTO effect VALUES ($1)`, [event.id]);
        },
      },
    });
    consumer.start();
    toClose.push(consumer);
    const queues = new EventQueues(conn, retry);
    const ids = await publishEvents(dbs.intake, 5);
    const relay = new OutboxRelay({ source: 'intake', dataSource: dbs.intake, queues, logger, databaseUrl: url });
    await relay.start();
    toClose.push(relay);

    // One job carried all five; four were applied, the failing one became a job of its own.
    await waitFor(async () => (await effects(dbs.delivery)).total === 4, { what: 'the four good events' });
    const failed = await waitFor(async () => (await queues.failed('delivery')).find((job) => job.id === ids[2]), {
      what: 'the bad event to fail alone',
    });
    expect(failed.failedReason).toMatch(/courier directory unavailable/);

    broken = false;
    expect(await queues.replay('delivery', [ids[2]])).toBe(1);
    await waitFor(async () => (await effects(dbs.delivery)).total === 5, { what: 'the replayed event' });
    expect(await effects(dbs.delivery)).toEqual({ total: 5, distinct: 5 });
  });

  it('a run gathers the writes its handlers defer and makes them once before it commits; a failed run gathers nothing', async () => {
    const conn = connection();
    await conn.waitUntilReady();
    const gathered = new WeakMap<object, string[]>();
    const flushes: number[] = [];
    const insert = (manager: { query: (q: string, p: unknown[]) => Promise<unknown> }, ids: string[]) =>
      manager.query(`INSERT INTO effect SELECT unnest($1::uuid[])`, [ids]);
    let broken = false;
    const consumer = new EventConsumer({
      service: 'statistics',
      dataSource: dbs.statistics,
      connection: conn,
      logger,
      retryJobOptions: { attempts: 1, removeOnFail: false },
      runWrites: {
        open: (manager) => void gathered.set(manager, []),
        flush: async (manager) => {
          const ids = gathered.get(manager)!;
          flushes.push(ids.length);
          if (ids.length) await insert(manager, ids);
        },
      },
      handlers: {
        DossierSubmitted: async ({ event, manager }) => {
          const run = gathered.get(manager);
          if (run) run.push(event.id);
          else await insert(manager, [event.id]);
          if (broken && (event.payload as { code: string }).code === 'T-2') throw new Error('after gathering');
        },
      },
    });
    const queues = new EventQueues(conn);
    await publishEvents(dbs.intake, 5);
    const relay = new OutboxRelay({ source: 'intake', dataSource: dbs.intake, queues, logger, databaseUrl: url });
    await relay.start();
    toClose.push(relay);
    consumer.start();
    toClose.push(consumer);
    // the five published together were one run: one write of five
    await waitFor(async () => (await effects(dbs.statistics)).total === 5, { what: 'the first run' });
    expect(flushes).toEqual([5]);

    // A run that fails: its gathered writes go with its transaction; the good events are then written one by one.
    broken = true;
    const ids = await publishEvents(dbs.intake, 5);
    await waitFor(async () => (await effects(dbs.statistics)).total === 9, {
      what: 'the four good events of the second run',
    });
    await waitFor(async () => (await queues.failed('statistics')).some((job) => job.id === ids[2]), {
      what: 'the bad event to fail alone',
    });
    expect(await effects(dbs.statistics)).toEqual({ total: 9, distinct: 9 });
    expect(await dbs.statistics.query(`SELECT 1 FROM effect WHERE event_id = $1`, [ids[2]])).toEqual([]);
  });

  it('1,000 events in flight survive a relay and a consumer killed abruptly: every subscriber applies each exactly once', async () => {
    const children: ChildProcess[] = [];
    const script = join(__dirname, 'bus-node.ts');
    const spawnNode = async (...args: string[]) => {
      const child = fork(script, args, {
        execArgv: ['-r', join(__dirname, '..', '..', '..', 'scripts', 'register.js')],
        stdio: 'inherit',
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`bus node exited with ${code}`)));
      });
      return child;
    };
    const redisArg = redisUrl ?? '-';
    try {
      const ids = await publishEvents(dbs.intake, 1000);
      const consumers = {} as Record<ServiceName, ChildProcess>;
      for (const service of SUBSCRIBERS)
        consumers[service] = await spawnNode('consume', service, url, redisArg, prefix);
      let relay = await spawnNode('relay', url, redisArg, prefix);

      await waitFor(async () => (await effects(dbs.processing)).total >= 150, {
        what: 'work to be under way',
        timeoutMs: 60_000,
      });
      relay.kill('SIGKILL');
      consumers.processing.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      relay = await spawnNode('relay', url, redisArg, prefix);
      consumers.processing = await spawnNode('consume', 'processing', url, redisArg, prefix);

      for (const service of SUBSCRIBERS) {
        await waitFor(async () => (await effects(dbs[service])).distinct === ids.length, {
          what: `${service} to apply all events`,
          timeoutMs: 90_000,
          intervalMs: 250,
        });
        expect(await effects(dbs[service])).toEqual({ total: 1000, distinct: 1000 });
      }
      const [{ pending }] = await dbs.intake.query(
        `SELECT count(*)::int AS pending FROM outbox WHERE relayed_at IS NULL`,
      );
      expect(pending).toBe(0);
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(
        children.map((c) =>
          c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve(),
        ),
      );
    }
  }, 180_000);
});
