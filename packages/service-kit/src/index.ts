export * from './errors';
export * from './identity';
export * from './context';
export { createLogger, describeError, errorLine, maskPersonalData, type Logger } from './logger';
export {
  openDatabase,
  guardSecondConnections,
  SecondConnectionError,
  DEFAULT_SESSION_TIMEOUTS,
  type DatabaseOptions,
  type SessionTimeouts,
} from './database';
export {
  preparePlatformDatabase,
  dropPlatformRoles,
  withClient,
  migrateService,
  grantServiceRole,
  appendOnlyTables,
  platformRoleNames,
  rolePasswordsFromEnv,
  QUEUE_SCHEMA,
  type PlatformDatabaseUrls,
  type PlatformRoleNames,
  type RolePasswords,
} from './database-roles';
export { Shutdown } from './shutdown';
export { startSubgraphServer, loadSchema, type RunningServer } from './subgraph-server';
export * from './service';
export { runServiceFromEnv, serviceConfigFromEnv } from './main';
export {
  ConfigError,
  parseEnv,
  checkEnv,
  envGroups,
  variablesOf,
  variable,
  checkedBy,
  ALWAYS,
  type Env,
} from './config';
export {
  processEnv,
  serviceEnv,
  parseServiceEnv,
  metricsConfigOf,
  tuningOf,
  LOG_LEVELS,
  type LogLevel,
  type ServiceEnv,
  type ServiceTuning,
} from './service-config';
export { dateTimeScalars } from './scalars';
export * from './centres';
export * from './calendar-days';
export * from './authorization';
export * from './validation';
export { catchingUp, awaitingEvent, CATCH_UP_MS } from './catch-up';
export { sqlColumns, type SqlColumn } from './sql-columns';
export {
  endWithJsonErrors,
  guardRequests,
  inputTextGuard,
  jsonErrors,
  refuseControlCharactersInBody,
  securityHeaders,
  MAX_ARGUMENT_LENGTH,
  STRICT_CSP,
} from './http-guard';
export * from './object-guards';
export { signToken, type TokenClaims } from './user-token';
export {
  startTracing,
  tracingConfigured,
  tracingEnabled,
  traceRequests,
  traceOperations,
  inSpan,
  type Tracing,
} from './tracing';
export {
  PlatformMetrics,
  startMetricsServer,
  metricsConfigFromEnv,
  knownOperationNames,
  poolUseOf,
  watchService,
  type MetricsConfig,
  type RunningMetricsServer,
  type PoolUse,
} from './metrics';
