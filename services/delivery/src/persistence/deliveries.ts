import { RunReads } from '@onestop/events';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Delivery } from './entities/delivery.entity';

/** The columns a command may change on a delivery (its identity and the applicant's details are set at reception). */
export type DeliveryPatch = Partial<Pick<Delivery,
  'status' | 'counterFallback' | 'processingCentreId' | 'decision' | 'result' | 'readyAt' | 'returnedAt' | 'collectorName' | 'collectorIdentityNumber'>>;

export type NewDelivery = Pick<Delivery,
  'dossierId' | 'dossierCode' | 'procedureName' | 'receivingCentreId' | 'method' | 'status' | 'counterFallback' | 'address'
  | 'trackingNumber' | 'applicantIdentityNumber' | 'applicantName' | 'applicantPhone' | 'applicantEmail'>;

/** The deliveries of one transaction: read locked, and changed object and row together. */
export interface DeliveryStore {
  /** The delivery, its row locked to commit; null when delivery has not heard of the dossier (or parcel). */
  lock(where: { dossierId: string } | { trackingNumber: string }): Promise<Delivery | null>;
  /** A new delivery (at reception); the columns it leaves out read as null, as from its row. */
  insert(fields: NewDelivery): Promise<Delivery>;
  /** Writes the patch to the row and to the object the command holds, so the two never drift apart. */
  update(delivery: Delivery, patch: DeliveryPatch): Promise<void>;
  /** The dossier's code, for a notification handed back to an operator. */
  dossierCode(dossierId: string): Promise<string>;
}

/** The deliveries a run of events is about, read and locked in one statement when the run opens (the consumer's runWrites). */
export const runDeliveries = new RunReads<Delivery>({
  fetch: (manager, ids) => manager.find(Delivery, { where: { dossierId: In(ids) }, order: { dossierId: 'ASC' }, lock: { mode: 'pessimistic_write' } }),
  keyOf: (delivery) => delivery.dossierId,
  createdBy: 'DossierSubmitted',
});

export class SqlDeliveryStore implements DeliveryStore {
  constructor(private readonly manager: EntityManager) {}

  lock(where: { dossierId: string } | { trackingNumber: string }): Promise<Delivery | null> {
    const read = () => this.manager.findOne(Delivery, { where, lock: { mode: 'pessimistic_write' } });
    // an event consumer's run has read (and locked) its deliveries at once: served from there
    return 'dossierId' in where ? runDeliveries.find(this.manager, where.dossierId, read) : read();
  }

  async insert(fields: NewDelivery): Promise<Delivery> {
    const delivery = this.manager.create(Delivery, fields);
    await this.manager.insert(Delivery, delivery);
    runDeliveries.keepInserted(this.manager, Delivery, delivery);
    return delivery;
  }

  async update(delivery: Delivery, patch: DeliveryPatch): Promise<void> {
    Object.assign(delivery, patch);
    await this.manager.update(Delivery, { dossierId: delivery.dossierId }, patch as never);
  }

  async dossierCode(dossierId: string): Promise<string> {
    return (await this.manager.findOneByOrFail(Delivery, { dossierId })).dossierCode;
  }
}

/** Reads outside a command (resolvers, the download route): no lock. */
export function deliveryOf(db: DataSource | EntityManager, dossierId: string): Promise<Delivery | null> {
  return db.getRepository(Delivery).findOneBy({ dossierId });
}

/** Public tracking: the delivery status only. */
export async function deliveryStatusOf(db: DataSource, dossierId: string): Promise<Delivery['status'] | null> {
  const delivery = await db.getRepository(Delivery).findOne({ where: { dossierId }, select: { dossierId: true, status: true } });
  return delivery?.status ?? null;
}
