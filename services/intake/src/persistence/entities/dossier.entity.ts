import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A dossier as intake received it. `status`, `nationalStatusCode` and `dueAt` are intake's
 * replica of processing's canonical values: set by the reception that intake performs and
 * updated from processing's DossierStatusChanged events, so that intake's mutations answer
 * with the state they have just caused (the rule is written in services/intake/README.md).
 */
@Entity({ name: 'dossier' })
export class Dossier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'uuid', name: 'procedure_id' })
  procedureId: string;

  @Column({ type: 'uuid', name: 'centre_id' })
  centreId: string;

  @Column({ type: 'uuid', name: 'applicant_id' })
  applicantId: string;

  @Column({ type: 'text' })
  channel: 'COUNTER' | 'ONLINE' | 'POST';

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', name: 'received_at', nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'date', name: 'reception_day', nullable: true })
  receptionDay: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'int', name: 'national_status_code' })
  nationalStatusCode: number;

  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** When the replica's status last changed: an older event never overwrites a newer state. */
  @Column({ type: 'timestamptz', name: 'status_at' })
  statusAt: Date;

  @Column({ type: 'uuid', name: 'processing_centre_id', nullable: true })
  processingCentreId: string | null;

  /** Working time left when processing stopped the clock (supplementation), for the resumption. */
  @Column({ type: 'double precision', name: 'remaining_working_minutes', nullable: true })
  remainingWorkingMinutes: number | null;

  @Column({ type: 'text', array: true, name: 'requested_component_codes', nullable: true })
  requestedComponentCodes: string[] | null;

  @Column({ type: 'text', name: 'delivery_method' })
  deliveryMethod: 'COUNTER' | 'POST' | 'ONLINE';

  @Column({ type: 'text', name: 'delivery_address', nullable: true })
  deliveryAddress: string | null;

  @Column({ type: 'text', name: 'idempotency_key', nullable: true, unique: true })
  idempotencyKey: string | null;
}
