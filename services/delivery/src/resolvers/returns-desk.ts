import { CentreDirectory, authorizeOn, isUuid, notFound, requireCaller } from '@onestop/service-kit';
import { returnsDeskDossierIds, type ReturnsQueue } from '../persistence';
import type { DeliveryContext } from '../deps';

const MAX = 200;

/**
 * The returns desk's lists: results waiting at the counter (collected in person, or parcels that
 * came back), parcels on their way, online results not yet downloaded. Whoever may hand a result
 * over at a centre (confirmPickup's cell of the matrix) may list that centre's.
 */
export async function returnsDesk(
  _: unknown,
  args: { queue: ReturnsQueue; centreId?: string | null; first?: number | null; offset?: number | null },
  ctx: DeliveryContext,
) {
  const caller = requireCaller(ctx);
  const centres = new CentreDirectory(ctx.db, 'centre_replica');
  const centre = args.centreId
    ? isUuid(args.centreId)
      ? await centres.byId(args.centreId)
      : null
    : caller.centre
      ? await centres.byCode(caller.centre)
      : null;
  if (!centre) throw notFound('Centre');
  await authorizeOn(centres, caller, 'confirmPickup', { centreIds: [centre.id] });
  const page = { first: Math.min(Math.max(args.first ?? 50, 1), MAX), offset: Math.max(args.offset ?? 0, 0) };
  return (await returnsDeskDossierIds(ctx.db, centre.id, args.queue, page)).map((id) => ({ id }));
}
