import type { Job, JobsOptions, Queue } from 'bullmq';
import type { ServiceName } from './catalogue';
import type { EventEnvelope } from './envelope';
import type { QueueConnection } from './queue-connection';

/** Each subscribing service has one queue of events; the relay is its only producer. */
export const eventQueueName = (service: ServiceName) => `events-${service}`;

/**
 * What an event job carries: one event (its job id is the event id), or a run of consecutive
 * events from one relay batch, applied in order in one transaction. Batches keep a busy bus to
 * a few jobs and commits per hundred events; an event that fails in a batch is split off into a
 * job of its own, so retries, dead letters and replays stay per event.
 */
export type EventJob = EventEnvelope | EventBatch;
export interface EventBatch {
  events: EventEnvelope[];
}

export const EVENTS_PER_JOB = 100;

export const isBatch = (job: EventJob): job is EventBatch => Array.isArray((job as EventBatch).events);

/** Jobs for a subscriber's run of events, in order; ids are stable so a re-sent batch is recognised. */
export function toJobs(envelopes: EventEnvelope[]): Array<{ name: string; data: EventJob; opts: { jobId: string } }> {
  const jobs = [];
  for (let i = 0; i < envelopes.length; i += EVENTS_PER_JOB) {
    const run = envelopes.slice(i, i + EVENTS_PER_JOB);
    jobs.push(
      run.length === 1
        ? { name: run[0].type, data: run[0], opts: { jobId: run[0].id } }
        : { name: 'batch', data: { events: run }, opts: { jobId: `batch-${run[0].id}-${run.length}` } },
    );
  }
  return jobs;
}

/**
 * Delivery policy of every event job. The job id is the event id, so a relay that re-sends a
 * row after a crash adds nothing new; failed jobs are kept for the operator to list and replay.
 */
export const EVENT_JOB_OPTIONS: JobsOptions = {
  attempts: 30,
  backoff: { type: 'event', delay: 200 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
};

/**
 * Most retries of an event wait for another event to arrive first (NotReadyError), so the wait
 * doubles from `delay` but never exceeds 5 s: an event is dead-lettered after about two minutes of
 * trying, and one that waits for its predecessor is applied seconds, not minutes, after it.
 */
export function eventBackoff(attemptsMade: number, type?: string, delay = 200): number {
  if (type !== 'event') return -1;
  return Math.min(delay * 2 ** Math.max(0, attemptsMade - 1), 5_000);
}

export class EventQueues {
  private readonly queues = new Map<ServiceName, Queue<EventJob>>();

  constructor(
    private readonly connection: QueueConnection,
    private readonly jobOptions: JobsOptions = EVENT_JOB_OPTIONS,
  ) {}

  of(service: ServiceName): Queue<EventJob> {
    let queue = this.queues.get(service);
    if (!queue) {
      queue = this.connection.queue<EventJob>(eventQueueName(service), { defaultJobOptions: this.jobOptions });
      this.queues.set(service, queue);
    }
    return queue;
  }

  /** Events that exhausted their retries: the operator's dead letters. */
  failed(service: ServiceName, start = 0, end = 99): Promise<Job<EventJob>[]> {
    return this.of(service).getFailed(start, end);
  }

  /** Puts failed events back in line; returns how many. */
  async replay(service: ServiceName, eventIds?: string[]): Promise<number> {
    const failed = await this.failed(service, 0, -1);
    const chosen = eventIds ? failed.filter((job) => eventIds.includes(job.id!)) : failed;
    for (const job of chosen) await job.retry('failed');
    return chosen.length;
  }
}
