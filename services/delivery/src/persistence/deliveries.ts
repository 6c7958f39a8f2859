import type { EventEnvelope, RunWrites } from '@onestop/events';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Delivery } from './entities/delivery.entity';

/** The columns a command may change on a delivery (its identity and the applicant's details are set at reception). */
export type DeliveryPatch = Partial<
  Pick<
    Delivery,
    | 'status'
    | 'counterFallback'
    | 'processingCentreId'
    | 'decision'
    | 'result'
    | 'readyAt'
    | 'returnedAt'
    | 'collectorName'
    | 'collectorIdentityNumber'
  >
>;

export type NewDelivery = Pick<
  Delivery,
  | 'dossierId'
  | 'dossierCode'
  | 'procedureName'
  | 'receivingCentreId'
  | 'method'
  | 'status'
  | 'counterFallback'
  | 'address'
  | 'trackingNumber'
  | 'applicantIdentityNumber'
  | 'applicantName'
  | 'applicantPhone'
  | 'applicantEmail'
>;

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

/** Dossiers are named by UUIDs; another aggregate (a centre's code) is no delivery to read. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The deliveries a run of events is about (the consumer's batch, one transaction), read and locked
 * in one statement when the run opens, and kept for the run: a command finds them in memory and
 * `update` changes the kept object with its row. Only a run has one: its transaction is all or
 * nothing, so nothing kept outlives a rollback.
 */
export class DeliveryRun {
  readonly kept = new Map<string, Delivery>();

  async read(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    // a reception creates its delivery: there is nothing to read for it
    const ids = [
      ...new Set(
        events.filter((e) => e.type !== 'DossierSubmitted' && UUID.test(e.aggregateId)).map((e) => e.aggregateId),
      ),
    ];
    if (ids.length === 0) return;
    const found = await manager.find(Delivery, {
      where: { dossierId: In(ids) },
      order: { dossierId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const delivery of found) this.kept.set(delivery.dossierId, delivery);
  }
}

/** The consumer's hooks: a run's context is its deliveries, read when it opens; nothing is left to write when it ends. */
export const deliveryRunWrites: RunWrites<DeliveryRun> = {
  async open(manager, events) {
    const run = new DeliveryRun();
    await run.read(manager, events);
    return run;
  },
  async flush() {},
};

export class SqlDeliveryStore implements DeliveryStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly run?: DeliveryRun,
  ) {}

  async lock(where: { dossierId: string } | { trackingNumber: string }): Promise<Delivery | null> {
    // an event consumer's run has read (and locked) its deliveries at once: served from there
    const kept = 'dossierId' in where ? this.run?.kept.get(where.dossierId) : undefined;
    const found = kept ?? (await this.manager.findOne(Delivery, { where, lock: { mode: 'pessimistic_write' } }));
    if (found) this.run?.kept.set(found.dossierId, found);
    return found;
  }

  async insert(fields: NewDelivery): Promise<Delivery> {
    const delivery = this.manager.create(Delivery, fields);
    await this.manager.insert(Delivery, delivery);
    if (this.run) {
      // kept as its row would be read: the columns it left out are null
      const values = delivery as unknown as Record<string, unknown>;
      for (const { propertyName } of this.manager.connection.getMetadata(Delivery).columns)
        values[propertyName] ??= null;
      this.run.kept.set(delivery.dossierId, delivery);
    }
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
  const delivery = await db
    .getRepository(Delivery)
    .findOne({ where: { dossierId }, select: { dossierId: true, status: true } });
  return delivery?.status ?? null;
}
