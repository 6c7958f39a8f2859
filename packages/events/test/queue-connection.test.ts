import { createTestDatabase } from '@onestop/test-support';
import { waitFor } from '@onestop/test-support';
import { QueueConnection } from '../src';

describe('queue connection on the PostgreSQL backend', () => {
  let url: string;
  let drop: () => Promise<void>;
  let connection: QueueConnection | undefined;

  beforeAll(async () => ({ url, drop } = await createTestDatabase()));
  afterAll(async () => {
    await connection?.close();
    await drop?.();
  });

  it('a process with more workers than its pool size (QUEUE_POOL_SIZE) still adds and takes every job', async () => {
    // Each worker keeps a LISTEN connection from the pool: with one slot and three workers,
    // nothing could be added or taken any more unless the pool grows with the workers.
    connection = new QueueConnection({ databaseUrl: url, poolSize: 1 });
    await connection.waitUntilReady();
    const taken: string[] = [];
    const names = ['first', 'second', 'third'];
    for (const name of names) connection.worker(name, async (job) => void taken.push(`${name}:${job.name}`));
    for (const name of names) await connection.queue(name).add('job', {});
    await waitFor(async () => (taken.length === names.length ? taken : null), {
      what: 'every worker to take its job',
      timeoutMs: 20_000,
    });
    expect(taken.sort()).toEqual(['first:job', 'second:job', 'third:job']);
  });

  it('a lost connection that every queue and worker reports is heard once, not once per queue and retry', async () => {
    const heard: string[] = [];
    const shared = new QueueConnection({ databaseUrl: url, onError: (err) => void heard.push(err.message) });
    await shared.waitUntilReady();
    const parts: Array<{ emit(event: 'error', err: Error): boolean }> = ['first', 'second'].flatMap((name) => [
      shared.queue(name),
      shared.worker(name, async () => undefined, { autorun: false }),
    ]);
    // what BullMQ does when its connection drops: each part reports it, and again on each retry
    for (let retry = 0; retry < 3; retry++) for (const part of parts) part.emit('error', new Error('connection lost'));
    expect(heard).toEqual(['connection lost']);
    await shared.close();
  });
});
