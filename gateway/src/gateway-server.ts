import { existsSync } from 'node:fs';
import http from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Fetcher } from '@apollo/utils.fetcher';
import {
  CORRELATION_HEADER,
  IDENTITY_HEADER,
  createIdentitySigner,
  createLogger,
  endWithJsonErrors,
  guardRequests,
  inputTextGuard,
  provinceRelation,
  refuseControlCharactersInBody,
  securityHeaders,
  STRICT_CSP,
  traceOperations,
  traceRequests,
  tracingEnabled,
  type Caller,
  PlatformMetrics,
  startMetricsServer,
  type MetricsConfig,
} from '@onestop/service-kit';
import { composeSupergraph, readServiceSdl, type SubgraphLocation } from './compose';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { callerOfAuthorization, createUserTokenVerifier, type UserTokenConfig } from './user-token';
import { proxyServiceRoutes } from './service-routes';
import { mountQueueDashboard } from './queue-dashboard';
import { armor, badInputIsNot500, DEFAULT_LIMITS, trackingRateLimit, type RequestLimits } from './limits';
import { QueueConnection, type QueueConnectionConfig } from '@onestop/events';
import { mountSession } from './session';
import { OidcSignIn, type OidcConfig } from './oidc/sign-in';
import { MemorySessionStore, RedisSessionStore } from './oidc/session-store';
import { servePortal } from './portal-routes';
import { tracedFetcher } from './tracing';

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
  /** The courier's callback credential (COURIER_CALLBACK_SECRET): a bearer that is the COURIER and nothing else; unset: no courier. */
  courierCallbackSecret?: string;
  /** A file whose absence keeps /healthz at 503 "starting" (`npm start` writes it once the demo data is in place). */
  readyFile?: string;
  /** The built portal to serve at / (default portal/dist); false: no portal. */
  portalDir?: string | false;
  /** The identity provider's sign-in page, for /auth/login when the gateway does not run the sign-in (no `oidc`). */
  loginUrl?: string;
  /** `GET /metrics` on a listener of its own (never the public port); omitted: none. */
  metrics?: MetricsConfig;
  /** Sign-in through an OpenID provider, sessions kept in Redis (`sessionRedisUrl`) or this process's memory. */
  oidc?: OidcConfig;
  sessionRedisUrl?: string;
  /** LOG_LEVEL as the gateway's configuration parsed it (config.ts); unset: info (silent under jest). */
  logLevel?: string;
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
  metricsUrl?: string;
  stop(): Promise<void>;
}

const CONTRACT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
]);

/** The only public entry: authenticates, plans across the four subgraphs, and serves their documents. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const logger = createLogger('gateway', undefined, opts.logLevel);
  const supergraphSdl = composeSupergraph(opts.subgraphs.map((s) => ({ ...s, sdl: readServiceSdl(s.name) })));
  const sessions = opts.oidc
    ? opts.sessionRedisUrl
      ? new RedisSessionStore(opts.sessionRedisUrl)
      : new MemorySessionStore()
    : undefined;
  const oidc = opts.oidc ? new OidcSignIn(opts.oidc, sessions!, logger) : undefined;
  const verifyUser = withCourier(createUserTokenVerifier(opts, oidc), opts.courierCallbackSecret);
  const signIdentity = await createIdentitySigner(opts.identityPrivateJwk);
  const { fetcher, close: closeFetcher } = createSubgraphFetcher();
  // Spans only when this process exports traces (service-kit's tracing.ts): otherwise none of this is mounted.
  const traced = tracingEnabled();

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        fetcher: namingFailures(name, traced ? tracedFetcher(name, fetcher) : fetcher),
        willSendRequest({ request, context }) {
          request.http?.headers.set(IDENTITY_HEADER, context.identity);
          request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
        },
      }),
  });

  const app = express();
  const metrics = new PlatformMetrics('gateway', logger);
  app.use(metrics.http);
  guardRequests(app);
  if (opts.trustProxy !== undefined) app.set('trust proxy', opts.trustProxy);
  const httpServer = http.createServer(app);
  // Longer than any client's or proxy's idle keep-alive (nginx 60 s, undici 4 s): the client, not the
  // server, closes an idle socket, so that a request sent on it as the server closed it is never reset.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
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
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      inputTextGuard,
      ...protections.plugins,
      trackingRateLimit(limits.tracking),
      badInputIsNot500,
      metrics.graphql,
      ...(traced ? [traceOperations] : []),
    ],
    formatError: toContractError,
  });
  await server.start();

  const authenticate = async (req: express.Request): Promise<GatewayContext> => {
    const correlationId = (req.headers[CORRELATION_HEADER] as string | undefined) ?? randomUUID();
    const caller = await callerOfAuthorization(req.headers.authorization, verifyUser, unauthenticated);
    return {
      caller,
      correlationId,
      identity: await signIdentity(caller),
      clientIp: req.ip ?? req.socket.remoteAddress,
    };
  };

  mountSession(app, {
    verifyUser,
    jwtSecret: opts.jwtSecret,
    production: !!opts.production,
    loginUrl: opts.loginUrl,
    oidc,
    onSignInFailure: (reason) => logger.warn({ reason }, 'a sign-in through the identity provider failed'),
  });
  app.get('/healthz', untilReady(opts.readyFile), async (_req, res) => {
    const checks = await Promise.all(opts.subgraphs.map(async (s) => ({ name: s.name, up: await isUp(s.url) })));
    const down = checks.filter((c) => !c.up).map((c) => c.name);
    res.status(down.length ? 503 : 200).json({ status: down.length ? 'degraded' : 'ok', down });
  });
  // Apollo's landing page (a browser's GET /graphql) carries its own nonce-based policy in a <meta> tag
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') res.removeHeader('content-security-policy');
    next();
  });
  app.use(
    '/graphql',
    ...(traced ? [traceRequests('gateway')] : []),
    express.json({ limit: limits.bodyLimit }),
    refuseControlCharactersInBody,
    expressMiddleware(server, { context: ({ req }) => authenticate(req) }),
  );
  proxyServiceRoutes(app, opts.subgraphs, authenticate);
  const queues = opts.queue
    ? new QueueConnection({
        ...opts.queue,
        onError: (err) => logger.warn({ err: err.message }, 'queue dashboard: lost its connection to the queues'),
      })
    : undefined;
  if (queues) {
    await queues.waitUntilReady();
    // Bull Board is a script application of its own files: the strict policy, but scripts, styles and fonts from itself
    app.use(
      '/admin/queues',
      securityHeaders({
        ...STRICT_CSP,
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      }),
    );
    const intake = opts.subgraphs.find((s) => s.name === 'intake')!;
    mountQueueDashboard(app, {
      connection: queues,
      authenticate: async (req) => (await authenticate(req)).caller,
      centreRelation: async (caller) =>
        provinceRelation(await centreOf(intake.url, caller.centre, await signIdentity(undefined))),
    });
  }
  // The portal is a script application of its own files: its pages get a policy that lets them run
  if (opts.portalDir !== false) servePortal(app, opts.portalDir, securityHeaders(PORTAL_CSP));
  endWithJsonErrors(app, logger);

  await new Promise<void>((resolve) => httpServer.listen(opts.port, '0.0.0.0', resolve));
  const port = (httpServer.address() as { port: number }).port;
  const scraped = opts.metrics && (await startMetricsServer(metrics.merged(), opts.metrics));
  logger.info({ port, metrics: scraped?.url }, 'gateway started');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    metricsUrl: scraped?.url,
    async stop() {
      await scraped?.close();
      await server.stop();
      await closeFetcher();
      await queues?.close();
      await sessions?.close();
    },
  };
}

/** Healthy means usable: under `npm start`, not before the start script has seeded the demo province. */
function untilReady(readyFile: string | undefined): express.RequestHandler {
  return (_req, res, next) =>
    !readyFile || existsSync(readyFile) ? next() : res.status(503).json({ status: 'starting', down: [] });
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

/**
 * The courier's callbacks authenticate with a shared secret of their own: a bearer equal to it
 * (compared in constant time) is the COURIER service account, whatever else it could be.
 */
function withCourier(verifyUser: (token: string) => Promise<Caller>, secret: string | undefined) {
  if (secret !== undefined && secret.length < 16)
    throw new Error('COURIER_CALLBACK_SECRET must have at least 16 characters');
  const expected = secret ? createHash('sha256').update(secret).digest() : undefined;
  return (token: string): Promise<Caller> => {
    if (expected && timingSafeEqual(createHash('sha256').update(token).digest(), expected))
      return Promise.resolve(COURIER);
    return verifyUser(token);
  };
}

const PORTAL_CSP: Record<string, string[]> = {
  ...STRICT_CSP,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
};

const COURIER: Caller = { id: 'courier', name: 'Courier', role: 'COURIER' };

/** The caller's own centre as intake knows it (null: no such centre), for the gateway's own routes. */
async function centreOf(
  intakeUrl: string,
  code: string | undefined,
  identity: string,
): Promise<{ parentId: string | null } | null> {
  if (!code) return null;
  const res = await fetch(intakeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
    body: JSON.stringify({ query: '{ centres { code parent { id } } }' }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await res.json()) as { data?: { centres: Array<{ code: string; parent: { id: string } | null }> } };
  const centre = body.data?.centres.find((c) => c.code === code);
  return centre ? { parentId: centre.parent?.id ?? null } : null;
}

/** Ready, not merely alive: a service whose pool or database is stuck answers /healthz but not /readyz in time. */
async function isUp(graphqlUrl: string): Promise<boolean> {
  try {
    const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2000) });
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
  if (
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'BAD_REQUEST' ||
    code === 'OPERATION_RESOLUTION_FAILURE' ||
    code === 'INVALID_GRAPHQL'
  ) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  return formatted;
}
