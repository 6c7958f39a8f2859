import type { DataSource, EntityManager } from 'typeorm';
import { PostalEvent } from './entities/postal-event.entity';

/** Every courier callback, including repeats and late ones. */
export interface PostalEventStore {
  record(event: Pick<PostalEvent, 'dossierId' | 'trackingNumber' | 'status' | 'at' | 'note'>): Promise<void>;
  /** The status of the parcel's latest callback, to tell a repeat from a step back. */
  lastStatus(dossierId: string): Promise<string | undefined>;
}

export class SqlPostalEventStore implements PostalEventStore {
  constructor(private readonly manager: EntityManager) {}

  async record(event: Pick<PostalEvent, 'dossierId' | 'trackingNumber' | 'status' | 'at' | 'note'>): Promise<void> {
    await this.manager.insert(PostalEvent, event);
  }

  async lastStatus(dossierId: string): Promise<string | undefined> {
    const last = await this.manager.findOne(PostalEvent, { where: { dossierId }, order: { id: 'DESC' } });
    return last?.status;
  }
}

export function postalEventsOf(db: DataSource, dossierId: string): Promise<PostalEvent[]> {
  return db.getRepository(PostalEvent).find({ where: { dossierId }, order: { at: 'ASC', id: 'ASC' } });
}
