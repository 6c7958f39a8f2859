import type { DataSource } from 'typeorm';
import { COUNTER_CHECKS, OWNER_COUNTS, type CentreCount } from '../persistence/reconciliation';

/** One count that differs: what, where, and the two values. */
export interface ReconciliationDifference {
  check: string;
  centreId: string;
  owner: number;
  statistics: number;
}

/**
 * Compares statistics' counts with the owning services' (dossiers intake received, processing
 * resolved, delivery returned, per receiving centre), and statistics' counters with its facts.
 * Every difference is returned; none is expected once the queues are drained.
 */
export async function reconcileStatistics(statisticsDb: DataSource): Promise<ReconciliationDifference[]> {
  const out: ReconciliationDifference[] = [];
  for (const { check, owner, statistics } of OWNER_COUNTS)
    out.push(...diff(check, await owner(statisticsDb), await statistics(statisticsDb)));
  for (const { check, counters, facts } of COUNTER_CHECKS)
    out.push(...diff(check, await facts(statisticsDb), await counters(statisticsDb)));
  return out;
}

function diff(check: string, owner: CentreCount[], statistics: CentreCount[]): ReconciliationDifference[] {
  const centres = new Set([...owner, ...statistics].map((r) => r.centre_id));
  const byCentre = (rows: CentreCount[]) => new Map(rows.map((r) => [r.centre_id, r.n]));
  const o = byCentre(owner);
  const s = byCentre(statistics);
  return [...centres]
    .sort()
    .map((centreId) => ({ check, centreId, owner: o.get(centreId) ?? 0, statistics: s.get(centreId) ?? 0 }))
    .filter((d) => d.owner !== d.statistics);
}
