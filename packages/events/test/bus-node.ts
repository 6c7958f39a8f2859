/**
 * A relay or a consumer in a process of its own, so that the crash test can kill it with SIGKILL.
 *   bus-node relay <databaseUrl> <redisUrl|-> <prefix>
 *   bus-node consume <service> <databaseUrl> <redisUrl|-> <prefix>
 * The consumer's effect is one row in `<service>.effect` per application: duplicates would show.
 */
import { DataSource } from 'typeorm';
import pino from 'pino';
import { EventConsumer, EventQueues, OutboxRelay, QueueConnection, type ServiceName } from '../src';

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const logger = pino({ level: 'warn' });
  if (mode === 'relay') {
    const [databaseUrl, redisUrl, prefix] = args;
    const db = await open(databaseUrl, 'intake');
    const connection = new QueueConnection({ databaseUrl, redisUrl: redisUrl === '-' ? undefined : redisUrl, prefix });
    await connection.waitUntilReady();
    await new OutboxRelay({
      source: 'intake',
      dataSource: db,
      queues: new EventQueues(connection),
      logger,
      databaseUrl,
      batchSize: 50,
    }).start();
  } else {
    const [service, databaseUrl, redisUrl, prefix] = args as [ServiceName, string, string, string];
    const db = await open(databaseUrl, service);
    const connection = new QueueConnection({ databaseUrl, redisUrl: redisUrl === '-' ? undefined : redisUrl, prefix });
    await connection.waitUntilReady();
    const consumer = new EventConsumer({
      service,
      dataSource: db,
      connection,
      logger,
      concurrency: 4,
      lockDurationMs: 3000,
      handlers: {
        DossierSubmitted: async ({ event, manager }) => {
          await manager.query(`INSERT INTO effect (event_id) VALUES ($1)`, [event.id]);
          await new Promise((r) => setTimeout(r, Math.random() * 4));
        },
      },
    });
    consumer.start();
  }
  process.send?.('ready');
}

function open(url: string, schema: string) {
  return new DataSource({
    type: 'postgres',
    url,
    schema,
    extra: { options: `-c search_path=${schema}`, max: 6 },
  }).initialize();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
