import {
  publish,
  publishMany,
  type EventType,
  type LatestPayload,
  type OutgoingEvent,
  type PublishOptions,
} from '@onestop/events';
import { CentreDirectory } from '@onestop/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Notifier } from '../notifications/notifier';
import { SqlDeliveryStore, type DeliveryRun, type DeliveryStore } from './deliveries';
import { SqlNotificationStore, type NotificationStore } from './notifications';
import { SqlPostalEventStore, type PostalEventStore } from './postal-events';
import { SqlRatingStore, type RatingStore } from './ratings';

/** The events a transaction announces: written to the outbox with the change (packages/events). */
export interface EventOutbox {
  publish<T extends EventType>(
    type: T,
    aggregateId: string,
    payload: LatestPayload<T>,
    opts?: PublishOptions,
  ): Promise<void>;
  publishMany(events: readonly OutgoingEvent[]): Promise<void>;
}

/** Delivery's stores, all bound to one transaction: what a command reads, writes and announces. */
export interface DeliveryStores {
  deliveries: DeliveryStore;
  postalEvents: PostalEventStore;
  ratings: RatingStore;
  notifications: NotificationStore;
  outbox: EventOutbox;
  /** The centre replica, read in the same transaction (authorization). */
  centres: CentreDirectory;
}

/** Opens the one transaction of a command, or binds the stores to an event consumer's. */
export interface DeliveryUnitOfWork {
  /** The centre replica outside any transaction (authorization of operations that name no dossier). */
  centres: CentreDirectory;
  transaction<T>(work: (stores: DeliveryStores) => Promise<T>): Promise<T>;
  /** The stores over an event consumer's transaction, and its run's deliveries when it applies a run (the handler's `run`). */
  within(manager: EntityManager, run?: DeliveryRun): DeliveryStores;
}

export class SqlDeliveryUnitOfWork implements DeliveryUnitOfWork {
  readonly centres: CentreDirectory;

  constructor(
    private readonly db: DataSource,
    private readonly notifier: Notifier,
  ) {
    this.centres = new CentreDirectory(db, 'centre_replica');
  }

  transaction<T>(work: (stores: DeliveryStores) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(this.within(manager)));
  }

  within(manager: EntityManager, run?: DeliveryRun): DeliveryStores {
    return {
      deliveries: new SqlDeliveryStore(manager, run),
      postalEvents: new SqlPostalEventStore(manager),
      ratings: new SqlRatingStore(manager),
      notifications: new SqlNotificationStore(manager, this.notifier),
      outbox: {
        async publish(type, aggregateId, payload, opts) {
          await publish(manager, type, aggregateId, payload, opts);
        },
        async publishMany(events) {
          await publishMany(manager, events);
        },
      },
      centres: new CentreDirectory(manager, 'centre_replica'),
    };
  }
}
