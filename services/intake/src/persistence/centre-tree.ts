import type { EntityManager } from 'typeorm';
import { Centre } from './entities/centre.entity';

/**
 * One change of the tree at a time: two concurrent moves could each pass the cycle check and
 * together close a loop, and two first centres could each find the tree empty.
 */
export async function lockCentreTree(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('intake.centre-tree'))`);
}

export async function centreTreeIsEmpty(manager: EntityManager): Promise<boolean> {
  return !(await manager.exists(Centre));
}
