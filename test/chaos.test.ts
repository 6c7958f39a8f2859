/**
 * The chaos run, small (scripts/lib/chaos.ts; `npm run chaos` is the long one): about a minute
 * of receptions and processing through the gateway while service APIs, workers (relay and
 * consumer) and the gateway are killed with SIGKILL, the run's own redis-server is killed and
 * restarted, and PostgreSQL connections and locks are held; then recovery and the audit.
 * Redis backend when a redis-server binary exists (its own, on a free port), else PostgreSQL's.
 */
import { execFileSync } from 'node:child_process';
import { runChaos, type ChaosVerdict } from '../scripts/lib/chaos';

function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

jest.setTimeout(600_000);

describe('chaos: processes killed, Redis restarted, connections held', () => {
  let verdict: ChaosVerdict;
  const lines: string[] = [];

  beforeAll(async () => {
    verdict = await runChaos({
      durationMs: 60_000,
      killEveryMs: 7_000,
      drivers: 3,
      backend: hasRedisServer() ? 'redis' : 'postgres',
      settleMs: 240_000,
      log: (line) => lines.push(line),
    });
  });

  it('disrupted the platform while it worked: kills, a Redis restart, held connections', () => {
    const what = verdict.disruptions.map((d) => d.what).join('\n');
    expect(what).toMatch(/-worker killed \(SIGKILL/);
    expect(what).toMatch(/-api killed \(SIGKILL/);
    expect(what).toMatch(/connections held/);
    expect(verdict.counts['dossiers answered']).toBeGreaterThan(5);
    expect(verdict.counts['dossiers returned']).toBeGreaterThan(0);
  });

  it('lost nothing and applied nothing twice: dossiers, events, records, notifications, statistics', () => {
    if (!verdict.ok) console.log([...lines, ...verdict.problems].join('\n'));
    expect(verdict.problems).toEqual([]);
    expect(verdict.counts['events missing']).toBe(0);
    expect(verdict.counts['reconciliation differences']).toBe(0);
    expect(verdict.counts['dossiers in intake']).toBeGreaterThanOrEqual(verdict.counts['dossiers answered']);
  });
});
