import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationChannel, NotificationKind } from '../../domain/templates';

/** NOT_SENT: no transport is configured for its channel (or the channel is off); last_error says which. */
export type NotificationStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'NOT_SENT';

/**
 * One message to the applicant (thông báo), sent by a BullMQ job whose id is this row's id. The
 * row is the truth about it: SENT is recorded here, and a job run again after a crash skips a
 * SENT row, so the applicant gets it once in effect.
 */
@Entity({ name: 'notification' })
@Index('notification_dossier', ['dossierId'])
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid', name: 'dossier_id' })
  dossierId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** The SMS gateway's id of the accepted message, to poll its delivery receipt. */
  @Column({ type: 'text', name: 'provider_message_id', nullable: true })
  providerMessageId: string | null;

  /** When the delivery receipt said the handset got it. */
  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  /** Sends under a key of their own (domain/idempotency.ts): 0, then one more per resend after the gateway had accepted it. */
  @Column({ type: 'int', default: 0 })
  series: number;
}
