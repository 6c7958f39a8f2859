import { publish } from '@onestop/events';
import { badInput, checkLength, conflict, isUniqueViolation, notFound } from '@onestop/service-kit';
import { procedureProblems, type ProcedureDraft } from '../domain/procedure-catalogue';
import { Centre, Procedure } from '../persistence';
import type { IntakeContext } from '../deps';
import { authorizeProvinceWide, isUuid } from './access';

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
  /** Each upsert adds a version; dossiers point at the version they were received under, so their due dates never move. */
  async upsertProcedure(_: unknown, { input }: { input: ProcedureDraft }, ctx: IntakeContext) {
    await authorizeProvinceWide(ctx, 'upsertProcedure');
    checkLength(input.code, 'code', 'code');
    checkLength(input.name, 'name', 'name');
    checkLength(input.sector, 'sector', 'name');
    for (const c of input.components ?? []) {
      checkLength(c.code, 'components.code', 'code');
      checkLength(c.name, 'components.name', 'name');
      checkLength(c.documentType, 'components.documentType', 'code');
    }
    if (input.feeVnd > 1_000_000_000) throw badInput('feeVnd is at most 1,000,000,000 đồng', { field: 'feeVnd' });
    const problems = procedureProblems(input);
    if (problems.length) throw badInput(`Invalid procedure: ${problems.join('; ')}`, { problems });
    const components = (input.components ?? []).map((c) => ({ code: c.code.trim(), name: c.name.trim(), required: c.required, documentType: c.documentType.trim() }));
    try {
      return await ctx.db.transaction(async (manager) => {
        const previous = await manager.findOne(Procedure, { where: { code: input.code, current: true }, lock: { mode: 'pessimistic_write' } });
        if (previous) await manager.update(Procedure, { id: previous.id }, { current: false });
        const procedure = await manager.save(manager.create(Procedure, {
          code: input.code, name: input.name.trim(), sector: input.sector.trim(), levels: input.levels, feeVnd: input.feeVnd,
          timeAmount: input.processingTime.amount, timeUnit: input.processingTime.unit, components,
          version: (previous?.version ?? 0) + 1, current: true,
        }));
        await publish(manager, 'ProcedureChanged', procedure.id, {
          procedureId: procedure.id, code: procedure.code, name: procedure.name, sector: procedure.sector,
          levels: procedure.levels, version: procedure.version, processingTime: input.processingTime, feeVnd: procedure.feeVnd, components,
        }, { correlationId: ctx.correlationId });
        return procedure;
      });
    } catch (err) {
      // Two first versions of the same code at once: the loser retries as an edit.
      if (isUniqueViolation(err)) throw conflict(`Procedure ${input.code} was changed at the same time; try again`);
      throw err;
    }
  },
};
