import { publish } from '@onestop/events';
import { badInput, CentreDirectory, conflict, isUniqueViolation, notFound, requireCaller } from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import {
  centreCodeProblem,
  centreNameProblem,
  parentLevelProblem,
  wouldMakeCycle,
  type CentreLevel,
} from '../domain/centre-tree';
import { Centre, centreTreeIsEmpty, lockCentreTree } from '../persistence';
import { centreById, insertCentre, updateCentre } from '../persistence/centre-tree';
import type { IntakeContext } from '../deps';
import { authorizeCentreMove, authorizeCentreRename, authorizeNewCentre, isUuid } from '../resolvers/access';

/** The centre tree (cơ cấu tổ chức): each change under the tree's lock, announced by CentreChanged. */

export interface CentreInput {
  code: string;
  name: string;
  level: CentreLevel;
  parentId?: string | null;
}

async function existingCentre(manager: EntityManager, id: string | null | undefined, what: string): Promise<Centre> {
  const centre = isUuid(id) ? await centreById(manager, id) : null;
  if (!centre) throw notFound(what);
  return centre;
}

function publishCentre(manager: EntityManager, centre: Centre, correlationId: string) {
  return publish(
    manager,
    'CentreChanged',
    centre.id,
    { centreId: centre.id, code: centre.code, name: centre.name, level: centre.level, parentId: centre.parentId },
    { correlationId },
  );
}

/** Inside the caller's subtree; a new root is a root ADMIN's (or, on an empty tree, the first centre's own ADMIN's). */
export async function createCentre(ctx: IntakeContext, input: CentreInput): Promise<Centre> {
  requireCaller(ctx);
  const problem = centreCodeProblem(input.code) ?? centreNameProblem(input.name);
  if (problem) throw badInput(problem);
  try {
    return await ctx.db.transaction(async (manager) => {
      await lockCentreTree(manager);
      const parent = input.parentId ? await existingCentre(manager, input.parentId, 'Parent centre') : null;
      await authorizeNewCentre(ctx, new CentreDirectory(manager, 'centre'), parent, input.code, () =>
        centreTreeIsEmpty(manager),
      );
      const levelProblem = parent && parentLevelProblem(input.level, parent.level);
      if (levelProblem) throw badInput(levelProblem);
      const centre = await insertCentre(manager, {
        code: input.code,
        name: input.name.trim(),
        level: input.level,
        parentId: parent?.id ?? null,
      });
      await publishCentre(manager, centre, ctx.correlationId);
      return centre;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A centre with code ${input.code} exists`);
    throw err;
  }
}

/** The subtree moves with the centre; dossiers keep the centre and code they were received under. */
export async function moveCentre(
  ctx: IntakeContext,
  centreId: string,
  parentId: string | null | undefined,
): Promise<Centre> {
  requireCaller(ctx);
  return ctx.db.transaction(async (manager) => {
    await lockCentreTree(manager);
    const centre = await existingCentre(manager, centreId, 'Centre');
    const parent = parentId ? await existingCentre(manager, parentId, 'Parent centre') : null;
    const tree = new CentreDirectory(manager, 'centre');
    await authorizeCentreMove(ctx, tree, centre, parent);
    if (parent) {
      const chain = await tree.ancestors(parent.id);
      if (
        wouldMakeCycle(
          centre.id,
          chain.map((c) => c.id),
        )
      )
        throw badInput('A centre cannot move under itself or one of its own descendants');
      const levelProblem = parentLevelProblem(centre.level, parent.level);
      if (levelProblem) throw badInput(levelProblem);
    }
    await updateCentre(manager, centre, { parentId: parent?.id ?? null });
    await publishCentre(manager, centre, ctx.correlationId);
    return centre;
  });
}

/** Within the caller's subtree; the code (the electronic agency code in every dossier code) stays. */
export async function renameCentre(ctx: IntakeContext, centreId: string, name: string): Promise<Centre> {
  requireCaller(ctx);
  const problem = centreNameProblem(name);
  if (problem) throw badInput(problem);
  return ctx.db.transaction(async (manager) => {
    await lockCentreTree(manager);
    const centre = await existingCentre(manager, centreId, 'Centre');
    await authorizeCentreRename(ctx, new CentreDirectory(manager, 'centre'), centre);
    await updateCentre(manager, centre, { name: name.trim() });
    await publishCentre(manager, centre, ctx.correlationId);
    return centre;
  });
}
