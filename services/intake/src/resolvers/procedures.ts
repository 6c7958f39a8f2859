import { notFound } from '@onestop/service-kit';
import { upsertProcedure } from '../commands/upsert-procedure';
import type { ProcedureDraft } from '../domain/procedure-catalogue';
import { Centre, Procedure } from '../persistence';
import type { IntakeContext } from '../deps';
import { isUuid } from './access';

export const procedureQueries = {
  /** The current versions; with centreId, those whose levels include the centre's level. */
  async procedures(_: unknown, { centreId }: { centreId?: string | null }, ctx: IntakeContext) {
    const current = await ctx.db.getRepository(Procedure).find({ where: { current: true }, order: { code: 'ASC' } });
    if (!centreId) return current;
    const centre = isUuid(centreId) ? await ctx.db.getRepository(Centre).findOneBy({ id: centreId }) : null;
    if (!centre) throw notFound('Centre');
    return current.filter((p) => p.levels.includes(centre.level));
  },
};

export const procedureMutations = {
  upsertProcedure: (_: unknown, { input }: { input: ProcedureDraft }, ctx: IntakeContext) =>
    upsertProcedure(ctx, input),
};
