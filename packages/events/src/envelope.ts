import type { EventType, ServiceName } from './catalogue';

/** What travels on the bus: the event and where it came from. */
export interface EventEnvelope<P = unknown> {
  /** Unique id; consumers record it to apply each event once. */
  id: string;
  type: EventType;
  version: number;
  /** Position in the source's outbox: increasing per source. */
  sequence: number;
  source: ServiceName;
  /** The dossier, centre or procedure the event is about. */
  aggregateId: string;
  occurredAt: string;
  /** When the outbox row was written (the database's clock), set by the relay: the event lag is measured from it. */
  createdAt?: string;
  /** Follows a request from the gateway into the events it causes. */
  correlationId: string | null;
  /** The W3C traceparent of the relay's span, when the request that caused the event was traced (tracing.ts). */
  traceparent?: string;
  payload: P;
}
