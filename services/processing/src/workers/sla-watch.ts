import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { publish } from '@onestop/events';
import type { BackgroundWork, ServiceRuntime } from '@onestop/service-kit';
import { slaAt, type SlaState } from '../domain/clock';
import { ProcessingDossier } from '../persistence';
import { nowOf, type ProcessingDeps } from '../deps';

export const SLA_QUEUE = 'processing-sla';
/** Job ids and scheduler ids must not contain ':' (BullMQ). */
export const SLA_SCHEDULER_ID = 'sla-sweep';
const BATCH = 500;

/**
 * The SLA watch: a BullMQ job scheduler runs a sweep every `slaSweepEveryMs`. A sweep looks at
 * running clocks (RECEIVED, PROCESSING) whose announced state may be stale, computes the state
 * against the statutory due date, and for each change stores it and publishes SlaChanged in one
 * transaction. Paused dossiers keep their state: their clock is stopped.
 */
export async function startSlaWatch(deps: ProcessingDeps, runtime: ServiceRuntime): Promise<BackgroundWork[]> {
  const queue = runtime.queues.queue(SLA_QUEUE);
  await queue.upsertJobScheduler(
    SLA_SCHEDULER_ID,
    { every: deps.slaSweepEveryMs, startDate: Date.now() + deps.slaSweepEveryMs },
    { name: 'sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  const worker = runtime.queues.worker(SLA_QUEUE, () => sweepSla(runtime.db, deps, runtime.logger), { concurrency: 1 });
  return [{ close: () => worker.close() }, { close: () => queue.close() }];
}

/** One sweep; returns the changes it announced. Exported for tests and operators. */
export async function sweepSla(
  db: DataSource,
  deps: ProcessingDeps,
  logger?: Logger,
): Promise<Array<{ dossierId: string; state: SlaState }>> {
  const calendar = await deps.calendar();
  const now = nowOf(deps);
  // A dossier due within one working day of office time from now is at least DUE_SOON.
  const horizon = calendar.addWorkingMinutes(now, calendar.minutesPerWorkingDay);
  const changes: Array<{ dossierId: string; state: SlaState }> = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{ id: string; statutory_due_at: Date; sla_state: SlaState; processing_centre_id: string }> =
      await db.query(
        `SELECT id, statutory_due_at, sla_state, processing_centre_id FROM dossier
        WHERE status IN ('RECEIVED', 'PROCESSING') AND id > $3
          AND ((statutory_due_at <= $1 AND (sla_state <> 'OVERDUE' OR statutory_due_at > $2)) OR (statutory_due_at > $1 AND sla_state <> 'ON_TRACK'))
        ORDER BY id LIMIT ${BATCH}`,
        [horizon, now, after],
      );
    for (const row of rows) {
      const state = slaAt(calendar, now, new Date(row.statutory_due_at)).state;
      if (state === row.sla_state) continue;
      const changed = await db.transaction(async (manager) => {
        // Guarded by the state read: a concurrent sweep (another worker) announces it once.
        const result = await manager
          .createQueryBuilder()
          .update(ProcessingDossier)
          .set({ slaState: state })
          .where('id = :id AND sla_state = :was', { id: row.id, was: row.sla_state })
          .execute();
        if (!result.affected) return false;
        await publish(
          manager,
          'SlaChanged',
          row.id,
          {
            dossierId: row.id,
            state,
            at: now.toISOString(),
            statutoryDueAt: new Date(row.statutory_due_at).toISOString(),
            processingCentreId: row.processing_centre_id,
          },
          { occurredAt: now },
        );
        return true;
      });
      if (changed) changes.push({ dossierId: row.id, state });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  if (changes.length) logger?.info({ changes: changes.length }, 'SLA states changed');
  return changes;
}
