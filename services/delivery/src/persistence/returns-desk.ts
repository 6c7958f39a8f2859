import { Brackets, type DataSource } from 'typeorm';
import { Delivery } from './entities/delivery.entity';

export type ReturnsQueue = 'COUNTER' | 'POST' | 'ONLINE';

/**
 * A centre's returns desk, oldest ready first: results waiting at the counter (collected in person,
 * or parcels that came back), parcels on their way, online results not yet downloaded.
 */
export async function returnsDeskDossierIds(
  db: DataSource,
  centreId: string,
  queue: ReturnsQueue,
  page: { first: number; offset: number },
): Promise<string[]> {
  const qb = db
    .getRepository(Delivery)
    .createQueryBuilder('d')
    .where('d.receiving_centre_id = :centre', { centre: centreId })
    .orderBy('d.ready_at', 'ASC', 'NULLS LAST')
    .addOrderBy('d.dossier_id', 'ASC')
    .limit(page.first)
    .offset(page.offset);
  if (queue === 'COUNTER') {
    qb.andWhere("d.status = 'READY'").andWhere(
      new Brackets((w) => w.where("d.method = 'COUNTER'").orWhere('d.counter_fallback')),
    );
  } else if (queue === 'POST') {
    qb.andWhere("d.method = 'POST'").andWhere("d.status IN ('BOOKING', 'BOOKED', 'ACCEPTED', 'IN_TRANSIT')");
  } else {
    qb.andWhere("d.method = 'ONLINE'").andWhere("d.status = 'READY'").andWhere('NOT d.counter_fallback');
  }
  return (await qb.getMany()).map((d) => d.dossierId);
}
