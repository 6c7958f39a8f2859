import type { DataSource } from 'typeorm';

/** A count per receiving centre. */
export interface CentreCount {
  centre_id: string;
  n: number;
}

type Count = (db: DataSource) => Promise<CentreCount[]>;
const counting =
  (sql: string): Count =>
  (db) =>
    db.query(sql);

/**
 * OPERATOR TOOL. The owners' own counts, per receiving centre, straight from their tables
 * (read-only): this is an audit across the service boundary, so it deliberately does not trust
 * the events; it is the one place outside a service that names another service's columns,
 * and it runs as an operator command, never inside a service.
 */
const OWNER_SQL: Array<{ check: string; owner: string; statistics: string }> = [
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
const COUNTER_SQL: Array<{ check: string; counters: string; facts: string }> = [
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
    check: "received below (subtree counters vs their centres' own)",
    counters: `SELECT centre_id, sum(received_online + received_offline)::int AS n FROM counter WHERE NOT own AND dim = 'C' AND grain = 'Y' GROUP BY centre_id`,
    facts: `WITH RECURSIVE pairs AS (
        SELECT id AS descendant, parent_id AS ancestor, 1 AS depth FROM centre_replica WHERE parent_id IS NOT NULL
        UNION ALL SELECT p.descendant, c.parent_id, p.depth + 1 FROM pairs p JOIN centre_replica c ON c.id = p.ancestor WHERE c.parent_id IS NOT NULL AND p.depth < 64)
      SELECT p.ancestor AS centre_id, sum(k.received_online + k.received_offline)::int AS n
        FROM pairs p JOIN counter k ON k.centre_id = p.descendant AND k.own AND k.dim = 'C' AND k.grain = 'Y' GROUP BY p.ancestor`,
  },
];

/** The owners' counts and statistics' own, per check (reconcileStatistics compares them). */
export const OWNER_COUNTS: Array<{ check: string; owner: Count; statistics: Count }> = OWNER_SQL.map(
  ({ check, owner, statistics }) => ({ check, owner: counting(owner), statistics: counting(statistics) }),
);

/** Statistics' counters against its facts, per check. */
export const COUNTER_CHECKS: Array<{ check: string; counters: Count; facts: Count }> = COUNTER_SQL.map(
  ({ check, counters, facts }) => ({ check, counters: counting(counters), facts: counting(facts) }),
);
