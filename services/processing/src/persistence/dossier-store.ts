import { In, type EntityManager } from 'typeorm';
import { publish, RunReads, type ActorV1, type DossierStatusChangedV1 } from '@onestop/events';
import { conflict, notFound } from '@onestop/service-kit';
import { nationalStatusCode } from '../domain/lifecycle';
import type { Patch } from '../domain/dossier-process';
import { HistoryEntry } from './entities/history-entry.entity';
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
export const runDossiers = new RunReads<ProcessingDossier>((manager, ids) => manager.findBy(ProcessingDossier, { id: In(ids) }), (d) => d.id);

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
  const result = await manager
    .createQueryBuilder()
    .update(ProcessingDossier)
    .set({ ...patch, version: dossier.version + 1 } as never)
    .where('id = :id AND version = :version', { id: dossier.id, version: dossier.version })
    .execute();
  if (!result.affected) throw conflict('The dossier was changed by someone else meanwhile; reload it and try again');
  return Object.assign(dossier, patch, { version: dossier.version + 1 });
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
  await manager.insert(HistoryEntry, {
    dossierId: dossier.id,
    action: line.action,
    actorId: line.actor.id,
    actorName: line.actor.name,
    actorRole: line.actor.role,
    centreId: line.centreId ?? dossier.processingCentreId,
    at: line.at,
    note: line.note ?? null,
    stepCode: line.stepCode ?? null,
    stepDueAt: line.stepDueAt ?? null,
    stepOutcome: line.stepOutcome ?? null,
  });
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
