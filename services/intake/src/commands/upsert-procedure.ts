import { publish } from '@onestop/events';
import { badInput, checkLength, conflict, isUniqueViolation } from '@onestop/service-kit';
import { procedureProblems, type ProcedureDraft } from '../domain/procedure-catalogue';
import type { Procedure } from '../persistence';
import { addProcedureVersion } from '../persistence/procedures';
import type { IntakeContext } from '../deps';
import { authorizeProvinceWide } from '../resolvers/access';

/** Each upsert adds a version; dossiers point at the version they were received under, so their due dates never move. */
export async function upsertProcedure(ctx: IntakeContext, input: ProcedureDraft): Promise<Procedure> {
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
  const components = (input.components ?? []).map((c) => ({
    code: c.code.trim(),
    name: c.name.trim(),
    required: c.required,
    documentType: c.documentType.trim(),
  }));
  try {
    return await ctx.db.transaction(async (manager) => {
      const procedure = await addProcedureVersion(manager, {
        code: input.code,
        name: input.name.trim(),
        sector: input.sector.trim(),
        levels: input.levels,
        feeVnd: input.feeVnd,
        timeAmount: input.processingTime.amount,
        timeUnit: input.processingTime.unit,
        components,
      });
      await publish(
        manager,
        'ProcedureChanged',
        procedure.id,
        {
          procedureId: procedure.id,
          code: procedure.code,
          name: procedure.name,
          sector: procedure.sector,
          levels: procedure.levels,
          version: procedure.version,
          processingTime: input.processingTime,
          feeVnd: procedure.feeVnd,
          components,
        },
        { correlationId: ctx.correlationId },
      );
      return procedure;
    });
  } catch (err) {
    // Two first versions of the same code at once: the loser retries as an edit.
    if (isUniqueViolation(err)) throw conflict(`Procedure ${input.code} was changed at the same time; try again`);
    throw err;
  }
}
