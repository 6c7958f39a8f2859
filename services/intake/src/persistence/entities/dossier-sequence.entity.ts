import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence number issued per centre and reception day: codes stay gap-free under concurrency. */
@Entity({ name: 'dossier_sequence' })
export class DossierSequence {
  @PrimaryColumn({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'int', name: 'last_value' })
  lastValue: number;
}
