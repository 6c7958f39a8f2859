/**
 * Import throughput with the full lifecycle: a generated province-year (the simulator's
 * generator, scripts/simulate.ts: reception, steps, supplementation, decision, return) imported
 * through the gateway by `importFile` of scripts/import.ts — both another part of issue 8 —
 * via the simulator's runSimulation. Either missing: n/a.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchedPlatform } from '../lib/platform-processes';

export interface ImportFigures {
  dossiers?: number;
  rejected?: number;
  seconds?: number;
  perSecond?: number;
  /** After the import's last answer, until statistics' report equalled the generated truth. */
  catchUpSeconds?: number;
  note?: string;
}

export async function benchImport(
  platform: LaunchedPlatform,
  dossiers: number,
  log: (line: string) => void,
): Promise<ImportFigures> {
  if (dossiers <= 0) return { note: 'skipped (--import-dossiers 0)' };
  const root = join(__dirname, '..');
  if (!existsSync(join(root, 'import.ts'))) return { note: 'scripts/import.ts not there yet' };
  if (!existsSync(join(root, 'simulate.ts'))) return { note: 'no generator yet (scripts/simulate.ts)' };
  const simulator = require('../simulate') as Partial<typeof import('../simulate')>;
  if (typeof simulator.runSimulation !== 'function' || typeof simulator.optionsFrom !== 'function')
    return { note: 'runSimulation not exported yet' };
  try {
    const token = await platform.token({ role: 'ADMIN', centre: 'BENCHSIM' });
    log(
      `import: a generated province-year of ${dossiers.toLocaleString('en')} dossiers through importFile (the simulator's generator)`,
    );
    const options = simulator.optionsFrom(
      new Map([
        ['size', String(dossiers)],
        ['seed', '77'],
        ['centres', 'BENCHSIM,BENCHSIM.X01,BENCHSIM.X02'],
      ]),
    );
    const rootAdminToken = await platform.token({ role: 'ADMIN', centre: 'BENCH' }); // the bench's province, a root already there
    const run = await simulator.runSimulation({
      ...options,
      gatewayUrl: platform.gatewayUrl,
      token,
      rootAdminToken,
      log: () => undefined,
      catchUpTimeoutMs: 180_000,
    });
    const { summary } = run;
    log(
      `  ${summary.imported} imported in ${summary.seconds.toFixed(1)} s (${summary.dossiersPerSecond.toFixed(0)}/s), ${summary.rejected.length} rejected; statistics caught up ${run.catchUpSeconds.toFixed(1)} s later; report ${run.differences.length ? 'DIFFERS from' : 'equals'} the ground truth`,
    );
    return {
      dossiers: summary.imported,
      rejected: summary.rejected.length,
      seconds: summary.seconds,
      perSecond: summary.dossiersPerSecond,
      catchUpSeconds: run.catchUpSeconds,
      note: `statistics caught up ${run.catchUpSeconds.toFixed(0)} s after; report ${run.differences.length ? 'differs from' : 'equals'} the truth`,
    };
  } catch (err) {
    return { note: `failed: ${(err as Error).message}` };
  }
}
