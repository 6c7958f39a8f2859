import type { Outcome } from './types';
import { instantMs, localDayOfMs } from './time';

/** Compared by calendar day in Asia/Ho_Chi_Minh: resolved before the due day = EARLY, on it = ON_TIME, after = LATE. */
export function outcome(resolvedAt: Date, dueAt: Date): Outcome {
  const resolved = localDayOfMs(instantMs(resolvedAt, 'resolvedAt'));
  const due = localDayOfMs(instantMs(dueAt, 'dueAt'));
  return resolved < due ? 'EARLY' : resolved === due ? 'ON_TIME' : 'LATE';
}
