import { join } from 'node:path';
import { loadSchema, type ServiceDefinition } from '@onestop/service-kit';
import { createStatisticsDeps, type StatisticsDeps } from './deps';
import { statisticsHandlers } from './events/handlers';
import { statisticsRunWrites } from './persistence/stores';
import { entities, migrations } from './persistence';
import { resolvers } from './resolvers';
import { statisticsGuards } from './resolvers/access';
import { csvExportRoutes } from './routes/csv-export';

/** Statistics (thống kê): read models fed only by events, and the province's II.06a report. */
export const statisticsService: ServiceDefinition<StatisticsDeps> = {
  name: 'statistics',
  typeDefs: loadSchema(join(__dirname, 'schema.graphql')),
  resolvers,
  guards: statisticsGuards,
  entities,
  migrations,
  createDeps: createStatisticsDeps,
  handlers: statisticsHandlers,
  routes: csvExportRoutes,
  // Every event adds to the same counter rows (its centre's and its ancestors' for the day, month
  // and year): concurrent runs of events only waited for each other and deadlocked in a loop
  // (measured: 26 events/s under load). One run of up to 100 events at a time, in one transaction.
  consumerConcurrency: 1,
  // The run's context (persistence/stores.ts StatisticsRun): its facts read in one statement; its
  // fact changes, counter deltas, hourly traffic and procedure labels written once, before it commits.
  runWrites: statisticsRunWrites,
};

export { statisticsHandlers, createStatisticsDeps };
export { buildReport, type Report, type ReportRow, type GroupBy } from './persistence/report-reads';
