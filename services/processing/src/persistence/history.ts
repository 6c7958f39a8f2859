import type { EntityManager } from 'typeorm';
import type { ActorV1 } from '@onestop/events';
import type { HistoryEntry } from './entities/history-entry.entity';
import type { ProcessingDossier } from './entities/processing-dossier.entity';

/** The control slip (phiếu kiểm soát): dossier_history, append-only (triggers refuse UPDATE and DELETE). */

export interface Actor {
  id: string | null;
  name: string;
  role: string | null;
}

export const SYSTEM: Actor = { id: null, name: 'system', role: null };

export function actorFromEvent(actor: ActorV1 | null | undefined): Actor {
  return actor ? { id: actor.id, name: actor.name, role: actor.role } : SYSTEM;
}

export interface HistoryLine {
  action: string;
  actor: Actor;
  at: Date;
  note?: string | null;
  centreId?: string;
  stepCode?: string | null;
  stepDueAt?: Date | null;
  stepOutcome?: HistoryEntry['stepOutcome'];
}

/** A replayed line of an imported history: no actor id, the old system's names. */
export interface ImportedHistoryLine {
  action: string;
  actorName: string;
  actorRole: string | null;
  at: Date;
  note: string | null;
  stepCode: string | null;
  stepDueAt: Date | null;
  stepOutcome: HistoryEntry['stepOutcome'] | null;
}

/** One line of the control slip, in the transaction of the change it records. */
export async function appendHistory(
  manager: EntityManager,
  dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>,
  line: HistoryLine,
): Promise<void> {
  await manager.query(
    `INSERT INTO dossier_history (dossier_id, action, actor_id, actor_name, actor_role, centre_id, at, note, step_code, step_due_at, step_outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      dossier.id,
      line.action,
      line.actor.id,
      line.actor.name,
      line.actor.role,
      line.centreId ?? dossier.processingCentreId,
      line.at,
      line.note ?? null,
      line.stepCode ?? null,
      line.stepDueAt ?? null,
      line.stepOutcome ?? null,
    ],
  );
}

/** An imported history's lines, in their order, in one statement (an import brings many per dossier). */
export async function appendImportedHistory(
  manager: EntityManager,
  dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>,
  lines: readonly ImportedHistoryLine[],
): Promise<void> {
  if (!lines.length) return;
  const col = <T>(f: (l: ImportedHistoryLine) => T) => lines.map(f);
  await manager.query(
    `INSERT INTO dossier_history (dossier_id, action, actor_id, actor_name, actor_role, centre_id, at, note, step_code, step_due_at, step_outcome)
     SELECT $1, action, NULL, actor_name, actor_role, $2, at, note, step_code, step_due_at, step_outcome
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
         WITH ORDINALITY AS l(action, actor_name, actor_role, at, note, step_code, step_due_at, step_outcome, n) ORDER BY n`,
    [
      dossier.id,
      dossier.processingCentreId,
      col((l) => l.action),
      col((l) => l.actorName),
      col((l) => l.actorRole),
      col((l) => l.at.toISOString()),
      col((l) => l.note),
      col((l) => l.stepCode),
      col((l) => l.stepDueAt?.toISOString() ?? null),
      col((l) => l.stepOutcome),
    ],
  );
}
