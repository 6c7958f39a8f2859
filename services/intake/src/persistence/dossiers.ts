import type { EntityManager, Repository } from 'typeorm';
import { Applicant } from './entities/applicant.entity';
import { Dossier } from './entities/dossier.entity';

/** Intake's dossier rows: what reception, acceptance, refusal and supplementation read and write. */

export function dossierByIdempotencyKey(
  dossiers: Repository<Dossier>,
  idempotencyKey: string,
): Promise<Dossier | null> {
  return dossiers.findOneBy({ idempotencyKey });
}

/**
 * The next number of the centre's day. The upsert takes a row lock on (centre, day) that is held
 * to commit: concurrent receptions queue here, and a rolled-back reception gives its number back,
 * so the codes stay consecutive without gaps.
 */
export async function nextSequence(manager: EntityManager, centreId: string, day: string): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO dossier_sequence (centre_id, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (centre_id, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1 RETURNING last_value`,
    [centreId, day],
  );
  return row.last_value;
}

/** The dossier and its applicant, the dossier's row locked to commit. */
export async function lockDossierWithApplicant(
  manager: EntityManager,
  dossierId: string,
): Promise<{ dossier: Dossier; applicant: Applicant } | null> {
  const dossier = await manager.findOne(Dossier, { where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
  if (!dossier) return null;
  return { dossier, applicant: await manager.findOneByOrFail(Applicant, { id: dossier.applicantId }) };
}

export function lockDossier(manager: EntityManager, dossierId: string): Promise<Dossier> {
  return manager.findOneOrFail(Dossier, { where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
}

/** Writes the columns a transition changed (the entity already holds them). */
export async function saveTransition(
  manager: EntityManager,
  dossier: Dossier,
  columns: readonly (keyof Pick<
    Dossier,
    | 'status'
    | 'nationalStatusCode'
    | 'statusAt'
    | 'receivedAt'
    | 'receptionDay'
    | 'dueAt'
    | 'remainingWorkingMinutes'
    | 'requestedComponentCodes'
  >)[],
): Promise<void> {
  await manager.update(Dossier, { id: dossier.id }, Object.fromEntries(columns.map((c) => [c, dossier[c]])));
}
