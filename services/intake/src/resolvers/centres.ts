import { createCentre, moveCentre, renameCentre, type CentreInput } from '../commands/centres';
import { Centre } from '../persistence';
import type { IntakeContext } from '../deps';

export const centreQueries = {
  centres: (_: unknown, __: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(Centre).find({ order: { code: 'ASC' } }),
};

export const centreMutations = {
  createCentre: (_: unknown, { input }: { input: CentreInput }, ctx: IntakeContext) => createCentre(ctx, input),
  moveCentre: (
    _: unknown,
    { centreId, parentId }: { centreId: string; parentId?: string | null },
    ctx: IntakeContext,
  ) => moveCentre(ctx, centreId, parentId),
  renameCentre: (_: unknown, { centreId, name }: { centreId: string; name: string }, ctx: IntakeContext) =>
    renameCentre(ctx, centreId, name),
};
