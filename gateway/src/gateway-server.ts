import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Fetcher } from '@apollo/utils.fetcher';
import { CORRELATION_HEADER, IDENTITY_HEADER, createIdentitySigner, createLogger, type Caller } from '@onestop/service-kit';
import { composeSupergraph, readServiceSdl, type SubgraphLocation } from './compose';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { createUserTokenVerifier, InvalidTokenError, type UserTokenConfig } from './user-token';
import { proxyServiceRoutes } from './service-routes';
import { mountQueueDashboard } from './queue-dashboard';
import { armor, badInputIsNot500, bodyErrors, DEFAULT_LIMITS, rejectNulCharacters, trackingRateLimit, type RequestLimits } from './limits';
import { QueueConnection, type QueueConnectionConfig } from '@onestop/events';
import { mountSession } from './session';
import { servePortal } from './portal-routes';

export interface GatewayOptions extends UserTokenConfig {
  port: number;
  subgraphs: SubgraphLocation[];
  identityPrivateJwk: string;
  /** Introspection and stack traces off. */
  production?: boolean;
  /** BullMQ's connection, for the operators' queue dashboard at /admin/queues (omitted: no dashboard). */
  queue?: QueueConnectionConfig;
  /** Depth, aliases, tokens, cost, body size and public tracking per client; DEFAULT_LIMITS where omitted. */
  limits?: Partial<RequestLimits>;
  /** Express's `trust proxy` (e.g. 1 behind one load balancer), so that the rate limit sees the client's IP. */
  trustProxy?: boolean | number | string;
  /** The built portal to serve at / (default portal/dist); false: no portal. */
  portalDir?: string | false;
  /** The identity provider's sign-in page, for /auth/login in production. */
  loginUrl?: string;
}

export interface GatewayContext {
  caller?: Caller;
  correlationId: string;
  identity: string;
  /** The client's IP, for the per-client limits. */
  clientIp?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const CONTRACT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL_SERVER_ERROR']);

/** The only public entry: authenticates, plans across the four subgraphs, and serves their documents. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const logger = createLogger('gateway');
  const supergraphSdl = composeSupergraph(opts.subgraphs.map((s) => ({ ...s, sdl: readServiceSdl(s.name) })));
  const verifyUser = createUserTokenVerifier(opts);
  const signIdentity = await createIdentitySigner(opts.identityPrivateJwk);
  const { fetcher, close: closeFetcher } = createSubgraphFetcher();

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        fetcher: namingFailures(name, fetcher),
        willSendRequest({ request, context }) {
          request.http?.headers.set(IDENTITY_HEADER, context.identity);
          request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
        },
      }),
  });

  const app = express();
  if (opts.trustProxy !== undefined) app.set('trust proxy', opts.trustProxy);
  const httpServer = http.createServer(app);
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const protections = armor(limits, !!opts.production);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    // Refuses GET and simple POSTs without a JSON content-type or apollo-require-preflight: a
    // cross-site form or <img> cannot make a signed-in browser run an operation.
    csrfPrevention: true,
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...protections.plugins, trackingRateLimit(limits.tracking), badInputIsNot500],
    formatError: toContractError,
  });
  await server.start();

  const authenticate = async (req: express.Request): Promise<GatewayContext> => {
    const correlationId = (req.headers[CORRELATION_HEADER] as string | undefined) ?? randomUUID();
    const header = req.headers.authorization;
    let caller: Caller | undefined;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Authorization must be "Bearer <token>"');
      try {
        caller = await verifyUser(token);
      } catch (err) {
        if (err instanceof InvalidTokenError) throw unauthenticated(err.message);
        throw err;
      }
    }
    return { caller, correlationId, identity: await signIdentity(caller), clientIp: req.ip ?? req.socket.remoteAddress };
  };

  mountSession(app, { verifyUser, jwtSecret: opts.jwtSecret, production: !!opts.production, loginUrl: opts.loginUrl });
  app.get('/healthz', async (_req, res) => {
    const checks = await Promise.all(opts.subgraphs.map(async (s) => ({ name: s.name, up: await isUp(s.url) })));
    const down = checks.filter((c) => !c.up).map((c) => c.name);
    res.status(down.length ? 503 : 200).json({ status: down.length ? 'degraded' : 'ok', down });
  });
  app.use('/graphql', express.json({ limit: limits.bodyLimit }), bodyErrors, rejectNulCharacters, expressMiddleware(server, { context: ({ req }) => authenticate(req) }));
  proxyServiceRoutes(app, opts.subgraphs, authenticate);
  const queues = opts.queue ? new QueueConnection({ ...opts.queue, onError: (err) => logger.warn({ err: err.message }, 'queue dashboard: lost its connection to the queues') }) : undefined;
  if (queues) {
    await queues.waitUntilReady();
    mountQueueDashboard(app, { connection: queues, authenticate: async (req) => (await authenticate(req)).caller });
  }

  if (opts.portalDir !== false) servePortal(app, opts.portalDir);

  await new Promise<void>((resolve) => httpServer.listen(opts.port, '0.0.0.0', resolve));
  const port = (httpServer.address() as { port: number }).port;
  logger.info({ port }, 'gateway started');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.stop();
      await closeFetcher();
      await queues?.close();
    },
  };
}

/**
 * A subgraph that cannot be reached is an outage, not a bug: say which service it is. A subgraph
 * that answers 400 with GraphQL errors (a variable value its scalar refused, such as an
 * impossible Date) has judged the caller's input: pass its errors on as they are.
 */
function namingFailures(service: string, fetcher: Fetcher): Fetcher {
  return async (url, init) => {
    try {
      const response = await fetcher(url, init);
      if (response.status !== 400) return response;
      const body = await response.text();
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }) as never;
    } catch (err) {
      throw new GraphQLError(`The ${service} service is unavailable (${(err as Error).message})`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: service },
      });
    }
  };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function isUp(graphqlUrl: string): Promise<boolean> {
  try {
    const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/healthz'), { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Clients see only the contract's codes: a request that does not parse or validate is invalid
 * input. A subgraph that cannot be reached keeps the gateway's message, which names the service.
 */
function toContractError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && CONTRACT_CODES.has(code)) return formatted;
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE' || code === 'INVALID_GRAPHQL') {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  return formatted;
}
