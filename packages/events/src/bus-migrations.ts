import { AwaitedEvents1764000009000 } from './awaited-events.migration';
import { BusTables1764000000000 } from './bus-tables.migration';
import { OutboxCreatedAt1764000019000 } from './outbox-created-at.migration';
import { OutboxTraceParent1764000020000 } from './outbox-trace-parent.migration';

/** The bus's tables in a service's schema (outbox, inbox, awaited events, the outbox's creation time and trace context), before the service's own migrations. */
export const BUS_MIGRATIONS = [
  BusTables1764000000000,
  AwaitedEvents1764000009000,
  OutboxCreatedAt1764000019000,
  OutboxTraceParent1764000020000,
];
