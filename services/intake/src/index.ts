import { join } from 'node:path';
import { loadSchema, type ServiceDefinition } from '@onestop/service-kit';
import { createIntakeDeps, intakeSettings, type IntakeDeps, type IntakeSettings } from './deps';
import { intakeHandlers } from './events/handlers';
import { statusRunWrites } from './persistence/status-replica';
import { entities, migrations } from './persistence';
import { resolvers } from './resolvers';
import { intakeGuards } from './resolvers/access';
import { intakeRoutes } from './routes';

/** Intake (tiếp nhận): reference data, applicants, reception of dossiers and the digitised-records store. */
export const intakeService: ServiceDefinition<IntakeDeps, IntakeSettings> = {
  name: 'intake',
  settings: intakeSettings,
  typeDefs: loadSchema(join(__dirname, 'schema.graphql')),
  resolvers,
  guards: intakeGuards,
  entities,
  migrations,
  createDeps: createIntakeDeps,
  handlers: intakeHandlers,
  // an import's three or four status changes per dossier, one statement per run
  runWrites: statusRunWrites,
  routes: intakeRoutes,
};
