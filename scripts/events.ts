/**
 * Operator's tool for events that exhausted their retries (dead letters).
 *   npm run events -- failed [service]          lists them, per subscribing service
 *   npm run events -- replay <service> [id…]    puts them (or the named ones) back in line
 * Uses REDIS_URL or DATABASE_URL like the services do.
 */
import { EventQueues, QueueConnection, SERVICES, type ServiceName } from '@onestop/events';
import { resolveDatabaseUrl } from './platform-env';

async function main() {
  const [command, service, ...ids] = process.argv.slice(2);
  const connection = new QueueConnection({
    databaseUrl: await resolveDatabaseUrl(),
    redisUrl: process.env.REDIS_URL || undefined,
  });
  await connection.waitUntilReady();
  const queues = new EventQueues(connection);
  try {
    if (command === 'failed') {
      for (const name of service ? [service as ServiceName] : SERVICES) {
        const failed = await queues.failed(name, 0, -1);
        console.log(`${name}: ${failed.length} failed event(s)`);
        for (const job of failed) {
          console.log(`  ${job.id}  ${job.name}  attempts=${job.attemptsMade}  ${job.failedReason}`);
        }
      }
    } else if (command === 'replay' && service) {
      const count = await queues.replay(service as ServiceName, ids.length ? ids : undefined);
      console.log(`${service}: ${count} event(s) put back in line`);
    } else {
      console.log('usage: npm run events -- failed [service] | replay <service> [eventId…]');
      process.exitCode = 2;
    }
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
