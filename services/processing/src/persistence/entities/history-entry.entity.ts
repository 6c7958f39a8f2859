import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the processing control slip (phiếu kiểm soát quá trình giải quyết hồ sơ).
 * Append-only: the database refuses UPDATE and DELETE on this table.
 */
@Entity({ name: 'dossier_history' })
export class HistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', name: 'actor_id', nullable: true })
  actorId: string | null;

  /** The actor's name as written on the slip; 'system' for the platform's own work. */
  @Column({ type: 'text', name: 'actor_name' })
  actorName: string;

  @Column({ type: 'text', name: 'actor_role', nullable: true })
  actorRole: string | null;

  /** Where it happened. */
  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', name: 'step_code', nullable: true })
  stepCode: string | null;

  @Column({ type: 'timestamptz', name: 'step_due_at', nullable: true })
  stepDueAt: Date | null;

  @Column({ type: 'text', name: 'step_outcome', nullable: true })
  stepOutcome: 'EARLY' | 'ON_TIME' | 'LATE' | null;
}
