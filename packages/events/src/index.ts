export * from './catalogue';
export {
  PLATFORM_SERVICES,
  GATEWAY_PORT,
  GRAPHQL_PATH,
  defaultServicePort,
  serviceUrlVariable,
  servicePortVariable,
  serviceGraphqlUrl,
  serviceEntry,
} from './platform-services';
export * from './envelope';
export * from './dossier-status';
export { OutboxEvent } from './outbox-event.entity';
export { readEventLog, eventLogHeads, type ReadEventLogOptions } from './event-log';
export { ProcessedEvent } from './processed-event.entity';
export { BusTables1764000000000 } from './bus-tables.migration';
export { AwaitedEvents1764000009000 } from './awaited-events.migration';
export { OutboxCreatedAt1764000019000 } from './outbox-created-at.migration';
export { BUS_MIGRATIONS } from './bus-migrations';
export { publish, type PublishOptions } from './publish';
export { publishMany, type OutgoingEvent } from './publish-many';
export {
  QueueConnection,
  migrateQueueSchema,
  type QueueConnectionConfig,
  type QueueBackendName,
} from './queue-connection';
export {
  EventQueues,
  eventQueueName,
  EVENT_JOB_OPTIONS,
  EVENTS_PER_JOB,
  toJobs,
  isBatch,
  type EventJob,
  type EventBatch,
} from './event-queues';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { RunReads, RunGathering, oncePerTransaction, runWritesOf } from './run-reads';
export {
  upcast,
  currentVersion,
  UPCASTERS,
  UnknownEventVersionError,
  type Upcaster,
  type Upcasters,
} from './upcasting';
export {
  EventConsumer,
  NotReadyError,
  type EventHandlers,
  type EventHandler,
  type HandlerContext,
  type RunWrites,
} from './event-consumer';
export { AppliedEvents, appliedChannel, type Watch } from './applied-events';
export { OutboxTraceParent1764000020000 } from './outbox-trace-parent.migration';
export { activeTraceParent, endingSpan } from './tracing';
