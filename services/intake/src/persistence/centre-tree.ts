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

export function centreById(manager: EntityManager, id: string): Promise<Centre | null> {
  return manager.findOneBy(Centre, { id });
}

export function insertCentre(
  manager: EntityManager,
  centre: Pick<Centre, 'code' | 'name' | 'level' | 'parentId'>,
): Promise<Centre> {
  return manager.save(manager.create(Centre, centre));
}

export async function updateCentre(
  manager: EntityManager,
  centre: Centre,
  change: Partial<Pick<Centre, 'name' | 'parentId'>>,
): Promise<void> {
  Object.assign(centre, change);
  await manager.update(Centre, { id: centre.id }, change);
}
