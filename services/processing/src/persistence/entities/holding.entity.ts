import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who held a dossier at a step (or branch), from when until when: the control slip's holders. */
@Entity({ name: 'holding' })
export class HoldingRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text', name: 'step_code' })
  stepCode: string;

  @Column({ type: 'text', name: 'branch_code', nullable: true })
  branchCode: string | null;

  /** Null: nobody was assigned, the step's role held it. */
  @Column({ type: 'text', name: 'officer_id', nullable: true })
  officerId: string | null;

  /** Where it was held (the agency for an inter-agency step). */
  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'timestamptz', name: 'from_at' })
  from: Date;

  /** Null while still held. */
  @Column({ type: 'timestamptz', name: 'until_at', nullable: true })
  until: Date | null;

  /** Held again after a send-back. */
  @Column({ type: 'boolean', default: false })
  rework: boolean;
}
