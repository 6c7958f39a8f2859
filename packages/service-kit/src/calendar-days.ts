import {
  Column,
  Entity,
  PrimaryColumn,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { WorkingCalendar, type CalendarDay } from '@onestop/calendar';
import type { CalendarDayChangedV1 } from '@onestop/events';
import { outsideTransaction } from './database';

/**
 * Days an ADMIN declared (extra days off, make-up working days, cancelled holidays). Intake owns
 * them in `calendar_day`; processing and statistics keep `calendar_day_replica` from
 * CalendarDayChanged events. Both tables have the same columns.
 */
@Entity({ name: 'calendar_day_replica' })
export class CalendarDayReplica {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: CalendarDay['kind'];

  @Column({ type: 'text' })
  name: string;
}

export class CalendarDayReplica1764000000060 implements MigrationInterface {
  name = 'CalendarDayReplica1764000000060';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE calendar_day_replica (date date PRIMARY KEY, kind text NOT NULL, name text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_day_replica`);
  }
}

export async function applyCalendarDayChanged(manager: EntityManager, p: CalendarDayChangedV1): Promise<void> {
  await manager.query(
    `INSERT INTO calendar_day_replica (date, kind, name) VALUES ($1, $2, $3)
     ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
    [p.date, p.kind, p.name],
  );
  declaredDaysChanged();
}

/** Bumped by every change of declared days in this process (intake's setCalendarDay, the replicas' handler). */
let generation = 0;
let changedAt = 0;
/** After a change, every use re-reads for this long: the change may still be committing. */
const CHANGE_WINDOW_MS = 2_000;

/** Tells this process's DeclaredCalendars that the declared days changed: their next use reads them again. */
export function declaredDaysChanged(): void {
  generation++;
  changedAt = Date.now();
}

/**
 * The working calendar with the declared days. Declarations are rare and reception is hot, so
 * the calendar is kept and checked again (a count-and-hash of the table) at most every `ttlMs`,
 * in the background, the caller answered with the kept one meanwhile; a change made in this
 * process (declaredDaysChanged) is read at once. Another process's change (an API process
 * beside the worker that applied the event) is seen within `ttlMs`.
 *
 * Why not a query per use: besides its cost, a use inside a transaction (an event handler)
 * needed a second connection of the pool while holding one; with as many handlers as
 * connections, every handler waited for a connection that none would give back.
 */
export class DeclaredCalendar {
  private cached?: { stamp: string; calendar: WorkingCalendar; checkedAt: number; generation: number };
  private loading?: Promise<WorkingCalendar>;

  constructor(
    private readonly db: DataSource,
    private readonly table: 'calendar_day' | 'calendar_day_replica',
    /** CALENDAR_TTL_MS (service-config.ts). */
    private readonly ttlMs = 5_000,
  ) {
    // Read once now, before any handler's transaction needs it.
    void this.load().catch(() => undefined);
  }

  /**
   * The calendar; inside a transaction pass its manager, so that a read the cache cannot spare
   * goes through the transaction's own connection, never a second one of the pool.
   */
  async current(within?: EntityManager): Promise<WorkingCalendar> {
    const now = Date.now();
    const cached = this.cached;
    const changedHere = !cached || cached.generation !== generation || now - changedAt < CHANGE_WINDOW_MS;
    if (changedHere) return within ? this.read(within) : this.load();
    if (now - cached.checkedAt >= this.ttlMs) void outsideTransaction(() => this.load()).catch(() => undefined);
    return cached.calendar;
  }

  private load(): Promise<WorkingCalendar> {
    this.loading ??= this.read().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async read(db: DataSource | EntityManager = this.db): Promise<WorkingCalendar> {
    const seen = generation;
    const [{ stamp }] = await db.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(date || kind, ',' ORDER BY date)), '') AS stamp FROM ${this.table}`,
    );
    if (!this.cached || this.cached.stamp !== stamp) {
      const rows: Array<{ date: string | Date; kind: CalendarDay['kind']; name: string }> = await db.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM ${this.table}`,
      );
      const declared = rows.map((r) => ({ date: String(r.date), kind: r.kind, name: r.name }));
      this.cached = { stamp, calendar: new WorkingCalendar({ declared }), checkedAt: Date.now(), generation: seen };
    } else {
      this.cached = { ...this.cached, checkedAt: Date.now(), generation: seen };
    }
    return this.cached.calendar;
  }
}
