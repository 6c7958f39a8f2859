import {
  Column,
  Entity,
  PrimaryColumn,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import type { CentreChangedV1, CentreLevel } from '@onestop/events';
import type { Caller } from './identity';

export interface CentreRef {
  id: string;
  code: string;
  name: string;
  level: CentreLevel;
  parentId: string | null;
}

/** Each request's ancestors by centre (CentreDirectory.forRequest): gone with the request. */
const ancestorsByRequest = new WeakMap<object, Map<string, Promise<CentreRef[]>>>();

/**
 * The centre tree, read from a table with (id, code, name, level, parent_id): intake's own
 * `centre`, or the `centre_replica` that the other services keep from CentreChanged events.
 */
export class CentreDirectory {
  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly table: 'centre' | 'centre_replica',
  ) {}

  /** The same directory read through a transaction's manager: a check inside a transaction never needs a second connection. */
  within(manager: EntityManager): CentreDirectory {
    return new CentreDirectory(manager, this.table);
  }

  /**
   * The same directory for one request (`request`: its GraphQL context, or any object that lives as
   * long as it): a centre's ancestors are read once however many checks of the request ask for
   * them (a Dossier query's root check and its guards). Kept with the request, never beyond it, so
   * a change of the tree is seen by the next request.
   */
  forRequest(request: object): CentreDirectory {
    // this directory's own behaviour (a test's in-memory tree included), with the request's ancestors
    const directory: CentreDirectory = Object.create(this);
    let memo = ancestorsByRequest.get(request);
    if (!memo) ancestorsByRequest.set(request, (memo = new Map()));
    const known = memo;
    const read = this.ancestors.bind(this);
    directory.ancestors = (id: string) => {
      const key = `${this.table}:${id}`;
      let chain = known.get(key);
      if (!chain) {
        known.set(key, (chain = read(id)));
        // a failed read is not kept: the next check of the request reads again
        chain.catch(() => known.delete(key));
      }
      return chain;
    };
    return directory;
  }

  async byId(id: string): Promise<CentreRef | null> {
    const [row] = await this.db.query(
      `SELECT id, code, name, level, parent_id AS "parentId" FROM ${this.table} WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async byCode(code: string): Promise<CentreRef | null> {
    const [row] = await this.db.query(
      `SELECT id, code, name, level, parent_id AS "parentId" FROM ${this.table} WHERE code = $1`,
      [code],
    );
    return row ?? null;
  }

  /** The centre itself, then its parent, up to the root. */
  ancestors(id: string): Promise<CentreRef[]> {
    return this.db.query(
      `WITH RECURSIVE up AS (
         SELECT id, code, name, level, parent_id, 0 AS depth FROM ${this.table} WHERE id = $1
         UNION ALL SELECT c.id, c.code, c.name, c.level, c.parent_id, up.depth + 1 FROM ${this.table} c JOIN up ON c.id = up.parent_id)
       SELECT id, code, name, level, parent_id AS "parentId" FROM up ORDER BY depth`,
      [id],
    );
  }

  /** Ids of the centre and every centre below it. */
  async subtreeIds(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH RECURSIVE down AS (
         SELECT id FROM ${this.table} WHERE id = $1
         UNION ALL SELECT c.id FROM ${this.table} c JOIN down ON c.parent_id = down.id)
       SELECT id FROM down`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of the centres directly below it. */
  async childIds(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM ${this.table} WHERE parent_id = $1`, [id]);
    return rows.map((r) => r.id);
  }

  /**
   * Officers act in their own centre; the province-level roles (ADMIN, OBSERVER) also in every
   * centre below theirs. Citizens act on no centre (their access is by ownership).
   */
  /** Where the centre stands from the caller's: their own, below it, or elsewhere (citizens: elsewhere). */
  async relationOf(caller: Caller, centreId: string): Promise<'OWN_CENTRE' | 'DESCENDANT_CENTRE' | 'OTHER_CENTRE'> {
    if (!caller.centre || caller.role === 'CITIZEN') return 'OTHER_CENTRE';
    const chain = await this.ancestors(centreId);
    if (chain[0]?.code === caller.centre) return 'OWN_CENTRE';
    return chain.some((c) => c.code === caller.centre) ? 'DESCENDANT_CENTRE' : 'OTHER_CENTRE';
  }

  async canActIn(caller: Caller, centreId: string): Promise<boolean> {
    if (!caller.centre || caller.role === 'CITIZEN') return false;
    const chain = await this.ancestors(centreId);
    if (chain[0]?.code === caller.centre) return true;
    return PROVINCE_LEVEL_ROLES.includes(caller.role) && chain.some((c) => c.code === caller.centre);
  }
}

export const PROVINCE_LEVEL_ROLES: readonly string[] = ['ADMIN', 'OBSERVER'];

/** A copy of intake's centre tree, kept by the services that need it for access and grouping. */
@Entity({ name: 'centre_replica' })
export class CentreReplica {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: CentreLevel;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;
}

export class CentreReplica1764000000050 implements MigrationInterface {
  name = 'CentreReplica1764000000050';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE centre_replica (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        level text NOT NULL,
        parent_id uuid
      )`);
    await db.query(`CREATE INDEX centre_replica_parent ON centre_replica (parent_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE centre_replica`);
  }
}

/** The CentreChanged handler of every replica: the latest state of the centre wins. */
export async function applyCentreChanged(manager: EntityManager, p: CentreChangedV1): Promise<void> {
  await manager.query(
    `INSERT INTO centre_replica (id, code, name, level, parent_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id`,
    [p.centreId, p.code, p.name, p.level, p.parentId],
  );
}
