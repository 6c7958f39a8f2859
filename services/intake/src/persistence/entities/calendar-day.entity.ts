import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day an ADMIN declared: extra day off, make-up working day, or ORDINARY to cancel a statutory holiday. */
@Entity({ name: 'calendar_day' })
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: 'HOLIDAY' | 'MAKEUP_WORKDAY' | 'ORDINARY';

  @Column({ type: 'text' })
  name: string;
}
