import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A stop of the clock asked of the applicant: a supplementation request (phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ) or a financial obligation. The slip is printed from it.
 */
@Entity({ name: 'clock_pause' })
export class ClockPause {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  kind: 'SUPPLEMENT' | 'FINANCIAL_OBLIGATION';

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', array: true, name: 'component_codes', default: () => "'{}'" })
  componentCodes: string[];

  @Column({ type: 'bigint', name: 'amount_vnd', nullable: true })
  amountVnd: string | null;

  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'timestamptz', name: 'requested_at' })
  requestedAt: Date;

  @Column({ type: 'text', name: 'requested_by' })
  requestedBy: string;

  @Column({ type: 'double precision', name: 'remaining_minutes', nullable: true })
  remainingMinutes: number | null;

  @Column({ type: 'timestamptz', name: 'resumed_at', nullable: true })
  resumedAt: Date | null;
}
