import { publish } from '@onestop/events';
import { badInput, CentreDirectory, conflict, isUniqueViolation, notFound, requireCaller } from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import { centreCodeProblem, centreNameProblem, parentLevelProblem, wouldMakeCycle, type CentreLevel } from '../domain/centre-tree';
import { Centre, centreTreeIsEmpty, lockCentreTree } from '../persistence';
import type { IntakeContext } from '../deps';
import { authorizeCentreMove, authorizeCentreRename, authorizeNewCentre, isUuid } from './access';

interface CentreInput { code: string; name: string; level: CentreLevel; parentId?: string | null }

async function findParent(manager: EntityManager, parentId: string | null | undefined): Promise<Centre | null> {
  if (!parentId) return null;
  const parent = isUuid(parentId) ? await manager.findOneBy(Centre, { id: parentId }) : null;
  if (!parent) throw notFound('Parent centre');
  return parent;
}

function publishCentre(manager: EntityManager, centre: Centre, correlationId: string) {
  return publish(manager, 'CentreChanged', centre.id,
    { centreId: centre.id, code: centre.code, name: centre.name, level: centre.level, parentId: centre.parentId },
    { correlationId });
}

export const centreQueries = {
  centres: (_: unknown, __: unknown, ctx: IntakeContext) => ctx.db.getRepository(Centre).find({ order: { code: 'ASC' } }),
};

export const centreMutations = {
  /** Inside the caller's subtree; a new root is a root ADMIN's (or, on an empty tree, the first centre's own ADMIN's). */
  async createCentre(_: unknown, { input }: { input: CentreInput }, ctx: IntakeContext) {
    requireCaller(ctx);
    const problem = centreCodeProblem(input.code) ?? centreNameProblem(input.name);
    if (problem) throw badInput(problem);
    try {
      return await ctx.db.transaction(async (manager) => {
        await lockCentreTree(manager);
        const parent = await findParent(manager, input.parentId);
        await authorizeNewCentre(ctx, new CentreDirectory(manager, 'centre'), parent, input.code, () => centreTreeIsEmpty(manager));
        const levelProblem = parent && parentLevelProblem(input.level, parent.level);
        if (levelProblem) throw badInput(levelProblem);
        const centre = await manager.save(manager.create(Centre, { code: input.code, name: input.name.trim(), level: input.level, parentId: parent?.id ?? null }));
        await publishCentre(manager, centre, ctx.correlationId);
        return centre;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`A centre with code ${input.code} exists`);
      throw err;
    }
  },

  /** The subtree moves with the centre; dossiers keep the centre and code they were received under. */
  async moveCentre(_: unknown, { centreId, parentId }: { centreId: string; parentId?: string | null }, ctx: IntakeContext) {
    requireCaller(ctx);
    return ctx.db.transaction(async (manager) => {
      await lockCentreTree(manager);
      const centre = isUuid(centreId) ? await manager.findOneBy(Centre, { id: centreId }) : null;
      if (!centre) throw notFound('Centre');
      const parent = await findParent(manager, parentId);
      const tree = new CentreDirectory(manager, 'centre');
      await authorizeCentreMove(ctx, tree, centre, parent);
      if (parent) {
        const chain = await tree.ancestors(parent.id);
        if (wouldMakeCycle(centre.id, chain.map((c) => c.id))) throw badInput('A centre cannot move under itself or one of its own descendants');
        const levelProblem = parentLevelProblem(centre.level, parent.level);
        if (levelProblem) throw badInput(levelProblem);
      }
      centre.parentId = parent?.id ?? null;
      await manager.update(Centre, { id: centre.id }, { parentId: centre.parentId });
      await publishCentre(manager, centre, ctx.correlationId);
      return centre;
    });
  },

  /** Within the caller's subtree; the code (the electronic agency code in every dossier code) stays. */
  async renameCentre(_: unknown, { centreId, name }: { centreId: string; name: string }, ctx: IntakeContext) {
    requireCaller(ctx);
    const problem = centreNameProblem(name);
    if (problem) throw badInput(problem);
    return ctx.db.transaction(async (manager) => {
      await lockCentreTree(manager);
      const centre = isUuid(centreId) ? await manager.findOneBy(Centre, { id: centreId }) : null;
      if (!centre) throw notFound('Centre');
      await authorizeCentreRename(ctx, new CentreDirectory(manager, 'centre'), centre);
      centre.name = name.trim();
      await manager.update(Centre, { id: centre.id }, { name: centre.name });
      await publishCentre(manager, centre, ctx.correlationId);
      return centre;
    });
  },
};
