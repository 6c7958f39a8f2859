import { CentreDirectory, authorizeOn, isUuid, notFound, requireCaller } from '@onestop/service-kit';
import { Brackets } from 'typeorm';
import { Delivery } from '../persistence';
import type { DeliveryContext } from '../deps';

type Queue = 'COUNTER' | 'POST' | 'ONLINE';

const MAX = 200;

/**
 * The returns desk's lists: results waiting at the counter (collected in person, or parcels that
 * came back), parcels on their way, online results not yet downloaded. Whoever may hand a result
 * over at a centre (confirmPickup's cell of the matrix) may list that centre's.
 */
export async function returnsDesk(_: unknown, args: { queue: Queue; centreId?: string | null; first?: number | null; offset?: number | null }, ctx: DeliveryContext) {
  const caller = requireCaller(ctx);
  const centres = new CentreDirectory(ctx.db, 'centre_replica');
  const centre = args.centreId ? (isUuid(args.centreId) ? await centres.byId(args.centreId) : null) : caller.centre ? await centres.byCode(caller.centre) : null;
  if (!centre) throw notFound('Centre');
  await authorizeOn(centres, caller, 'confirmPickup', { centreIds: [centre.id] });
  const qb = ctx.db.getRepository(Delivery).createQueryBuilder('d')
    .where('d.receiving_centre_id = :centre', { centre: centre.id })
    .orderBy('d.ready_at', 'ASC', 'NULLS LAST').addOrderBy('d.dossier_id', 'ASC')
    .limit(Math.min(Math.max(args.first ?? 50, 1), MAX)).offset(Math.max(args.offset ?? 0, 0));
  if (args.queue === 'COUNTER') {
    qb.andWhere("d.status = 'READY'").andWhere(new Brackets((w) => w.where("d.method = 'COUNTER'").orWhere('d.counter_fallback')));
  } else if (args.queue === 'POST') {
    qb.andWhere("d.method = 'POST'").andWhere("d.status IN ('BOOKING', 'BOOKED', 'ACCEPTED', 'IN_TRANSIT')");
  } else {
    qb.andWhere("d.method = 'ONLINE'").andWhere("d.status = 'READY'").andWhere('NOT d.counter_fallback');
  }
  const rows = await qb.getMany();
  return rows.map((d) => ({ id: d.dossierId }));
}
