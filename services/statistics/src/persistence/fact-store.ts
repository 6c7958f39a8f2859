import type { EntityManager } from 'typeorm';
import { RunGathering, RunReads, runWritesOf } from '@onestop/events';
import { sqlColumns } from '@onestop/service-kit';
import { DossierFact } from './entities/dossier-fact.entity';

/**
 * The dossier facts of a run of events (up to 100, often several about one dossier: its
 * reception, status changes, decision and return): read and locked in one statement when the run
 * opens, changed in memory, and written in one statement before the run commits. A transaction
 * that is not a run (a retry, a rebuild) reads and writes each fact at once.
 */
const kept = new RunReads<DossierFact>({
  fetch: (manager, ids) =>
    manager.createQueryBuilder(DossierFact, 'f').where('f.dossierId IN (:...ids)', { ids }).orderBy('f.dossierId').setLock('pessimistic_write').getMany(),
  keyOf: (fact) => fact.dossierId,
  createdBy: 'DossierSubmitted',
});
const changed = new RunGathering<DossierFact>((manager, facts) => writeFacts(manager, facts));

export const factRunWrites = runWritesOf(kept, changed);

/** The fact, locked for this transaction; null when the dossier's reception has not arrived yet. */
export function loadFact(manager: EntityManager, dossierId: string): Promise<DossierFact | null> {
  return kept.find(manager, dossierId, () => manager.findOne(DossierFact, { where: { dossierId }, lock: { mode: 'pessimistic_write' } }));
}

/** A new fact; false (and nothing written) when the dossier had one already. */
export async function insertFact(manager: EntityManager, fact: DossierFact): Promise<boolean> {
  const columns = sqlColumns(manager, DossierFact);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO dossier_fact (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ')})
     ON CONFLICT DO NOTHING RETURNING dossier_id`,
    columns.map((c) => c.value(fact)),
  );
  if (inserted.length) kept.keepInserted(manager, DossierFact, fact);
  return inserted.length > 0;
}

/** Changes the fact (the object, and its row: in a run, when the run ends). The fact is locked, so its row is written whole. */
export async function saveFact(manager: EntityManager, fact: DossierFact, patch: Partial<DossierFact>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  Object.assign(fact, patch);
  await changed.gather(manager, (facts) => facts.set(fact.dossierId, fact));
}

/** Every column of the changed facts, from memory, in one statement. */
async function writeFacts(manager: EntityManager, facts: DossierFact[]): Promise<void> {
  const columns = sqlColumns(manager, DossierFact);
  const [key, ...rest] = columns;
  await manager.query(
    `UPDATE dossier_fact f SET ${rest.map((c) => `${c.name} = v.${c.name}`).join(', ')}
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS v(${columns.map((c) => c.name).join(', ')})
      WHERE f.${key.name} = v.${key.name}`,
    columns.map((c) => facts.map((fact) => c.value(fact))),
  );
}
