import { WorkingCalendar, type CalendarDay } from '@onestop/calendar';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * The working calendar with the days declared in `calendar_day_replica`, read through the
 * caller's transaction (so a rebuild into another schema reads its own replica). Like
 * service-kit's DeclaredCalendar, it is rebuilt only when the declarations change.
 */
export class ReplicaCalendar {
  private cached?: { stamp: string; calendar: WorkingCalendar };

  async current(db: Queryable): Promise<WorkingCalendar> {
    const rows: Array<{ date: string; kind: CalendarDay['kind']; name: string }> = await db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day_replica ORDER BY date`,
    );
    const stamp = rows.map((r) => r.date + r.kind).join(',');
    if (!this.cached || this.cached.stamp !== stamp)
      this.cached = { stamp, calendar: new WorkingCalendar({ declared: rows }) };
    return this.cached.calendar;
  }
}
