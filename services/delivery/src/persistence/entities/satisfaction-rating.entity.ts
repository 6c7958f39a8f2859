import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SatisfactionLevel } from '../../domain/delivery-state';

/** The applicant's rating of the service (đánh giá mức độ hài lòng): one per dossier, the key says so. */
@Entity({ name: 'satisfaction_rating' })
export class SatisfactionRating {
  @PrimaryColumn({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  overall: SatisfactionLevel;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz', name: 'rated_at' })
  ratedAt: Date;

  /** Taken at the returns desk by an intake officer (rateAtCounter), not given by the applicant online. */
  @Column({ type: 'boolean', name: 'taken_at_counter', default: false })
  takenAtCounter: boolean;

  @Column({ type: 'text', name: 'recorded_by_id', nullable: true })
  recordedById: string | null;

  @Column({ type: 'text', name: 'recorded_by_name', nullable: true })
  recordedByName: string | null;
}
