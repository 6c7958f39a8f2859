import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@onestop/events';
import { sqlColumns } from '@onestop/service-kit';
import { DossierFact } from './entities/dossier-fact.entity';

/** The dossier facts (`dossier_fact`): one row per dossier, what the counters were counted from. */
export interface FactStore {
  /** The fact, locked for this transaction; null when the dossier's reception has not arrived yet. */
  load(dossierId: string): Promise<DossierFact | null>;
  /** A new fact; false (and nothing written) when the dossier had one already. */
  insert(fact: DossierFact): Promise<boolean>;
  /** Changes the fact: the object, and its row (in a run, when the run ends). */
  save(fact: DossierFact, patch: Partial<DossierFact>): Promise<void>;
}

/** Dossiers, centres and procedures are named by UUIDs; other aggregates (a calendar day) are no facts to read. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The facts of a run of events (up to 100, often several about one dossier: its reception, status
 * changes, decision and return): read and locked in one statement when the run opens, changed in
 * memory, and written in one statement before the run commits. Only a run has one: its transaction
 * is all or nothing, so nothing kept outlives a rollback.
 */
export class FactRun {
  readonly kept = new Map<string, DossierFact>();
  readonly changed = new Map<string, DossierFact>();

  /** The facts the run's events are about (a reception has none yet), in one statement. */
  async read(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    const ids = [
      ...new Set(
        events.filter((e) => e.type !== 'DossierSubmitted' && UUID.test(e.aggregateId)).map((e) => e.aggregateId),
      ),
    ];
    if (ids.length === 0) return;
    const facts = await manager
      .createQueryBuilder(DossierFact, 'f')
      .where('f.dossierId IN (:...ids)', { ids })
      .orderBy('f.dossierId')
      .setLock('pessimistic_write')
      .getMany();
    for (const fact of facts) this.kept.set(fact.dossierId, fact);
  }

  async write(manager: EntityManager): Promise<void> {
    if (this.changed.size) await writeFacts(manager, [...this.changed.values()]);
    this.changed.clear();
  }
}

/** The fact store bound to a transaction, and to its run when the consumer applies one. */
export class SqlFactStore implements FactStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly run?: FactRun,
  ) {}

  async load(dossierId: string): Promise<DossierFact | null> {
    const found =
      this.run?.kept.get(dossierId) ??
      (await this.manager.findOne(DossierFact, { where: { dossierId }, lock: { mode: 'pessimistic_write' } }));
    if (found) this.run?.kept.set(dossierId, found);
    return found;
  }

  async insert(fact: DossierFact): Promise<boolean> {
    const columns = sqlColumns(this.manager, DossierFact);
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO dossier_fact (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ')})
       ON CONFLICT DO NOTHING RETURNING dossier_id`,
      columns.map((c) => c.value(fact)),
    );
    if (inserted.length && this.run) {
      // Kept as its row would be read: the columns the fact left out are null.
      const values = fact as unknown as Record<string, unknown>;
      for (const { propertyName } of this.manager.connection.getMetadata(DossierFact).columns)
        values[propertyName] ??= null;
      this.run.kept.set(fact.dossierId, fact);
    }
    return inserted.length > 0;
  }

  async save(fact: DossierFact, patch: Partial<DossierFact>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    // The fact is locked, so its row is written whole, from the object.
    Object.assign(fact, patch);
    if (this.run) this.run.changed.set(fact.dossierId, fact);
    else await writeFacts(this.manager, [fact]);
  }
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

/** Reads that are no event's: the outcome a dossier was resolved with, and what its guard needs. */
export async function outcomeOf(
  db: Pick<EntityManager, 'getRepository'>,
  dossierId: string,
): Promise<DossierFact['outcome'] | null> {
  return (await db.getRepository(DossierFact).findOneBy({ dossierId }))?.outcome ?? null;
}

export async function factCentresOf(
  db: Pick<EntityManager, 'getRepository'>,
  dossierId: string,
): Promise<Pick<DossierFact, 'centreId' | 'processingCentreId'> | null> {
  return db
    .getRepository(DossierFact)
    .findOne({ where: { dossierId }, select: { dossierId: true, centreId: true, processingCentreId: true } });
}
