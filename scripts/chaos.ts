/**
 * `npm run chaos [-- --minutes 5] [--kill-every 6] [--drivers 6] [--backend redis|postgres] [--settle 240] [--appendfsync always|everysec]`
 *
 * Drives receptions and processing (submit, completeStep, decide, confirmPickup through the
 * gateway) while it kills service APIs, workers (outbox relay + event consumer) and the gateway
 * with SIGKILL, kills and restarts a redis-server of its own (AOF), and holds PostgreSQL
 * connections and locks; then lets everything recover and audits (scripts/lib/chaos.ts): every
 * dossier once in each service, every event applied by each subscriber, no history line, record
 * or notification twice, statistics' reconciliation at zero. Exit code 1 on any loss or duplicate.
 */
import { runChaos, type ChaosOptions } from './lib/chaos';
import { errorLine } from '@onestop/service-kit';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

async function main() {
  const options: ChaosOptions = {
    durationMs: Number(opt('minutes', '5')) * 60_000,
    killEveryMs: Number(opt('kill-every', '6')) * 1000,
    drivers: Number(opt('drivers', '6')),
    backend: opt('backend', 'redis') as 'redis' | 'postgres',
    settleMs: Number(opt('settle', '240')) * 1000,
    appendfsync: opt('appendfsync', 'always') as 'always' | 'everysec',
  };
  console.log(
    `[chaos] ${options.durationMs / 60_000} min, one disruption every ${options.killEveryMs / 1000} s, ${options.drivers} dossiers at a time, ${options.backend} queue backend`,
  );
  const verdict = await runChaos(options);
  console.log('\n[chaos] counts');
  for (const [what, n] of Object.entries(verdict.counts)) console.log(`  ${what.padEnd(28)} ${n}`);
  console.log(
    `\n[chaos] ${verdict.disruptions.length} disruptions; verdict: ${verdict.ok ? 'OK — nothing lost, nothing applied twice' : `FAILED — ${verdict.problems.length} problems`}`,
  );
  for (const p of verdict.problems) console.log(`  ✗ ${p}`);
  process.exit(verdict.ok ? 0 : 1);
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(2);
});
