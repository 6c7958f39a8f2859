import { In, type EntityManager } from 'typeorm';
import { publish, RunReads, type ActorV1, type DossierStatusChangedV1 } from '@onestop/events';
import { conflict, notFound, sqlColumns } from '@onestop/service-kit';
import { nationalStatusCode } from '../domain/lifecycle';
import type { Patch } from '../domain/dossier-process';
import type { HistoryEntry } from './entities/history-entry.entity';
import { ProcessingDossier } from './entities/processing-dossier.entity';

export async function loadDossier(manager: EntityManager, id: string): Promise<ProcessingDossier> {
  const dossier = await manager.findOneBy(ProcessingDossier, { id });
  if (!dossier) throw notFound('Dossier');
  return dossier;
}

/**
 * The dossiers a run of events is about, read in one statement when the run opens (the consumer's
 * runWrites); commitTransition changes the kept object with the row.
 */
export const runDossiers = new RunReads<ProcessingDossier>({
  fetch: (manager, ids) => manager.findBy(ProcessingDossier, { id: In(ids) }),
  keyOf: (dossier) => dossier.id,
  createdBy: 'DossierSubmitted',
});

/** A dossier entering processing; kept for the rest of the run as the row now stands. */
export async function insertDossier(manager: EntityManager, dossier: ProcessingDossier): Promise<void> {
  await manager.insert(ProcessingDossier, dossier);
  runDossiers.keepInserted(manager, ProcessingDossier, dossier);
}

/** The dossier an event is about (null: its reception has not arrived yet). */
export function dossierOfEvent(manager: EntityManager, id: string): Promise<ProcessingDossier | null> {
  return runDossiers.find(manager, id, () => manager.findOneBy(ProcessingDossier, { id }));
}

/**
 * Writes a transition if nobody else changed the dossier since it was read (its version is
 * unchanged); otherwise CONFLICT and nothing is written. Concurrent requests on one dossier
 * therefore take effect once: every one read the same version, one update matches it.
 */
export async function commitTransition(manager: EntityManager, dossier: ProcessingDossier, patch: Patch & Partial<ProcessingDossier>): Promise<ProcessingDossier> {
  const next = { ...patch, version: dossier.version + 1 };
  // as TypeORM's update did: a property left undefined is not written
  const columns = sqlColumns(manager, ProcessingDossier).filter((c) => (next as Record<string, unknown>)[c.property] !== undefined);
  const [, affected] = await manager.query(
    `UPDATE dossier SET ${columns.map((c, i) => `${c.name} = $${i + 3}::${c.type}`).join(', ')} WHERE id = $1 AND version = $2`,
    [dossier.id, dossier.version, ...columns.map((c) => c.value(next))],
  );
  if (!affected) throw conflict('The dossier was changed by someone else meanwhile; reload it and try again');
  return Object.assign(dossier, next);
}

export interface Actor {
  id: string | null;
  name: string;
  role: string | null;
}

export const SYSTEM: Actor = { id: null, name: 'system', role: null };

export function actorFromEvent(actor: ActorV1 | null | undefined): Actor {
  return actor ? { id: actor.id, name: actor.name, role: actor.role } : SYSTEM;
}

/** One line of the control slip, in the transaction of the change it records. */
export async function appendHistory(
  manager: EntityManager,
  dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>,
  line: { action: string; actor: Actor; at: Date; note?: string | null; centreId?: string; stepCode?: string | null; stepDueAt?: Date | null; stepOutcome?: HistoryEntry['stepOutcome'] },
): Promise<void> {
  await manager.query(
    `INSERT INTO dossier_history (dossier_id, action, actor_id, actor_name, actor_role, centre_id, at, note, step_code, step_due_at, step_outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [dossier.id, line.action, line.actor.id, line.actor.name, line.actor.role, line.centreId ?? dossier.processingCentreId, line.at,
      line.note ?? null, line.stepCode ?? null, line.stepDueAt ?? null, line.stepOutcome ?? null],
  );
}

export type StatusChange = { action: string; at: Date; actor: ActorV1 | null; reason?: string | null; componentCodes?: string[]; correlationId?: string | null; imported?: boolean };

/**
 * DossierStatusChanged, the lifecycle's one announcement, for the dossier as it now stands. `dueAt`
 * is the appointment shown to the applicant (null while the clock is stopped); `statutoryDueAt` the
 * one the law sets, which statistics judge lateness by.
 */
export function statusChangedPayload(d: ProcessingDossier, change: StatusChange): DossierStatusChangedV1 {
  const paused = d.pausedAt !== null;
  return {
    dossierId: d.id,
    code: d.code,
    action: change.action,
    status: d.status,
    nationalStatusCode: nationalStatusCode(d.status),
    at: change.at.toISOString(),
    dueAt: paused ? null : d.dueAt?.toISOString() ?? null,
    statutoryDueAt: d.statutoryDueAt?.toISOString() ?? null,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    processingCentreId: d.processingCentreId,
    remainingWorkingMinutes: paused ? d.pausedRemainingMinutes : null,
    reason: change.reason ?? null,
    ...(change.componentCodes ? { componentCodes: change.componentCodes } : {}),
    actor: change.actor,
    ...(change.imported ? { imported: true } : {}),
  };
}

export async function publishStatusChanged(manager: EntityManager, d: ProcessingDossier, change: StatusChange): Promise<void> {
  await publish(manager, 'DossierStatusChanged', d.id, statusChangedPayload(d, change), { correlationId: change.correlationId ?? null, occurredAt: change.at });
}
