import { authorize, authorizeOn, checkLength, isUuid, notFound, requireCaller } from '@onestop/service-kit';
import { authorizeCentre } from './access';

import { STEP_ROLES, type StepRole } from '../domain/workflow';
import { currentWorkflow } from '../persistence/workflows';
import { nowOf, type ProcessingContext } from '../deps';
import { deadlineBounds, type InboxFilter } from '../domain/inbox';
import { assignedTo, inboxFirst, inboxPage } from '../persistence/inbox';
import { officersOf } from '../persistence/officers';
import { officerView } from './officer';

const INBOX_DEFAULT = 50;
const INBOX_MAX = 200;

export const Query = {
  /**
   * A centre's open dossiers (RECEIVED, PROCESSING) whose current step is the caller's role,
   * most urgent first: the earliest current-step due time, so overdue steps come first. ADMIN
   * and OBSERVER see every role's. Served by the partial index dossier_inbox.
   */
  async inbox(
    _: unknown,
    args: { centreId?: string | null; first?: number | null; offset?: number | null },
    ctx: ProcessingContext,
  ) {
    const { centre, role } = await inboxOf(ctx, args.centreId);
    const limit = Math.min(Math.max(args.first ?? INBOX_DEFAULT, 1), INBOX_MAX);
    return inboxFirst(ctx.db.manager, { centreId: centre.id, role, limit, offset: Math.max(args.offset ?? 0, 0) });
  },

  /** The inbox with its filters applied here, its total, and the counts of the whole centre (persistence/inbox.ts). */
  async inboxPage(
    _: unknown,
    args: { centreId?: string | null; filter?: InboxFilter | null; first?: number | null; offset?: number | null },
    ctx: ProcessingContext,
  ) {
    const { centre, role } = await inboxOf(ctx, args.centreId);
    const filter = args.filter ?? {};
    checkLength(filter.procedureCode, 'filter.procedureCode', 'code');
    const bounds = deadlineBounds(await ctx.deps.calendar(), nowOf(ctx.deps));
    return inboxPage(ctx.db.manager, {
      centreId: centre.id,
      role,
      filter,
      ...bounds,
      limit: Math.min(Math.max(args.first ?? 20, 1), INBOX_MAX),
      offset: Math.max(args.offset ?? 0, 0),
    });
  },

  /** The open dossiers whose current step (or a branch) is assigned to the caller, most urgent first. */
  async myAssignedDossiers(
    _: unknown,
    args: { first?: number | null; offset?: number | null },
    ctx: ProcessingContext,
  ) {
    const caller = await authorizeOn(ctx.deps.centres, ctx.caller, 'myAssignedDossiers');
    const limit = Math.min(Math.max(args.first ?? INBOX_DEFAULT, 1), INBOX_MAX);
    return assignedTo(ctx.db.manager, caller.id, limit, Math.max(args.offset ?? 0, 0));
  },

  /** Officers of a centre (of a role) whom a step may be assigned to: those whose token has reached processing. */
  async officers(_: unknown, args: { centreId: string; role?: StepRole | null }, ctx: ProcessingContext) {
    requireCaller(ctx);
    const centre = isUuid(args.centreId) ? await ctx.deps.centres.byId(args.centreId) : null;
    if (!centre) throw notFound('Centre');
    await authorizeCentre(ctx, 'officers', centre.id);
    return (await officersOf(ctx.db.manager, centre.id, args.role ?? null)).map(officerView);
  },

  /** The template a new dossier of the procedure would start with: for signed-in users (the contract's token-less queries are the catalogue's and tracking). */
  workflow(_: unknown, { procedureCode }: { procedureCode: string }, ctx: ProcessingContext) {
    requireCaller(ctx);
    checkLength(procedureCode, 'procedureCode', 'code');
    return currentWorkflow(ctx.db.manager, procedureCode);
  },
};

/** The centre whose inbox is asked for (the caller's own by default), checked, and the step role it is listed for (null: every role's). */
async function inboxOf(ctx: ProcessingContext, centreId: string | null | undefined) {
  const caller = requireCaller(ctx);
  if (caller.role === 'CITIZEN') authorize(caller, 'inbox', 'ANY'); // FORBIDDEN: citizens have no centre
  const centre = centreId
    ? isUuid(centreId)
      ? await ctx.deps.centres.byId(centreId)
      : null
    : caller.centre
      ? await ctx.deps.centres.byCode(caller.centre)
      : null;
  if (!centre) throw notFound('Centre');
  await authorizeCentre(ctx, 'inbox', centre.id);
  return { centre, role: STEP_ROLES.includes(caller.role as StepRole) ? caller.role : null };
}
