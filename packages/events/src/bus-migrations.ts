import { AwaitedEvents1764000009000 } from './awaited-events.migration';
import { BusTables1764000000000 } from './bus-tables.migration';
import { OutboxCreatedAt1764000019000 } from './outbox-created-at.migration';

/** The bus's tables in a service's schema (outbox, inbox, awaited events), before the service's own migrations. */
export const BUS_MIGRATIONS = [BusTables1764000000000, AwaitedEvents1764000009000, OutboxCreatedAt1764000019000];
