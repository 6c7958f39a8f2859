import type { OutgoingEvent } from '@onestop/events';
import { CentreDirectory, type Caller, type CentreRef } from '@onestop/service-kit';
import type { NotificationKind } from '../domain/templates';
import type { Delivery, Notification, PostalEvent, SatisfactionRating } from '../persistence';
import type { DeliveryStores, DeliveryUnitOfWork } from '../persistence/stores';

/** What the in-memory stores hold: the rows a command's outcome is read from in a unit test. */
export interface InMemoryState {
  deliveries: Map<string, Delivery>;
  postalEvents: Array<Pick<PostalEvent, 'dossierId' | 'trackingNumber' | 'status' | 'at' | 'note'>>;
  ratings: Map<string, SatisfactionRating>;
  notifications: Map<string, Notification>;
  /** Messages queued to applicants, by dossier and kind. */
  notified: Array<{ dossierId: string; kind: NotificationKind }>;
  requeued: string[];
  /** The outbox: what was announced. */
  published: OutgoingEvent[];
}

/** The centre replica in memory: a flat list of centres (no tree), enough for the cells the tests use. */
export class InMemoryCentres extends CentreDirectory {
  constructor(private readonly known: CentreRef[] = []) {
    super(null as never, 'centre_replica');
  }

  override async byId(id: string) {
    return this.known.find((c) => c.id === id) ?? null;
  }
  override async byCode(code: string) {
    return this.known.find((c) => c.code === code) ?? null;
  }
  override async relationOf(caller: Caller, centreId: string) {
    return this.known.find((c) => c.id === centreId)?.code === caller.centre
      ? ('OWN_CENTRE' as const)
      : ('OTHER_CENTRE' as const);
  }
}

/**
 * Delivery's stores in memory, for commands' unit tests. A transaction works on a copy of the
 * state and keeps it only when the work succeeds, so a refused command leaves nothing behind, as
 * PostgreSQL's rollback would.
 */
export class InMemoryDeliveryStores implements DeliveryUnitOfWork {
  constructor(readonly centres: CentreDirectory = new InMemoryCentres()) {}

  state: InMemoryState = {
    deliveries: new Map(),
    postalEvents: [],
    ratings: new Map(),
    notifications: new Map(),
    notified: [],
    requeued: [],
    published: [],
  };

  async transaction<T>(work: (stores: DeliveryStores) => Promise<T>): Promise<T> {
    const draft = structuredClone(this.state);
    const result = await work(this.storesOver(draft));
    this.state = draft;
    return result;
  }

  within(): DeliveryStores {
    return this.storesOver(this.state);
  }

  private storesOver(s: InMemoryState): DeliveryStores {
    return {
      deliveries: {
        async lock(where) {
          if ('dossierId' in where) return s.deliveries.get(where.dossierId) ?? null;
          return [...s.deliveries.values()].find((d) => d.trackingNumber === where.trackingNumber) ?? null;
        },
        async insert(fields) {
          const delivery = { ...fields } as Delivery;
          s.deliveries.set(delivery.dossierId, delivery);
          return delivery;
        },
        async update(delivery, patch) {
          Object.assign(delivery, patch);
        },
        async dossierCode(dossierId) {
          return s.deliveries.get(dossierId)!.dossierCode;
        },
      },
      postalEvents: {
        async record(event) {
          s.postalEvents.push(event);
        },
        async lastStatus(dossierId) {
          return s.postalEvents.filter((e) => e.dossierId === dossierId).at(-1)?.status;
        },
      },
      ratings: {
        async exists(dossierId) {
          return s.ratings.has(dossierId);
        },
        async insert(rating) {
          if (s.ratings.has(rating.dossierId)) throw Object.assign(new Error('duplicate key'), { code: '23505' });
          s.ratings.set(rating.dossierId, rating);
          return rating;
        },
        async insertImported(rating) {
          if (s.ratings.has(rating.dossierId)) return false;
          s.ratings.set(rating.dossierId, {
            ...rating,
            comment: null,
            takenAtCounter: false,
            recordedById: null,
            recordedByName: null,
          });
          return true;
        },
      },
      notifications: {
        async notify(delivery, kind) {
          s.notified.push({ dossierId: delivery.dossierId, kind });
        },
        async lock(id) {
          return s.notifications.get(id) ?? null;
        },
        async requeue(notification) {
          notification.status = 'QUEUED';
          s.requeued.push(notification.id);
        },
      },
      outbox: {
        async publish(type, aggregateId, payload, opts) {
          s.published.push({ type, aggregateId, payload, occurredAt: opts?.occurredAt } as OutgoingEvent);
        },
        async publishMany(events) {
          s.published.push(...events);
        },
      },
      centres: this.centres,
    };
  }
}
