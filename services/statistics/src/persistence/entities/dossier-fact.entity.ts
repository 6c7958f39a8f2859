import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Outcome } from '@onestop/calendar';
import type { Satisfaction } from '../../domain/dossier-fact';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One fact per dossier (dữ kiện hồ sơ), fed only by events; no personal data. */
@Entity({ name: 'dossier_fact' })
export class DossierFact {
  @PrimaryColumn({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  code: string;

  /** The receiving centre: the dossier is counted where it was received, for its whole life. */
  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  /** The centre processing it now (processing's events; after a transfer, not the receiving one): its officers read the outcome too. */
  @Column({ type: 'uuid', name: 'processing_centre_id', nullable: true })
  processingCentreId: string | null;

  /** The receiving centre's level at reception. */
  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'uuid', name: 'procedure_id' })
  procedureId: string;

  @Column({ type: 'text', name: 'procedure_code' })
  procedureCode: string;

  @Column({ type: 'text' })
  sector: string;

  @Column({ type: 'text' })
  channel: 'COUNTER' | 'ONLINE' | 'POST';

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', name: 'received_at', nullable: true })
  receivedAt: Date | null;

  /** The statutory due date in force (moved by pauses, never by an apology letter). */
  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** The new date promised by an apology letter: it does not move the statutory due date. */
  @Column({ type: 'timestamptz', name: 'apology_due_at', nullable: true })
  apologyDueAt: Date | null;

  @Column({ type: 'date', name: 'overdue_from', nullable: true })
  overdueFrom: string | null;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'int', name: 'national_status_code' })
  nationalStatusCode: number;

  /** When the state was last changed, to ignore a stale event that arrives late. */
  @Column({ type: 'timestamptz', name: 'state_at' })
  stateAt: Date;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decision: 'APPROVED' | 'REJECTED' | null;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'numeric', precision: 12, scale: 4, name: 'processing_days', nullable: true, transformer: numeric })
  processingDays: number | null;

  /** Withdrawn or stopped after reception. */
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'returned_at', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ type: 'timestamptz', name: 'rated_at', nullable: true })
  ratedAt: Date | null;
}
