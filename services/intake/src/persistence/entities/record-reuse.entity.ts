import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One reuse of a digitised record: who used it, at which centre, for which dossier. */
@Entity({ name: 'record_reuse' })
export class RecordReuse {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'record_id' })
  recordId: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'text', name: 'officer_id' })
  officerId: string;

  @Column({ type: 'text', name: 'officer_name' })
  officerName: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
