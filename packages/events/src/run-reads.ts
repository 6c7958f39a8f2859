import type { EntityManager, EntityTarget } from 'typeorm';
import type { EventEnvelope } from './envelope';
import type { RunWrites } from './event-consumer';

/** Dossiers, centres and procedures are named by UUIDs; other aggregates (a calendar day) are no rows to read. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The aggregates a run of events is about (a dossier's reception, steps, decision and return
 * often share a run), read in one statement when the run opens and kept for the run: a handler
 * finds them in memory and changes the kept object with what it writes. Only a run keeps them:
 * its transaction is all or nothing, so nothing kept can outlive a rollback. Anywhere else (a
 * single event, a failed run's savepoints) `find` reads the row.
 */
export class RunReads<T> implements RunWrites {
  private readonly runs = new WeakMap<EntityManager, Map<string, T>>();

  constructor(
    private readonly opts: {
      fetch: (manager: EntityManager, ids: string[]) => Promise<T[]>;
      keyOf: (aggregate: T) => string;
      /** The event that creates the aggregate: it has no row to read yet (a run of receptions reads nothing). */
      createdBy: string;
    },
  ) {}

  async open(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    const kept = new Map<string, T>();
    this.runs.set(manager, kept);
    const read = events.filter((e) => e.type !== this.opts.createdBy && UUID.test(e.aggregateId));
    const ids = [...new Set(read.map((e) => e.aggregateId))];
    if (ids.length)
      for (const aggregate of await this.opts.fetch(manager, ids)) kept.set(this.opts.keyOf(aggregate), aggregate);
  }

  async flush(manager: EntityManager): Promise<void> {
    this.runs.delete(manager);
  }

  /** The kept aggregate, else `read`'s (kept if this is a run). */
  async find(manager: EntityManager, id: string, read: () => Promise<T | null>): Promise<T | null> {
    const kept = this.runs.get(manager);
    const found = kept?.get(id) ?? (await read());
    if (found) kept?.set(id, found);
    return found;
  }

  /**
   * An aggregate the run has just inserted (TypeORM's insert puts the columns' defaults back into
   * it), kept as its row would be read: the columns it left out are null.
   */
  keepInserted(manager: EntityManager, entity: EntityTarget<T>, aggregate: T): void {
    const kept = this.runs.get(manager);
    if (!kept) return;
    const values = aggregate as Record<string, unknown>;
    for (const { propertyName } of manager.connection.getMetadata(entity).columns) values[propertyName] ??= null;
    kept.set(this.opts.keyOf(aggregate), aggregate);
  }
}

/**
 * Writes a run gathers by key and makes once, before it commits (a run's events add to the same
 * counter rows, change the same facts). In a transaction that is not a run (a retry, a failed
 * run's savepoints, a rebuild) what `gather` adds is written at once.
 */
export class RunGathering<V> implements RunWrites {
  private readonly runs = new WeakMap<EntityManager, Map<string, V>>();

  constructor(private readonly write: (manager: EntityManager, gathered: V[]) => Promise<void>) {}

  open(manager: EntityManager): void {
    this.runs.set(manager, new Map());
  }

  async flush(manager: EntityManager): Promise<void> {
    const gathered = this.runs.get(manager);
    this.runs.delete(manager);
    if (gathered?.size) await this.write(manager, [...gathered.values()]);
  }

  /** `add` puts its writes, by key, into the run's gathering (adding to what is there); outside a run, into writes made now. */
  async gather(manager: EntityManager, add: (gathered: Map<string, V>) => void): Promise<void> {
    const run = this.runs.get(manager);
    const gathered = run ?? new Map<string, V>();
    add(gathered);
    if (!run && gathered.size) await this.write(manager, [...gathered.values()]);
  }
}

/**
 * `read` once per transaction and key, for what a run of events asks again and again and only an
 * event of the same run could change (a procedure's workflow, the declared days): `forget` after
 * such a change.
 */
export function oncePerTransaction<K, V>(read: (manager: EntityManager, key: K) => Promise<V>) {
  const memo = new WeakMap<EntityManager, Map<K, Promise<V>>>();
  const get = (manager: EntityManager, key: K): Promise<V> => {
    const known = memo.get(manager) ?? new Map<K, Promise<V>>();
    memo.set(manager, known);
    if (!known.has(key)) known.set(key, read(manager, key));
    return known.get(key)!;
  };
  return Object.assign(get, { forget: (manager: EntityManager) => void memo.delete(manager) });
}

/** Several gatherings of a service as one: opened, then flushed, in the order given. */
export function runWritesOf(...all: RunWrites[]): RunWrites {
  return {
    async open(manager, events) {
      for (const writes of all) await writes.open(manager, events);
    },
    async flush(manager) {
      for (const writes of all) await writes.flush(manager, undefined);
    },
  };
}
