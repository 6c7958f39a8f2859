/**
 * Dead letters for the administrators' page: an event job that exhausted its retries, as an
 * operator needs to see it (what, where, why, when), with the payload's personal data masked
 * like the logs and the queue dashboard. Pure: the caller hands in the job's fields and the mask.
 */
export type EventSubscriber = 'INTAKE' | 'PROCESSING' | 'DELIVERY' | 'STATISTICS';
export type ServiceName = 'intake' | 'processing' | 'delivery' | 'statistics';

export const serviceOf = (subscriber: EventSubscriber): ServiceName => subscriber.toLowerCase() as ServiceName;
export const subscriberOf = (service: ServiceName): EventSubscriber => service.toUpperCase() as EventSubscriber;

export interface DeadLetterJob {
  id?: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  failedReason?: string;
  finishedOn?: number;
  timestamp: number;
}

export interface FailedEventView {
  id: string;
  service: EventSubscriber;
  type: string;
  aggregateId: string | null;
  occurredAt: string | null;
  attempts: number;
  error: string;
  failedAt: string;
  payload: string;
}

/** A batch job's events, or the one event of a single job. */
function eventsOf(data: unknown): Array<Record<string, unknown>> {
  if (data && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events))
    return (data as { events: Array<Record<string, unknown>> }).events;
  return data && typeof data === 'object' ? [data as Record<string, unknown>] : [];
}

export function failedEventView(
  service: ServiceName,
  job: DeadLetterJob,
  mask: (value: unknown) => unknown,
): FailedEventView {
  const events = eventsOf(job.data);
  const first = events[0];
  const single = events.length === 1;
  const payload = single ? first.payload : events.map((e) => ({ id: e.id, type: e.type, payload: e.payload }));
  return {
    id: String(job.id ?? ''),
    service: subscriberOf(service),
    type: single && typeof first.type === 'string' ? first.type : job.name,
    aggregateId: single && typeof first.aggregateId === 'string' ? first.aggregateId : null,
    occurredAt: single && typeof first.occurredAt === 'string' ? first.occurredAt : null,
    attempts: job.attemptsMade,
    // An operator reads the first line; a stack stays in the logs.
    error: (job.failedReason ?? '').split('\n')[0].slice(0, 500),
    failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
    payload: JSON.stringify(mask(payload ?? null)).slice(0, 4000),
  };
}
