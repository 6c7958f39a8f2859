import type { EntityManager } from 'typeorm';
import { Procedure } from './entities/procedure.entity';

/**
 * A procedure's versions: each change adds one and retires the current, under the current's row
 * lock, so that two editors make two versions one after the other.
 */
export async function addProcedureVersion(
  manager: EntityManager,
  draft: Omit<Procedure, 'id' | 'version' | 'current' | 'createdAt'>,
): Promise<Procedure> {
  const previous = await manager.findOne(Procedure, {
    where: { code: draft.code, current: true },
    lock: { mode: 'pessimistic_write' },
  });
  if (previous) await manager.update(Procedure, { id: previous.id }, { current: false });
  return manager.save(manager.create(Procedure, { ...draft, version: (previous?.version ?? 0) + 1, current: true }));
}
