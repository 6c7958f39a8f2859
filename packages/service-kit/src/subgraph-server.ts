import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type Router } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse, type DocumentNode, Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { unwrapResolverError } from '@apollo/server/errors';
import { CONTRACT_CODES, isLockTimeout } from './errors';
import { CORRELATION_HEADER, IDENTITY_HEADER, type Caller } from './identity';
import type { ServiceContext } from './context';
import { endWithJsonErrors, guardRequests } from './http-guard';
import type { PlatformMetrics } from './metrics';
import { traceOperations, traceRequests, tracingEnabled } from './tracing';

export function loadSchema(file: string): DocumentNode {
  return parse(readFileSync(file, 'utf8'));
}

export interface SubgraphServerOptions<D> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<ServiceContext<D>>;
  port: number;
  db: DataSource;
  deps: D;
  logger: Logger;
  verifyIdentity: (token: string) => Promise<Caller | undefined>;
  applied?: ServiceContext['applied'];
  /** Plain HTTP routes (printable receipts, downloads, CSV exports), behind the same identity check. */
  routes?: (router: Router) => void;
  /** Times requests and operations, counts errors by code. */
  metrics?: PlatformMetrics;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * One subgraph over HTTP: `/graphql` for the gateway, `/healthz` (alive) and `/readyz` (its
 * database answers). Every GraphQL request must carry the gateway's signed identity, except
 * federation's own `_service` query, which composition tools send.
 */
export async function startSubgraphServer<D>(opts: SubgraphServerOptions<D>): Promise<RunningServer> {
  const app = express();
  if (opts.metrics) app.use(opts.metrics.http);
  guardRequests(app);
  const httpServer = http.createServer(app);
  // Longer than the gateway's idle keep-alive (30 s): the client, not the server, closes idle sockets.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  // Spans only when this process exports traces (tracing.ts): otherwise not even a middleware.
  const traced = tracingEnabled();
  const server = new ApolloServer<ServiceContext<D>>({
    schema: buildSubgraphSchema([{ typeDefs: opts.typeDefs, resolvers: opts.resolvers as never }]),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      logUnexpectedErrors(opts.logger),
      ...(opts.metrics ? [opts.metrics.graphql] : []),
      ...(traced ? [traceOperations] : []),
    ],
    // A lock not granted within lock_timeout: another change of the same data holds it; the caller may try again.
    formatError: (formatted, error) =>
      isLockTimeout(unwrapResolverError(error))
        ? {
            ...formatted,
            message: 'Another change of the same data is under way; try again',
            extensions: { code: 'CONFLICT', reason: 'LOCK_TIMEOUT' },
          }
        : formatted,
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: opts.name }));
  app.get('/readyz', async (_req, res) => {
    try {
      await opts.db.query('SELECT 1');
      res.json({ status: 'ready', service: opts.name });
    } catch {
      res.status(503).json({ status: 'not ready', service: opts.name });
    }
  });

  const identify = async (req: express.Request) => {
    const correlationId = (req.headers[CORRELATION_HEADER] as string | undefined) ?? randomUUID();
    const token = req.headers[IDENTITY_HEADER] as string | undefined;
    if (!token) return { correlationId, caller: undefined, vouched: false };
    try {
      return { correlationId, caller: await opts.verifyIdentity(token), vouched: true };
    } catch {
      return { correlationId, caller: undefined, vouched: false };
    }
  };

  app.use(
    '/graphql',
    ...(traced ? [traceRequests(opts.name)] : []),
    express.json({ limit: '30mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const { correlationId, caller, vouched } = await identify(req);
        if (!vouched && !isServiceSdlQuery(req.body?.query)) {
          throw new GraphQLError('Requests must come through the gateway', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        // the child logger only for a resolver that logs (creating one costs a redaction of its bindings)
        let logger: Logger | undefined;
        return {
          caller,
          correlationId,
          db: opts.db,
          deps: opts.deps,
          applied: opts.applied,
          get logger() {
            return (logger ??= opts.logger.child({ correlationId }));
          },
        };
      },
    }),
  );

  if (opts.routes) {
    const router = express.Router();
    router.use(async (req, res, next) => {
      const { correlationId, caller, vouched } = await identify(req);
      if (!vouched) return void res.status(401).json({ error: 'Requests must come through the gateway' });
      res.locals.caller = caller;
      res.locals.correlationId = correlationId;
      next();
    });
    opts.routes(router);
    app.use('/', router);
  }
  endWithJsonErrors(app, opts.logger);

  await new Promise<void>((resolve) => httpServer.listen(opts.port, '0.0.0.0', resolve));
  const port = (httpServer.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: () => server.stop(),
  };
}

function isServiceSdlQuery(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const doc = parse(query);
    return doc.definitions.every(
      (d) =>
        d.kind === Kind.OPERATION_DEFINITION &&
        (d as OperationDefinitionNode).operation === OperationTypeNode.QUERY &&
        (d as OperationDefinitionNode).selectionSet.selections.every(
          (s) => s.kind === Kind.FIELD && ['_service', '__typename'].includes(s.name.value),
        ),
    );
  } catch {
    return false;
  }
}

/** An error without a contract code is a bug: log it with its stack, answer INTERNAL_SERVER_ERROR. */
function logUnexpectedErrors(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            const code = err.extensions?.code as string | undefined;
            if (code && (CONTRACT_CODES.includes(code) || code.startsWith('GRAPHQL_'))) continue;
            ((contextValue as ServiceContext)?.logger ?? logger).error(
              { err: err.originalError ?? err, path: err.path },
              'unexpected error',
            );
          }
        },
      };
    },
  };
}
