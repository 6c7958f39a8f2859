import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One read of a digital record's content ("who looked at my documents"): who read it, in which
 * role and centre, for which dossier, and why. Append-only; the owner and ADMIN read it back.
 */
@Entity({ name: 'record_access' })
export class RecordAccess {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'record_id' })
  recordId: string;

  /** The dossier the record came from (its source), when it has one. */
  @Column({ type: 'uuid', name: 'dossier_id', nullable: true })
  dossierId: string | null;

  @Column({ type: 'text', name: 'reader_id' })
  readerId: string;

  @Column({ type: 'text', name: 'reader_name' })
  readerName: string;

  @Column({ type: 'text', name: 'reader_role' })
  readerRole: string;

  /** The reader's centre code; null for the citizen who owns the record. */
  @Column({ type: 'text', name: 'reader_centre', nullable: true })
  readerCentre: string | null;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
