import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An apology and extension letter (văn bản xin lỗi và đề nghị gia hạn) with its new appointment. */
@Entity({ name: 'apology' })
export class Apology {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz', name: 'previous_due_at' })
  previousDueAt: Date;

  @Column({ type: 'timestamptz', name: 'new_due_at' })
  newDueAt: Date;

  @Column({ type: 'timestamptz', name: 'issued_at' })
  issuedAt: Date;

  @Column({ type: 'text', name: 'issued_by' })
  issuedBy: string;

  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;
}
