import { In, type DataSource, type EntityManager } from 'typeorm';
import { RunReads } from '@onestop/events';
import { conflict, notFound, sqlColumns } from '@onestop/service-kit';
import type { Patch } from '../domain/dossier-process';
import { ProcessingDossier } from './entities/processing-dossier.entity';

/** Processing's dossier rows: each dossier's lifecycle as it now stands. */

/** The dossier, or NOT_FOUND. */
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
export async function commitTransition(
  manager: EntityManager,
  dossier: ProcessingDossier,
  patch: Patch & Partial<ProcessingDossier>,
): Promise<ProcessingDossier> {
  const next = { ...patch, version: dossier.version + 1 };
  // as TypeORM's update did: a property left undefined is not written
  const columns = sqlColumns(manager, ProcessingDossier).filter(
    (c) => (next as Record<string, unknown>)[c.property] !== undefined,
  );
  const [, affected] = await manager.query(
    `UPDATE dossier SET ${columns.map((c, i) => `${c.name} = $${i + 3}::${c.type}`).join(', ')} WHERE id = $1 AND version = $2`,
    [dossier.id, dossier.version, ...columns.map((c) => c.value(next))],
  );
  if (!affected) throw conflict('The dossier was changed by someone else meanwhile; reload it and try again');
  return Object.assign(dossier, next);
}

/** A dossier as a query reads it, with its processing centre's code from the replica in the same statement. */
export async function dossierWithCentreCode(
  db: DataSource,
  id: string,
): Promise<(ProcessingDossier & { processingCentreCode: string | null }) | null> {
  const {
    entities: [d],
    raw: [row],
  } = await db
    .getRepository(ProcessingDossier)
    .createQueryBuilder('d')
    .leftJoin('centre_replica', 'c', 'c.id = d.processing_centre_id')
    .addSelect('c.code', 'processing_centre_code')
    .where('d.id = :id', { id })
    .getRawAndEntities();
  return d
    ? Object.assign(d, { processingCentreCode: (row?.processing_centre_code as string | undefined) ?? null })
    : null;
}
