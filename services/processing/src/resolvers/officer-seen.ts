import { STEP_ROLES, type StepRole } from '../domain/workflow';
import { recordOfficer } from '../persistence/officers';
import { nowOf, type ProcessingContext } from '../deps';

/**
 * The officer directory fills itself: an officer of a step role whose token reaches processing
 * is recorded once per process (and again when their name, role or centre changes), not once per request.
 */
const seen = new Set<string>();

async function seeOfficer(ctx: ProcessingContext): Promise<void> {
  const c = ctx.caller;
  if (!c?.centre || !STEP_ROLES.includes(c.role as StepRole)) return;
  const key = `${c.id}\u0000${c.name}\u0000${c.role}\u0000${c.centre}`;
  if (seen.has(key)) return;
  const centre = await ctx.deps.centres.byCode(c.centre);
  if (!centre) return; // a token naming no centre of the platform is refused by the operation itself
  await recordOfficer(
    ctx.db.manager,
    { id: c.id, name: c.name, role: c.role as StepRole, centreId: centre.id },
    nowOf(ctx.deps),
  );
  seen.add(key);
}

type Resolver = (parent: unknown, args: any, ctx: ProcessingContext, info: any) => unknown;

/** The root fields, each first recording its caller in the officer directory. */
export function seeingOfficers<T extends Record<string, Resolver>>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).map(([name, resolve]) => [
      name,
      async (parent: unknown, args: unknown, ctx: ProcessingContext, info: unknown) => {
        if (ctx?.db) await seeOfficer(ctx).catch((err) => ctx.logger?.warn({ err }, 'could not record the officer'));
        return resolve(parent, args, ctx, info);
      },
    ]),
  ) as T;
}
