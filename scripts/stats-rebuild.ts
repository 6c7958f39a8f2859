/**
 * npm run stats:rebuild [-- --schema statistics_rebuild]
 * Replays every service's outbox into a fresh statistics schema and prints how it differs from
 * the live read model (nothing, when all is well). Exit code 1 on any difference.
 * DATABASE_URL: the platform's database.
 */
import { rebuildStatistics } from '../services/statistics/src/commands/rebuild';
import { errorLine } from '@onestop/service-kit';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the platform database');
  const i = process.argv.indexOf('--schema');
  const started = Date.now();
  const result = await rebuildStatistics({ databaseUrl, schema: i > 0 ? process.argv[i + 1] : undefined });
  await result.dataSource.destroy();
  console.log(
    `replayed ${result.events} events into ${result.schema} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.unapplied.length)
    console.log(
      `${result.unapplied.length} events could not be applied (waiting for events that never came):`,
      result.unapplied.map((e) => `${e.type} ${e.aggregateId}`),
    );
  if (result.differences.length === 0) console.log('the rebuilt read model equals the live one');
  for (const d of result.differences)
    console.log(`${d.table}: ${d.onlyLive} rows only in the live model, ${d.onlyRebuilt} only in the rebuild`);
  process.exitCode = result.differences.length || result.unapplied.length ? 1 : 0;
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(2);
});
