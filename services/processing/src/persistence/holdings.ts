import type { EntityManager } from 'typeorm';
import { HoldingRow } from './entities/holding.entity';

/** The control slip's holders (holding): who held a dossier at which step, from when until when. */

export interface NewHolding {
  dossierId: string;
  stepCode: string;
  branchCode?: string | null;
  officerId: string | null;
  centreId: string;
  from: Date;
  rework: boolean;
}

export async function openHolding(manager: EntityManager, h: NewHolding): Promise<void> {
  await manager.query(
    `INSERT INTO holding (dossier_id, step_code, branch_code, officer_id, centre_id, from_at, rework) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [h.dossierId, h.stepCode, h.branchCode ?? null, h.officerId, h.centreId, h.from, h.rework],
  );
}

/** Ends the open holdings of a dossier (of one branch, when given; of every branch and step when not). */
export async function closeHoldings(
  manager: EntityManager,
  dossierId: string,
  at: Date,
  branchCode?: string | null,
): Promise<void> {
  await manager.query(
    `UPDATE holding SET until_at = $2 WHERE dossier_id = $1 AND until_at IS NULL ${branchCode === undefined ? '' : 'AND branch_code IS NOT DISTINCT FROM $3'}`,
    branchCode === undefined ? [dossierId, at] : [dossierId, at, branchCode],
  );
}

export async function openHoldingOf(
  manager: EntityManager,
  dossierId: string,
  branchCode: string | null,
): Promise<HoldingRow | null> {
  return manager
    .createQueryBuilder(HoldingRow, 'h')
    .where('h.dossier_id = :dossierId AND h.until_at IS NULL', { dossierId })
    .andWhere(branchCode === null ? 'h.branch_code IS NULL' : 'h.branch_code = :branchCode', { branchCode })
    .orderBy('h.id', 'DESC')
    .getOne();
}

export function holdingsOf(manager: EntityManager, dossierId: string): Promise<HoldingRow[]> {
  return manager.find(HoldingRow, { where: { dossierId }, order: { id: 'ASC' } });
}
