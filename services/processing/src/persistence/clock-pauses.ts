import type { EntityManager } from 'typeorm';
import { ClockPause } from './entities/clock-pause.entity';

/** The clock's stops asked of the applicant (clock_pause): supplementation requests and financial obligations. */

export type NewClockPause = Pick<
  ClockPause,
  | 'dossierId'
  | 'kind'
  | 'reason'
  | 'componentCodes'
  | 'amountVnd'
  | 'centreId'
  | 'requestedAt'
  | 'requestedBy'
  | 'remainingMinutes'
>;

/** An imported supplementation period (historical import). */
export interface ImportedPause {
  reason: string;
  requestedAt: Date;
  remainingMinutes: number | null;
  resumedAt: Date | null;
}

export async function openPause(manager: EntityManager, pause: NewClockPause): Promise<void> {
  await manager.insert(ClockPause, pause);
}

/** The dossier's open pause ends: the clock runs again from `at`. */
export async function resumePauses(manager: EntityManager, dossierId: string, at: Date): Promise<void> {
  await manager.query(`UPDATE clock_pause SET resumed_at = $2 WHERE dossier_id = $1 AND resumed_at IS NULL`, [
    dossierId,
    at,
  ]);
}

/** An imported history's supplementation periods, in one statement. */
export async function insertImportedPauses(
  manager: EntityManager,
  dossier: { id: string; processingCentreId: string },
  pauses: readonly ImportedPause[],
): Promise<void> {
  if (!pauses.length) return;
  await manager.query(
    `INSERT INTO clock_pause (dossier_id, kind, reason, component_codes, centre_id, requested_at, requested_by, remaining_minutes, resumed_at)
     SELECT $1, 'SUPPLEMENT', reason, '{}', $2, requested_at, 'imported', remaining_minutes, resumed_at
       FROM unnest($3::text[], $4::timestamptz[], $5::float8[], $6::timestamptz[]) AS p(reason, requested_at, remaining_minutes, resumed_at)`,
    [
      dossier.id,
      dossier.processingCentreId,
      pauses.map((x) => x.reason),
      pauses.map((x) => x.requestedAt.toISOString()),
      pauses.map((x) => x.remainingMinutes),
      pauses.map((x) => x.resumedAt?.toISOString() ?? null),
    ],
  );
}
