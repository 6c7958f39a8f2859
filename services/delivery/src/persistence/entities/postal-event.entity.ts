import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PostalEventStatus } from '../../domain/delivery-state';

/** A courier's callback about a parcel, kept even when it does not move the delivery (repeats, late arrivals). */
@Entity({ name: 'postal_event' })
@Index('postal_event_dossier', ['dossierId'])
export class PostalEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text', name: 'tracking_number' })
  trackingNumber: string;

  @Column({ type: 'text' })
  status: PostalEventStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
