import { DelayedError, type Job } from 'bullmq';

/** What a delivery worker needs of its job. */
export type WorkerJob<T> = Pick<Job<T>, 'data' | 'attemptsMade' | 'opts' | 'timestamp' | 'moveToDelayed'>;

const GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * Jobs are added inside the transaction that writes what they work on (so a committed change
 * always has its job), which means a job may start before that transaction commits. Such a job
 * is put back for a moment without spending one of its attempts (BullMQ's DelayedError); one whose
 * transaction never committed (it rolled back) is dropped after ten minutes.
 */
export async function awaitCommit(job: WorkerJob<unknown>, token: string | undefined, what: string): Promise<string> {
  if (Date.now() - job.timestamp > GIVE_UP_AFTER_MS || !token) return `dropped: ${what} was never committed`;
  await job.moveToDelayed(Date.now() + 100, token);
  throw new DelayedError(`${what} is not committed yet`);
}
