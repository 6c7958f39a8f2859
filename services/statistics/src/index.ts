import { join } from 'node:path';
import { loadSchema, type ServiceDefinition } from '@onestop/service-kit';
import { createStatisticsDeps, type StatisticsDeps } from './deps';
import { statisticsHandlers } from './events/handlers';
import { entities, migrations } from './persistence';
import { resolvers } from './resolvers';
import { csvExportRoutes } from './routes/csv-export';

/** Statistics (thống kê): read models fed only by events, and the province's II.06a report. */
export const statisticsService: ServiceDefinition<StatisticsDeps> = {
  name: 'statistics',
  typeDefs: loadSchema(join(__dirname, 'schema.graphql')),
  resolvers,
  entities,
  migrations,
  createDeps: createStatisticsDeps,
  handlers: statisticsHandlers,
  routes: csvExportRoutes,
};

export { statisticsHandlers, createStatisticsDeps };
export { buildReport, type Report, type ReportRow, type GroupBy } from './report/report';
