import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A service's outbox, in its own schema: written in the same transaction as the change it
 * announces, moved to the subscribers' queues by the relay, and kept afterwards as the
 * durable event log that statistics can be rebuilt from.
 */
@Entity({ name: 'outbox' })
@Index('outbox_pending', ['sequence'], { where: 'relayed_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  sequence: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text', name: 'aggregate_id' })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'text', name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'text', name: 'trace_parent', nullable: true })
  traceParent: string | null;

  @Column({ type: 'timestamptz', name: 'relayed_at', nullable: true })
  relayedAt: Date | null;
}
