import type { ProcessingStores } from '../persistence/stores';

/** What a command run for an event is given: the consumer's transaction as stores, and the event's correlation. */
export interface AppliedEvent {
  stores: ProcessingStores;
  correlationId: string | null;
  logger?: { warn(obj: object, msg: string): void };
}
