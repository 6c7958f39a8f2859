import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LATEST_VERSION, type EventType, type LatestPayload } from './catalogue';
import { activeTraceParent } from './tracing';

export type OutgoingEvent = {
  [T in EventType]: { type: T; aggregateId: string; payload: LatestPayload<T>; occurredAt?: Date; id?: string };
}[EventType];

/**
 * Like publish(), for many events in one statement (bulk work such as a historical import):
 * the rows get outbox sequences in the order given, so a consumer meets them in that order.
 */
export async function publishMany(
  manager: EntityManager,
  events: readonly OutgoingEvent[],
  opts: { correlationId?: string | null } = {},
): Promise<string[]> {
  if (!manager.queryRunner?.isTransactionActive)
    throw new Error('publishMany must run inside the transaction of the change it announces');
  if (events.length === 0) return [];
  const ids = events.map((e) => e.id ?? randomUUID());
  const now = new Date();
  await manager.query(
    `INSERT INTO outbox (id, type, version, aggregate_id, payload, correlation_id, occurred_at, trace_parent)
     SELECT id, type, version, aggregate_id, payload::jsonb, $6, occurred_at, $8
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $7::timestamptz[])
            WITH ORDINALITY AS e(id, type, version, aggregate_id, payload, occurred_at, n)
      ORDER BY n`,
    [
      ids,
      events.map((e) => e.type),
      events.map((e) => LATEST_VERSION[e.type]),
      events.map((e) => e.aggregateId),
      events.map((e) => JSON.stringify(e.payload)),
      opts.correlationId ?? null,
      events.map((e) => (e.occurredAt ?? now).toISOString()),
      activeTraceParent(),
    ],
  );
  return ids;
}
