/**
 * npm run stats:reconcile
 * Compares statistics' counts per receiving centre with intake's (received), processing's
 * (resolved) and delivery's (returned), and statistics' counters with its facts; prints every
 * difference. Exit code 1 when there is any. DATABASE_URL: the platform's database.
 */
import { DataSource } from 'typeorm';
import { reconcileStatistics } from '../services/statistics/src/commands/reconcile';
import { errorLine } from '@onestop/service-kit';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the platform database');
  const db = new DataSource({ type: 'postgres', url, extra: { max: 1, options: '-c search_path=statistics' } });
  await db.initialize();
  try {
    const differences = await reconcileStatistics(db);
    if (differences.length === 0) console.log('statistics agree with intake, processing and delivery: 0 differences');
    else console.table(differences);
    process.exitCode = differences.length ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(2);
});
