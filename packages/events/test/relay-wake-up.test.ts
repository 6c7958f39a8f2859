import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import pino from 'pino';
import { createTestDatabase } from '@onestop/test-support';
import { waitFor } from '@onestop/test-support';
import { BUS_MIGRATIONS, EventQueues, OutboxRelay, QueueConnection, publish } from '../src';

const logger = pino({ level: 'silent' });
/** The relay's safety poll, far beyond any wait below: only the outbox's NOTIFY can wake it in time. */
const POLL_MS = 30_000;
const BLOCKING_LOCK = 4242;

/**
 * Events committed while the relay is moving a batch announce themselves with a NOTIFY that arrives
 * mid-batch. The relay must relay them as soon as the batch is done, not at its next poll.
 */
describe('the outbox relay under light load (PostgreSQL queue backend)', () => {
  let drop: () => Promise<void>;
  let url: string;
  let db: DataSource;
  let blocker: DataSource;
  let connection: QueueConnection;
  let relay: OutboxRelay;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    const admin = new DataSource({ type: 'postgres', url });
    await admin.initialize();
    await admin.query(`CREATE SCHEMA intake`);
    await admin.destroy();
    db = new DataSource({
      type: 'postgres',
      url,
      schema: 'intake',
      migrations: BUS_MIGRATIONS,
      migrationsTableName: 'migrations',
      extra: { options: '-c search_path=intake', max: 4 },
    });
    await db.initialize();
    await db.runMigrations();
    // Holds a batch in flight on demand: marking rows relayed waits for an advisory lock the test holds.
    await db.query(`
      CREATE FUNCTION hold_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(${BLOCKING_LOCK}); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER hold_relay AFTER UPDATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION hold_relay()`);
    blocker = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
    await blocker.initialize();
    connection = new QueueConnection({ databaseUrl: url });
    await connection.waitUntilReady();
  });

  afterEach(async () => {
    await relay?.stop();
  });
  afterAll(async () => {
    await connection?.close();
    await blocker?.destroy();
    await db?.destroy();
    await drop?.();
  });

  const publishOne = () =>
    db.transaction((manager) => {
      const dossierId = randomUUID();
      return publish(manager, 'DossierSubmitted', dossierId, { dossierId, code: dossierId.slice(0, 8) } as never);
    });
  const startRelay = async () => {
    relay = new OutboxRelay({
      source: 'intake',
      dataSource: db,
      queues: new EventQueues(connection),
      logger,
      databaseUrl: url,
      idleMs: POLL_MS,
    });
    await relay.start();
  };
  const relayed = async (id: string) =>
    (await db.query(`SELECT relayed_at IS NOT NULL AS done FROM outbox WHERE id = $1`, [id]))[0]?.done === true;

  it('relays an event committed while a batch was in flight promptly, not at the next poll', async () => {
    await startRelay();
    // The relay is idle now: the first event wakes it at once.
    const first = await publishOne();
    await waitFor(() => relayed(first), { timeoutMs: 5_000, what: 'the first event (woken by its NOTIFY)' });

    // The next batch is held in flight (after it read its rows, before it marks them relayed)…
    const held = blocker.createQueryRunner();
    await held.connect();
    await held.query(`SELECT pg_advisory_lock(${BLOCKING_LOCK})`);
    try {
      const second = await publishOne();
      await waitFor(
        async () =>
          (
            await db.query(
              `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = ${BLOCKING_LOCK} AND NOT granted`,
            )
          ).length > 0,
        { timeoutMs: 5_000, what: 'the relay to be in the middle of the batch of the second event' },
      );
      // …while a third event commits: its NOTIFY arrives mid-batch.
      const third = await publishOne();
      await held.query(`SELECT pg_advisory_unlock(${BLOCKING_LOCK})`);
      await waitFor(() => relayed(second), { timeoutMs: 5_000, what: 'the held batch to finish' });
      const since = Date.now();
      await waitFor(() => relayed(third), {
        timeoutMs: 5_000,
        what: 'the event committed mid-batch to be relayed before the next poll',
      });
      expect(Date.now() - since).toBeLessThan(1_000);
    } finally {
      await held.release();
    }
  });

  it('listens again when its LISTEN connection is cut, and relays what was committed meanwhile', async () => {
    await startRelay();
    const listeners = () =>
      db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN "outbox_intake"'`,
      );
    const [listener] = await listeners();
    expect(listener).toBeDefined();
    await db.query(`SELECT pg_terminate_backend($1)`, [listener.pid]);
    const meanwhile = await publishOne();
    await waitFor(() => relayed(meanwhile), {
      timeoutMs: 5_000,
      what: 'the event committed while the listener was cut',
    });
    // Listening again: the next event is woken by its NOTIFY, not by the 30 s poll.
    await waitFor(async () => (await listeners()).length === 1, { timeoutMs: 5_000, what: 'a new listener' });
    const next = await publishOne();
    await waitFor(() => relayed(next), { timeoutMs: 5_000, what: 'the next event' });
  });

  it('gathers the events committed within a few milliseconds into one job per subscriber, a run', async () => {
    // What each subscriber is sent, job by job (the queue itself is not the point here).
    const sent: Array<{ subscriber: string; events: number }> = [];
    const queues = {
      of: (subscriber: string) => ({
        addBulk: async (jobs: Array<{ data: { events?: unknown[] } }>) => {
          for (const job of jobs) sent.push({ subscriber, events: job.data.events?.length ?? 1 });
          return [];
        },
      }),
    } as unknown as EventQueues;
    relay = new OutboxRelay({
      source: 'intake',
      dataSource: db,
      queues,
      logger,
      databaseUrl: url,
      idleMs: POLL_MS,
      gatherMs: 300,
    });
    await relay.start();
    // Five receptions' events, each its own transaction, committed one after the other well within the gathering.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await publishOne());
    await waitFor(async () => (await Promise.all(ids.map(relayed))).every(Boolean), {
      timeoutMs: 5_000,
      what: 'the five events',
    });
    const toProcessing = sent.filter((s) => s.subscriber === 'processing');
    expect(toProcessing.reduce((n, s) => n + s.events, 0)).toBe(5);
    // One run (a slow machine may split it once), never one job per event.
    expect(toProcessing.length).toBeLessThanOrEqual(2);
  });
});
