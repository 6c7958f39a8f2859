import type { DataSource } from 'typeorm';
import { RUNNING_STATUSES } from '../domain/inbox';

export interface CentreDeadlines {
  /** The processing centre's code (its id while the centre is not yet replicated here). */
  centre: string;
  dueSoon: number;
  overdue: number;
}

const RUNNING_IN = `(${RUNNING_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Running clocks per processing centre that are due soon (due after `now`, up to `horizon`) or
 * overdue (due at or before `now`), as the inbox and the SLA watch judge them. Reads only the
 * part of the SLA watch's partial index up to the horizon: the dossiers on track are not visited.
 */
export async function deadlinesByCentre(
  db: DataSource,
  bounds: { now: Date; horizon: Date },
): Promise<CentreDeadlines[]> {
  const rows: Array<{ centre: string; due_soon: string; overdue: string }> = await db.query(
    `SELECT coalesce(c.code, d.processing_centre_id::text) AS centre,
            count(*) FILTER (WHERE d.statutory_due_at > $1) AS due_soon,
            count(*) FILTER (WHERE d.statutory_due_at <= $1) AS overdue
       FROM dossier d LEFT JOIN centre_replica c ON c.id = d.processing_centre_id
      WHERE d.status IN ${RUNNING_IN} AND d.statutory_due_at <= $2
      GROUP BY 1`,
    [bounds.now, bounds.horizon],
  );
  return rows.map((r) => ({ centre: r.centre, dueSoon: Number(r.due_soon), overdue: Number(r.overdue) }));
}
