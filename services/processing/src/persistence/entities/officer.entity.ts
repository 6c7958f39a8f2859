import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StepRole } from '../../domain/workflow';

/** An officer as processing knows them: recorded the first time their token reaches processing (per process). */
@Entity({ name: 'officer' })
export class OfficerRow {
  /** The token's sub. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: StepRole;

  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'timestamptz', name: 'seen_at' })
  seenAt: Date;
}
