import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LATEST_VERSION, type EventType, type LatestPayload } from './catalogue';
import { activeTraceParent } from './tracing';

export interface PublishOptions {
  correlationId?: string | null;
  occurredAt?: Date;
  /** Fixed id, for callers that must know it before commit. */
  id?: string;
}

/**
 * Writes an event to the service's outbox through the caller's transaction: the event exists
 * if and only if the change it announces was committed (rule 3).
 */
export async function publish<T extends EventType>(
  manager: EntityManager,
  type: T,
  aggregateId: string,
  payload: LatestPayload<T>,
  opts: PublishOptions = {},
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publish(${type}) must run inside the transaction of the change it announces`);
  }
  const id = opts.id ?? randomUUID();
  await manager.query(
    `INSERT INTO outbox (id, type, version, aggregate_id, payload, correlation_id, occurred_at, trace_parent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      type,
      LATEST_VERSION[type],
      aggregateId,
      JSON.stringify(payload),
      opts.correlationId ?? null,
      opts.occurredAt ?? new Date(),
      activeTraceParent(),
    ],
  );
  return id;
}
