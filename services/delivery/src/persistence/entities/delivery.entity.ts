import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ResultDocumentV1 } from '@onestop/events';
import type { DeliveryMethod, DeliveryStatus } from '../../domain/delivery-state';

/**
 * The return of one dossier's result (trả kết quả). Created from DossierSubmitted with the
 * applicant's contact details (kept here only for notifications), made ready from DossierDecided.
 */
@Entity({ name: 'delivery' })
export class Delivery {
  @PrimaryColumn({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text', name: 'dossier_code' })
  dossierCode: string;

  @Column({ type: 'text', name: 'procedure_name', nullable: true })
  procedureName: string | null;

  @Column({ type: 'uuid', name: 'receiving_centre_id' })
  receivingCentreId: string;

  /** The centre processing it now (processing's DossierStatusChanged); null before the first change. */
  @Column({ type: 'uuid', name: 'processing_centre_id', nullable: true })
  processingCentreId: string | null;

  @Column({ type: 'text' })
  method: DeliveryMethod;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  /** A posted result that came back, or an online one without a document: it waits at the counter. */
  @Column({ type: 'boolean', name: 'counter_fallback', default: false })
  counterFallback: boolean;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text', name: 'tracking_number', nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'text', name: 'applicant_identity_number' })
  applicantIdentityNumber: string;

  @Column({ type: 'text', name: 'applicant_name' })
  applicantName: string;

  @Column({ type: 'text', name: 'applicant_phone', nullable: true })
  applicantPhone: string | null;

  @Column({ type: 'text', name: 'applicant_email', nullable: true })
  applicantEmail: string | null;

  @Column({ type: 'text', nullable: true })
  decision: 'APPROVED' | 'REJECTED' | null;

  @Column({ type: 'jsonb', nullable: true })
  result: ResultDocumentV1 | null;

  @Column({ type: 'timestamptz', name: 'ready_at', nullable: true })
  readyAt: Date | null;

  @Column({ type: 'timestamptz', name: 'booked_at', nullable: true })
  bookedAt: Date | null;

  @Column({ type: 'text', name: 'booking_error', nullable: true })
  bookingError: string | null;

  @Column({ type: 'timestamptz', name: 'returned_at', nullable: true })
  returnedAt: Date | null;

  /** Who collected the result at the counter (the applicant or someone they sent), as the officer recorded it. */
  @Column({ type: 'text', name: 'collector_name', nullable: true })
  collectorName: string | null;

  @Column({ type: 'text', name: 'collector_identity_number', nullable: true })
  collectorIdentityNumber: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
