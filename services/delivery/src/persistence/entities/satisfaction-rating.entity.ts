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
}
