/**
 * The chaos run, small (scripts/lib/chaos.ts; `npm run chaos` is the long one): about a minute
 * of receptions and processing through the gateway while service APIs, workers (relay and
 * consumer) and the gateway are killed with SIGKILL, the run's own redis-server is killed and
 * restarted, and PostgreSQL connections and locks are held; then recovery and the audit.
 * Redis backend when a redis-server binary exists (its own, on a free port), else PostgreSQL's.
 * It asserts what must hold whatever the machine's load (no loss, no duplicate, out to the receivers
 * too), with sizes a loaded 2-core machine reaches.
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
    // Sizes any loaded machine reaches (under the full suite on 2 cores a minute gave 3 answered
    // dossiers): what this test is for is below — nothing lost, nothing twice — not throughput.
    expect(verdict.counts['dossiers answered']).toBeGreaterThan(0);
    expect(verdict.counts['mail accepted'] + verdict.counts['sms accepted']).toBeGreaterThan(0);
  });

  it('lost nothing and applied nothing twice: dossiers, events, records, notifications, statistics', () => {
    if (!verdict.ok) console.log([...lines, ...verdict.problems].join('\n'));
    expect(verdict.problems).toEqual([]);
    expect(verdict.counts['events missing']).toBe(0);
    expect(verdict.counts['reconciliation differences']).toBe(0);
    expect(verdict.counts['dossiers in intake']).toBeGreaterThanOrEqual(verdict.counts['dossiers answered']);
    // What went out: each SENT notification accepted by its receiver once (a repeat after a worker's kill is dropped by key).
    expect(verdict.problems.filter((p) => /sent twice|never accepted|no (SMS|EMAIL) notification/.test(p))).toEqual([]);
  });
});
