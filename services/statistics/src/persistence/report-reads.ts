import type { EntityManager, DataSource } from 'typeorm';
import { CentreDirectory } from '@onestop/service-kit';
import { addDays, bucketTerms, dayOf, minDay, monthsOf } from '../domain/days';
import { figuresBetween, isEmpty, sumFigures, sumMonths, type Figures } from '../domain/figures';
import { MEASURE_COLUMNS, MEASURES, zeroMeasures, type Measures } from '../domain/measures';
import type { Dimension } from './counters';

export type GroupBy = 'CENTRE' | 'LEVEL' | 'PROCEDURE' | 'SECTOR' | 'CHANNEL' | 'MONTH';
export const GROUP_BYS: readonly GroupBy[] = ['CENTRE', 'LEVEL', 'PROCEDURE', 'SECTOR', 'CHANNEL', 'MONTH'];

export interface ReportQuery {
  /** First and last day of the period, inclusive, local dates. */
  from: string;
  to: string;
  /** The centre reported on, alone or with every centre below it. */
  centreId?: string;
  includeDescendants?: boolean;
  /** Or: a list of centres, each counted alone (their own dossiers), added up. */
  centreIds?: string[];
  groupBy: GroupBy;
  /** "Now": stocks of a period that has not ended yet are taken at the end of today. */
  now: Date;
}

export interface ReportRow extends Figures {
  key: string;
  label: string;
}

export interface Report {
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: ReportRow[];
  total: ReportRow;
}

type Db = DataSource | EntityManager;

/** One collator for the sort (localeCompare(…, 'vi') builds one per comparison: seconds for a nation's centres). */
const VI = new Intl.Collator('vi');

/** Which kind of counter row a grouping reads, and which of its columns is the group. */
const GROUPING: Record<GroupBy, { dim: Dimension; group: string }> = {
  CENTRE: { dim: 'C', group: 'centre_id::text' },
  LEVEL: { dim: 'C', group: 'sub' },
  CHANNEL: { dim: 'C', group: 'value' },
  PROCEDURE: { dim: 'P', group: 'value' },
  SECTOR: { dim: 'S', group: 'value' },
  MONTH: { dim: 'C', group: "''" },
};

/** The counter rows a report reads: some centres' own scope, and maybe the "below" scope of one. */
interface Scopes {
  own: string[];
  below: string[];
}

async function scopesOf(db: Db, q: ReportQuery): Promise<Scopes> {
  if (!q.centreId) return { own: q.centreIds ?? [], below: [] };
  if (!q.includeDescendants) return { own: [q.centreId], below: [] };
  // grouped by centre, one level of drill-down: the centre's own dossiers, and each child with all below it
  // (a nation's 34 province rows, not its 3,435 centres); otherwise one centre's two scopes
  if (q.groupBy === 'CENTRE') {
    const children = await new CentreDirectory(db, 'centre_replica').childIds(q.centreId);
    return { own: [q.centreId, ...children], below: children };
  }
  return { own: [q.centreId], below: [q.centreId] };
}

/**
 * Form II.06a from the counters only. Every figure is a difference of two prefix sums (flows) or
 * one prefix sum (stocks); bucketTerms turns them into a few bucket ranges per scope (the shorter
 * way round each month and year, common buckets cancelled), so a report reads at most a few dozen
 * rows per group whatever the history's length and the subtree's size. No dossier fact is read.
 */
export async function buildReport(db: Db, q: ReportQuery): Promise<Report> {
  const tomorrow = addDays(dayOf(q.now), 1);
  const end = minDay(addDays(q.to, 1), tomorrow);
  const start = minDay(q.from, end);
  const scopes = await scopesOf(db, q);
  if (q.groupBy === 'MONTH') return monthReport(db, q, scopes, tomorrow);

  const [atStart, between] = await prefixSums(db, GROUPING[q.groupBy], scopes, [start, end]);
  const keys = new Set([...atStart.keys(), ...between.keys()]);
  const labels = await labelsOf(db, q.groupBy, [...keys]);
  const rows = [...keys]
    .map((value) => {
      const s = atStart.get(value) ?? zeroMeasures();
      return { value, ...figuresBetween(s, addAll(s, between.get(value) ?? zeroMeasures())) };
    })
    .filter((f) => !isEmpty(f))
    .map(({ value, ...f }) => ({
      key: labels.get(value)?.key ?? value,
      label: labels.get(value)?.label ?? value,
      ...f,
    }))
    .sort((a, b) => VI.compare(a.key, b.key));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows,
    total: { key: 'TOTAL', label: 'Tổng cộng', ...sumFigures(rows) },
  };
}

/** One row per month of the period, each month its own period (its carried-over and in-progress stocks). */
async function monthReport(db: Db, q: ReportQuery, scopes: Scopes, tomorrow: string): Promise<Report> {
  const months = monthsOf(q.from, q.to).map((m) => ({
    ...m,
    start: minDay(m.start, tomorrow),
    end: minDay(m.end, tomorrow),
  }));
  const boundaries = [...months.map((m) => m.start), months[months.length - 1].end];
  const outputs = (await prefixSums(db, GROUPING.MONTH, scopes, boundaries)).map(
    (byValue) => byValue.get('') ?? zeroMeasures(),
  );
  // output 0 is the sum before the first boundary, output i what happened between boundaries i-1 and i
  const atBoundary: Measures[] = [];
  outputs.forEach((m, i) => atBoundary.push(i === 0 ? m : addAll(atBoundary[i - 1], m)));
  const rows = months.map((m, i) => ({
    key: m.key,
    label: `${m.key.slice(5, 7)}/${m.key.slice(0, 4)}`,
    ...figuresBetween(atBoundary[i], atBoundary[i + 1]),
  }));
  return {
    from: q.from,
    to: q.to,
    groupBy: 'MONTH',
    rows,
    total: { key: 'TOTAL', label: 'Tổng cộng', ...sumMonths(rows) },
  };
}

function addAll(a: Measures, b: Measures): Measures {
  const out = { ...a };
  for (const k of MEASURES) out[k] = a[k] + b[k];
  return out;
}

/**
 * Per group: output 0 the measures counted before boundaries[0], output i those counted between
 * boundaries[i-1] and boundaries[i]. One index range scan per bucket range and scope, with
 * constant bounds (a join on a VALUES list of ranges lets the planner scan the whole table).
 */
export async function prefixSums(
  db: Db,
  grouping: { dim: Dimension; group: string },
  scopes: Scopes,
  boundaries: string[],
): Promise<Array<Map<string, Measures>>> {
  const cols = MEASURES.map((k) => MEASURE_COLUMNS[k]);
  const params: unknown[] = [grouping.dim];
  const p = (v: unknown, type: string) => {
    params.push(v);
    return `$${params.length}::${type}`;
  };
  const where: string[] = [];
  // one centre by equality: the planner then estimates a handful of rows, not a share of the table
  const centres = (ids: string[]) =>
    ids.length === 1 ? `centre_id = ${p(ids[0], 'uuid')}` : `centre_id = ANY(${p(ids, 'uuid[]')})`;
  if (scopes.own.length) where.push(`${centres(scopes.own)} AND own`);
  if (scopes.below.length) where.push(`${centres(scopes.below)} AND NOT own`);
  const branches: string[] = [];
  for (const t of bucketTerms(boundaries)) {
    const range = `${t.from === null ? '' : `bucket >= ${p(t.from, 'date')} AND `}bucket < ${p(t.to, 'date')}`;
    for (const scope of where) {
      branches.push(`SELECT ${t.output} AS idx, ${t.coefficient} AS c, ${grouping.group} AS g, ${cols.join(', ')}
        FROM counter WHERE ${scope} AND dim = $1 AND grain = '${t.grain}' AND ${range}`);
    }
  }
  const out = boundaries.map(() => new Map<string, Measures>());
  if (branches.length === 0) return out;
  const sql = `SELECT idx, g, ${cols.map((c) => `sum(c * ${c}) AS ${c}`).join(', ')} FROM (${branches.join('\n UNION ALL ')}) s GROUP BY idx, g`;
  // A few dozen index range scans: starting parallel workers would cost more than the whole read.
  const rows: Array<Record<string, string | number>> = await db.transaction(async (m) => {
    await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return m.query(sql, params);
  });
  for (const row of rows) {
    const m = zeroMeasures();
    for (const k of MEASURES) m[k] = Number(row[MEASURE_COLUMNS[k]]);
    out[Number(row.idx)].set(String(row.g), m);
  }
  return out;
}

const LEVEL_LABELS: Record<string, string> = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã' };
const CHANNEL_LABELS: Record<string, string> = { ONLINE: 'Trực tuyến', COUNTER: 'Trực tiếp', POST: 'Qua bưu chính' };

/** Row keys and labels: centres by code and name, procedures by code and name, the rest by their value. */
async function labelsOf(
  db: Db,
  groupBy: GroupBy,
  values: string[],
): Promise<Map<string, { key: string; label: string }>> {
  const out = new Map<string, { key: string; label: string }>();
  if (groupBy === 'CENTRE') {
    const centres: Array<{ id: string; code: string; name: string }> = await db.query(
      `SELECT id, code, name FROM centre_replica WHERE id = ANY($1::uuid[])`,
      [values],
    );
    for (const c of centres) out.set(c.id, { key: c.code, label: c.name });
  } else if (groupBy === 'PROCEDURE') {
    const procedures: Array<{ code: string; name: string }> = await db.query(
      `SELECT code, name FROM procedure_label WHERE code = ANY($1)`,
      [values],
    );
    for (const p of procedures) out.set(p.code, { key: p.code, label: p.name });
  } else {
    const names = groupBy === 'LEVEL' ? LEVEL_LABELS : groupBy === 'CHANNEL' ? CHANNEL_LABELS : {};
    for (const v of values) out.set(v, { key: v, label: names[v] ?? v });
  }
  return out;
}
