import type { EntityManager } from 'typeorm';
import { Apology } from './entities/apology.entity';

/** Apology and extension letters (apology), each with the appointment it moved. */

export type NewApology = Omit<Apology, 'id'>;

export async function addApology(manager: EntityManager, apology: NewApology): Promise<void> {
  await manager.insert(Apology, apology);
}
