import { join } from 'node:path';
import { loadSchema, type ServiceDefinition } from '@onestop/service-kit';
import { createProcessingDeps, processingSettings, type ProcessingDeps, type ProcessingSettings } from './deps';
import { processingHandlers } from './events/handlers';
import { entities, migrations } from './persistence';
import { runDossiers } from './persistence/dossiers';
import { resolvers } from './resolvers';
import { processingGuards } from './resolvers/access';
import { slipRoutes } from './routes/slips';
import { startSlaWatch } from './workers/sla-watch';
import { processingMetrics } from './metrics';

/** Processing (xử lý): workflows, each dossier's lifecycle, deadlines, decisions and the audit trail. */
export const processingService: ServiceDefinition<ProcessingDeps, ProcessingSettings> = {
  name: 'processing',
  settings: processingSettings,
  typeDefs: loadSchema(join(__dirname, 'schema.graphql')),
  resolvers,
  guards: processingGuards,
  entities,
  migrations,
  createDeps: createProcessingDeps,
  handlers: processingHandlers,
  routes: (router, deps, runtime) => slipRoutes(router, deps, runtime.db, runtime),
  workers: (deps, runtime) => startSlaWatch(deps, runtime),
  // a run's dossiers read at once (an import's reception and history arrive side by side)
  runWrites: runDossiers,
  metrics: processingMetrics,
};
// For the platform tests that check statuses against the national codes (their entry point, not a deep import).
export { nationalStatusCode, type DossierStatus } from './domain/lifecycle';
