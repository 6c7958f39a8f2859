import type { DataSource } from 'typeorm';

/** One count that differs: what, where, and the two values. */
export interface ReconciliationDifference {
  check: string;
  centreId: string;
  owner: number;
  statistics: number;
}

/**
 * OPERATOR TOOL. The owners' own counts, per receiving centre, straight from their tables
 * (read-only): this is an audit across the service boundary, so it deliberately does not trust
 * the events; it is the one place outside a service that names another service's columns,
 * and it runs as an operator command, never inside a service.
 */
const OWNER_COUNTS: Array<{ check: string; owner: string; statistics: string }> = [
  {
    check: 'received (intake)',
    owner: `SELECT centre_id, count(*)::int AS n FROM intake.dossier WHERE received_at IS NOT NULL GROUP BY centre_id`,
    statistics: `SELECT centre_id, count(*)::int AS n FROM dossier_fact WHERE received_at IS NOT NULL GROUP BY centre_id`,
  },
  {
    check: 'resolved (processing)',
    owner: `SELECT receiving_centre_id AS centre_id, count(*)::int AS n FROM processing.dossier WHERE resolved_at IS NOT NULL GROUP BY 1`,
    statistics: `SELECT centre_id, count(*)::int AS n FROM dossier_fact WHERE resolved_at IS NOT NULL GROUP BY centre_id`,
  },
  {
    check: 'returned (delivery)',
    owner: `SELECT receiving_centre_id AS centre_id, count(*)::int AS n FROM delivery.delivery WHERE returned_at IS NOT NULL GROUP BY 1`,
    statistics: `SELECT centre_id, count(*)::int AS n FROM dossier_fact WHERE returned_at IS NOT NULL GROUP BY centre_id`,
  },
];

/** Statistics' own consistency: the counters (yearly buckets, by centre) against the facts they were counted from. */
const COUNTER_CHECKS: Array<{ check: string; counters: string; facts: string }> = [
  {
    check: 'received (counters vs facts)',
    counters: `SELECT centre_id, sum(received_online + received_offline)::int AS n FROM counter WHERE own AND dim = 'C' AND grain = 'Y' GROUP BY centre_id`,
    facts: `SELECT centre_id, count(*)::int AS n FROM dossier_fact WHERE received_at IS NOT NULL GROUP BY centre_id`,
  },
  {
    check: 'resolved (counters vs facts)',
    counters: `SELECT centre_id, sum(resolved_early + resolved_on_time + resolved_late)::int AS n FROM counter WHERE own AND dim = 'C' AND grain = 'Y' GROUP BY centre_id`,
    facts: `SELECT centre_id, count(*)::int AS n FROM dossier_fact WHERE resolved_at IS NOT NULL GROUP BY centre_id`,
  },
  {
    // the subtree scopes are sums kept by the handlers: they must equal their descendants' own counts
    check: 'received below (subtree counters vs their centres\' own)',
    counters: `SELECT centre_id, sum(received_online + received_offline)::int AS n FROM counter WHERE NOT own AND dim = 'C' AND grain = 'Y' GROUP BY centre_id`,
    facts: `WITH RECURSIVE pairs AS (
        SELECT id AS descendant, parent_id AS ancestor, 1 AS depth FROM centre_replica WHERE parent_id IS NOT NULL
        UNION ALL SELECT p.descendant, c.parent_id, p.depth + 1 FROM pairs p JOIN centre_replica c ON c.id = p.ancestor WHERE c.parent_id IS NOT NULL AND p.depth < 64)
      SELECT p.ancestor AS centre_id, sum(k.received_online + k.received_offline)::int AS n
        FROM pairs p JOIN counter k ON k.centre_id = p.descendant AND k.own AND k.dim = 'C' AND k.grain = 'Y' GROUP BY p.ancestor`,
  },
];

/**
 * Compares statistics' counts with the owning services' (dossiers intake received, processing
 * resolved, delivery returned, per receiving centre), and statistics' counters with its facts.
 * Every difference is returned; none is expected once the queues are drained.
 */
export async function reconcileStatistics(statisticsDb: DataSource): Promise<ReconciliationDifference[]> {
  const out: ReconciliationDifference[] = [];
  for (const { check, owner, statistics } of OWNER_COUNTS) out.push(...diff(check, await statisticsDb.query(owner), await statisticsDb.query(statistics)));
  for (const { check, counters, facts } of COUNTER_CHECKS) out.push(...diff(check, await statisticsDb.query(facts), await statisticsDb.query(counters)));
  return out;
}

function diff(check: string, owner: Array<{ centre_id: string; n: number }>, statistics: Array<{ centre_id: string; n: number }>): ReconciliationDifference[] {
  const centres = new Set([...owner, ...statistics].map((r) => r.centre_id));
  const byCentre = (rows: Array<{ centre_id: string; n: number }>) => new Map(rows.map((r) => [r.centre_id, r.n]));
  const o = byCentre(owner);
  const s = byCentre(statistics);
  return [...centres].sort()
    .map((centreId) => ({ check, centreId, owner: o.get(centreId) ?? 0, statistics: s.get(centreId) ?? 0 }))
    .filter((d) => d.owner !== d.statistics);
}
