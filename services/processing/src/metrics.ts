import type { PlatformMetrics, ServiceRuntime } from '@onestop/service-kit';
import { deadlineBounds } from './domain/inbox';
import { deadlinesByCentre } from './persistence/deadline-counts';
import { nowOf, type ProcessingDeps } from './deps';

/** How stale the per-centre deadline counts may be: deadlines move by the minute, scrapes come every 15 s. */
const DEADLINES_MAX_AGE_MS = 30_000;

/**
 * Dossiers due soon and overdue per processing centre, for the operator's dashboard and the
 * overdue alert: counted when scraped (at most every 30 s), from the same bounds as the inbox.
 */
export function processingMetrics(metrics: PlatformMetrics, deps: ProcessingDeps, runtime: ServiceRuntime): void {
  const count = metrics.onScrape('deadlines', DEADLINES_MAX_AGE_MS, async () => {
    const rows = await deadlinesByCentre(runtime.db, deadlineBounds(await deps.calendar(), nowOf(deps)));
    dueSoon.reset();
    overdue.reset();
    for (const row of rows) {
      if (row.dueSoon) dueSoon.set({ centre: row.centre }, row.dueSoon);
      if (row.overdue) overdue.set({ centre: row.centre }, row.overdue);
    }
  });
  const dueSoon = metrics.gauge(
    'onestop_dossiers_due_soon',
    'Dossiers in processing (clock running) with one working day of office time or less left, by processing centre code',
    ['centre'],
    count,
  );
  const overdue = metrics.gauge(
    'onestop_dossiers_overdue',
    'Dossiers in processing (clock running) past their statutory due date, by processing centre code',
    ['centre'],
    count,
  );
}
