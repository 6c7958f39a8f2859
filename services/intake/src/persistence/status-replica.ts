import type { EntityManager } from 'typeorm';
import type { RunWrites } from '@onestop/events';

/**
 * Intake's replica of the lifecycle fields its own answers carry. The rule: a change applies only
 * if it is not older than the state the replica holds (status_at), so an event that arrives late
 * never undoes intake's own newer write (e.g. a supplementation submitted here after processing's
 * request). A status change sets every replicated field; a return only the status.
 */
export interface StatusChange {
  dossierId: string;
  status: string;
  nationalStatusCode: number;
  at: Date;
  /** Absent for a return. */
  fields?: {
    dueAt: string | null;
    processingCentreId: string;
    remainingWorkingMinutes: number | null;
    componentCodes: string[] | null;
  };
}

/** Per dossier, what a run's changes come to: the last of them that could apply, and the last such status change's fields. */
interface Pending {
  last: StatusChange;
  fields?: { at: Date } & NonNullable<StatusChange['fields']>;
}

/**
 * An import brings three or four changes per dossier in one run: they are folded into one
 * statement per run. A change older than one before it in the run can never apply (the replica
 * will hold at least that one's time), so of the run's changes only the running latest matter:
 * the replica takes the latest one's status if it is not older than the row's status_at, and the
 * latest status change's fields if that one is not.
 */
export class StatusRun {
  readonly pending = new Map<string, Pending>();
}

/** The consumer's hooks: a run's context is its pending changes, written in one statement before it commits. */
export const statusRunWrites: RunWrites<StatusRun> = {
  open: () => new StatusRun(),
  async flush(manager, run) {
    if (run.pending.size) await write(manager, [...run.pending.values()]);
  },
};

/** The change, folded into the run's (the handler's `run`), or written at once for an event applied alone. */
export async function replicateStatus(manager: EntityManager, change: StatusChange, run?: StatusRun): Promise<void> {
  const pending = run?.pending ?? new Map<string, Pending>();
  const folded = fold(pending.get(change.dossierId), change);
  if (folded) pending.set(change.dossierId, folded);
  if (!run && pending.size) await write(manager, [...pending.values()]);
}

function fold(pending: Pending | undefined, change: StatusChange): Pending | undefined {
  if (pending && change.at.getTime() < pending.last.at.getTime()) return undefined; // can never apply
  return { last: change, fields: change.fields ? { at: change.at, ...change.fields } : pending?.fields };
}

async function write(manager: EntityManager, pending: Pending[]): Promise<void> {
  const fieldsOr = (column: string, value: string) =>
    `CASE WHEN v.fields_at IS NOT NULL AND d.status_at <= v.fields_at THEN ${value} ELSE d.${column} END`;
  await manager.query(
    `UPDATE dossier d SET status = v.status, national_status_code = v.code, status_at = v.at,
       due_at = ${fieldsOr('due_at', 'v.due_at')},
       processing_centre_id = ${fieldsOr('processing_centre_id', 'v.centre_id')},
       remaining_working_minutes = ${fieldsOr('remaining_working_minutes', 'v.remaining')},
       requested_component_codes = ${fieldsOr('requested_component_codes', 'CASE WHEN v.codes IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(v.codes::jsonb)) END')}
     FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::uuid[], $8::float8[], $9::text[])
       AS v(id, status, code, at, fields_at, due_at, centre_id, remaining, codes)
     WHERE d.id = v.id AND d.status_at <= v.at`,
    [
      pending.map((p) => p.last.dossierId),
      pending.map((p) => p.last.status),
      pending.map((p) => p.last.nationalStatusCode),
      pending.map((p) => p.last.at.toISOString()),
      pending.map((p) => p.fields?.at.toISOString() ?? null),
      pending.map((p) => p.fields?.dueAt ?? null),
      pending.map((p) => p.fields?.processingCentreId ?? null),
      pending.map((p) => p.fields?.remainingWorkingMinutes ?? null),
      pending.map((p) => (p.fields?.componentCodes ? JSON.stringify(p.fields.componentCodes) : null)),
    ],
  );
}
