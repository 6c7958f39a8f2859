import type { EntityManager } from 'typeorm';
import { inboxScope, PAUSED_STATUSES, type InboxFilter } from '../domain/inbox';
import { ProcessingDossier } from './entities/processing-dossier.entity';

export interface InboxQuery {
  centreId: string;
  /** The step role whose dossiers are listed; null: every role's (ADMIN, OBSERVER). */
  role: string | null;
  filter: InboxFilter;
  now: Date;
  /** now plus one working day of office time: DUE_SOON up to here. */
  horizon: Date;
  limit: number;
  offset: number;
}

export interface InboxCounts {
  onTrack: number;
  dueSoon: number;
  overdue: number;
  paused: number;
}

const PAUSED_IN = `(${PAUSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Issue #20: during its inter-agency step the dossier is in the agency's inbox (not the processing
 * centre's); during a PARALLEL step in the inbox of every role with a branch still to do (once each).
 */
const AT_AGENCY = `coalesce(d.inter_agency ->> 'state', '') IN ('AWAITING_ACCEPTANCE', 'ACCEPTED')`;
const CENTRE = `((d.processing_centre_id = :centre AND NOT ${AT_AGENCY}) OR (${AT_AGENCY} AND d.inter_agency ->> 'agencyCentreId' = CAST(:centre AS text)))`;
const ROLE = `(d.inbox_role = :role OR :role = ANY(d.inbox_roles))`;

/** The first dossiers of a centre's inbox (no filters), most urgent current step first: the partial index dossier_inbox. */
export function inboxFirst(
  manager: EntityManager,
  q: Pick<InboxQuery, 'centreId' | 'role' | 'limit' | 'offset'>,
): Promise<ProcessingDossier[]> {
  const qb = manager
    .getRepository(ProcessingDossier)
    .createQueryBuilder('d')
    .where(CENTRE, { centre: q.centreId })
    .orderBy('d.step_due_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .limit(q.limit)
    .offset(q.offset);
  if (q.role) qb.andWhere(ROLE, { role: q.role });
  else qb.andWhere('d.inbox_role IS NOT NULL');
  return qb.getMany();
}

/**
 * One page of a centre's inbox, its total under the filters, and the count per deadline state of
 * the whole inbox (not of the page, not of the filters). Every query runs on the partial indexes of
 * migration InboxFilters1764000000210: a page walks (centre, role[, procedure], step due, id) and
 * stops after `limit` rows; the totals and counts are index-only scans of the covering index.
 */
export async function inboxPage(
  manager: EntityManager,
  q: InboxQuery,
): Promise<{ items: ProcessingDossier[]; total: number; counts: InboxCounts }> {
  const scope = inboxScope(q.filter);
  const counts = await inboxCounts(manager, q);
  if (scope === 'none') return { items: [], total: 0, counts };
  const params: Record<string, unknown> = {
    centre: q.centreId,
    role: q.role,
    now: q.now,
    horizon: q.horizon,
    procedure: q.filter.procedureCode,
    status: q.filter.status,
  };
  const where = [CENTRE];
  if (scope === 'running') {
    where.push(q.role ? ROLE : 'd.inbox_role IS NOT NULL');
    if (q.filter.deadline === 'OVERDUE') where.push('d.statutory_due_at <= :now');
    if (q.filter.deadline === 'DUE_SOON') where.push('d.statutory_due_at > :now AND d.statutory_due_at <= :horizon');
    if (q.filter.deadline === 'ON_TRACK') where.push('(d.statutory_due_at > :horizon OR d.statutory_due_at IS NULL)');
  } else {
    where.push(`d.status IN ${PAUSED_IN}`);
    // A paused dossier waits for the applicant; it comes back to the role of its current step.
    if (q.role) where.push(`(d.steps -> d.step_index ->> 'role') = :role`);
  }
  if (q.filter.procedureCode) where.push('d.procedure_code = :procedure');
  if (q.filter.status) where.push('d.status = :status');
  const qb = manager.getRepository(ProcessingDossier).createQueryBuilder('d').where(where.join(' AND '), params);
  const items = await qb
    .clone()
    .orderBy('d.step_due_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .limit(q.limit)
    .offset(q.offset)
    .getMany();
  const unfiltered = !q.filter.procedureCode && !q.filter.status && !q.filter.deadline;
  // The unfiltered total is the counts' sum: no third scan. A short first page is its own total.
  const total = unfiltered
    ? counts.onTrack + counts.dueSoon + counts.overdue
    : q.offset === 0 && items.length < q.limit
      ? items.length
      : await qb.getCount();
  return { items, total, counts };
}

async function inboxCounts(manager: EntityManager, q: InboxQuery): Promise<InboxCounts> {
  const [running] = await manager.query(
    `SELECT count(*) FILTER (WHERE statutory_due_at > $3 OR statutory_due_at IS NULL)::int AS on_track,
            count(*) FILTER (WHERE statutory_due_at > $2 AND statutory_due_at <= $3)::int AS due_soon,
            count(*) FILTER (WHERE statutory_due_at <= $2)::int AS overdue
       FROM dossier d WHERE ${CENTRE.replace(/:centre/g, '$1')} AND ${q.role ? ROLE.replace(/:role/g, '$4') : 'inbox_role IS NOT NULL'}`,
    q.role ? [q.centreId, q.now, q.horizon, q.role] : [q.centreId, q.now, q.horizon],
  );
  const [paused] = await manager.query(
    `SELECT count(*)::int AS paused FROM dossier
      WHERE processing_centre_id = $1 AND status IN ${PAUSED_IN} ${q.role ? `AND (steps -> step_index ->> 'role') = $2` : ''}`,
    q.role ? [q.centreId, q.role] : [q.centreId],
  );
  return { onTrack: running.on_track, dueSoon: running.due_soon, overdue: running.overdue, paused: paused.paused };
}

/** An officer's assigned open dossiers (hồ sơ của tôi), most urgent step first: the partial index dossier_assignee. */
export function assignedTo(
  manager: EntityManager,
  officerId: string,
  limit: number,
  offset: number,
): Promise<ProcessingDossier[]> {
  return manager
    .getRepository(ProcessingDossier)
    .createQueryBuilder('d')
    .where(
      `d.inbox_role IS NOT NULL AND (d.assignee_id = :officerId
      OR d.branches @> jsonb_build_array(jsonb_build_object('assigneeId', CAST(:officerId AS text), 'doneAt', null)))`,
      { officerId },
    )
    .orderBy('d.step_due_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .limit(limit)
    .offset(offset)
    .getMany();
}
