import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A component of a dossier, satisfied by a record: uploaded with it, or reused from earlier. */
@Entity({ name: 'dossier_component' })
export class DossierComponent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text', name: 'component_code' })
  componentCode: string;

  @Column({ type: 'uuid', name: 'record_id' })
  recordId: string;

  @Column({ type: 'boolean' })
  reused: boolean;

  /** Added by a supplementation (bổ sung) rather than at reception. */
  @Column({ type: 'boolean', default: false })
  supplement: boolean;

  @Column({ type: 'timestamptz', name: 'added_at', default: () => 'now()' })
  addedAt: Date;
}
