import { DossierFact } from '../persistence';
import type { StatisticsContext } from '../deps';

export const DossierType = {
  __resolveReference: (ref: { id: string }) => ref,
  outcome: async (d: { id: string }, _: unknown, ctx: StatisticsContext) =>
    (await ctx.db.getRepository(DossierFact).findOneBy({ dossierId: d.id }))?.outcome ?? null,
};
