import { context, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { ServiceName } from './catalogue';
import type { EventEnvelope } from './envelope';

/**
 * The trace of a request follows its events across the asynchronous hop: publish() stores the
 * active span's W3C `traceparent` with the outbox row, the relay sends each row in a span that is
 * its child and puts that span's traceparent in the envelope, and each subscriber applies the
 * event in a span that is the relay span's child. Without tracing (no provider registered, see
 * service-kit's tracing.ts) these are the API's no-ops and the column stays null.
 */
const tracer = () => trace.getTracer('onestop-events');

/** The active trace as a `traceparent` value, for the outbox row; null when nothing is traced. */
export function activeTraceParent(): string | null {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/**
 * A producer span for each traced row the relay sends, child of the span that published it; the
 * envelope then carries the relay span's traceparent. `end` closes them once the batch is on the
 * queues (or failed).
 */
export function relaySpans(
  source: ServiceName,
  traced: Array<{ envelope: EventEnvelope; traceparent: string; subscribers: readonly ServiceName[] }>,
): { end(err?: unknown): void } {
  const spans: Span[] = [];
  for (const { envelope, traceparent, subscribers } of traced) {
    const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
    const span = tracer().startSpan(
      `relay ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'bullmq',
          'messaging.operation.type': 'send',
          'messaging.destination.name': subscribers.map((s) => `events-${s}`).join(','),
          'messaging.message.id': envelope.id,
          'onestop.source': source,
          'onestop.event.type': envelope.type,
        },
      },
      parent,
    );
    const carrier: { traceparent?: string } = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    // A relay that does not trace passes the publisher's own on, so that a subscriber that does continues it.
    envelope.traceparent = carrier.traceparent ?? traceparent;
    spans.push(span);
  }
  return {
    end(err?: unknown) {
      for (const span of spans) {
        if (err) span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        span.end();
      }
    },
  };
}

/** Applies an event inside a consumer span, child of the relay's span, so that its handler's SQL is traced under it. */
export function consuming<T>(service: ServiceName, event: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent });
  const span = tracer().startSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': `events-${service}`,
        'messaging.message.id': event.id,
        'onestop.subscriber': service,
        'onestop.event.type': event.type,
      },
    },
    parent,
  );
  return endingSpan(span, context.with(trace.setSpan(parent, span), work));
}

/** Ends the span when the work settles, recording a failure on it. */
export function endingSpan<T>(span: Span, work: Promise<T>): Promise<T> {
  return work.then(
    (value) => {
      span.end();
      return value;
    },
    (err) => {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      span.end();
      throw err;
    },
  );
}
