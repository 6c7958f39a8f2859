/**
 * The benchmark's peer gateway (issue 17): the same supergraph as ours (gateway/src/compose.ts),
 * served by @graphql-hive/gateway-runtime instead of @apollo/gateway, so that our gateway's CPU
 * per query has something to be compared with. A benchmark peer only: production stays on
 * @apollo/gateway.
 *
 * The subgraphs do the same work for both: like ours, it verifies the user's bearer token with
 * the same secret (gateway/src/user-token.ts), signs the caller into the identity token
 * (service-kit's createIdentitySigner, which reuses a caller's token the same way) and sets it on
 * every subgraph fetch. It counts its subgraph fetches (GET /subgraph-requests), so that a run
 * can check it sends as many per query as ours.
 *
 * Started by scripts/bench/floor.ts as a child process with the gateway's environment
 * (PORT, AUTH_JWT_SECRET, IDENTITY_PRIVATE_JWK, INTAKE_URL, …); startPeerGateway() for tests.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { GraphQLError } from 'graphql';
import { CORRELATION_HEADER, IDENTITY_HEADER, createIdentitySigner } from '@onestop/service-kit';
import { composeSupergraph, readServiceSdl, SERVICE_NAMES, type SubgraphLocation } from '../../gateway/src/compose';
import { serviceUrlVariable } from '@onestop/events';
import { callerOfAuthorization, createUserTokenVerifier } from '../../gateway/src/user-token';

export interface PeerGatewayOptions {
  port: number;
  subgraphs: SubgraphLocation[];
  jwtSecret: string;
  identityPrivateJwk: string;
}

export interface RunningPeerGateway {
  url: string;
  /** Subgraph fetches so far, by subgraph URL. */
  subgraphRequests(): Record<string, number>;
  stop(): Promise<void>;
}

interface PeerContext {
  identity: string;
  correlationId: string;
}

export async function startPeerGateway(opts: PeerGatewayOptions): Promise<RunningPeerGateway> {
  const supergraph = composeSupergraph(opts.subgraphs.map((s) => ({ ...s, sdl: readServiceSdl(s.name) })));
  const verifyUser = createUserTokenVerifier({ jwtSecret: opts.jwtSecret });
  const signIdentity = await createIdentitySigner(opts.identityPrivateJwk);
  const fetches: Record<string, number> = {};

  const identity: GatewayPlugin<PeerContext> = {
    // The bearer is verified and the identity signed once per request, before execution, as ours does.
    async onContextBuilding({ context, extendContext }) {
      const caller = await callerOfAuthorization(
        context.request.headers.get('authorization'),
        verifyUser,
        unauthenticated,
      );
      extendContext({
        identity: await signIdentity(caller),
        correlationId: context.request.headers.get(CORRELATION_HEADER) ?? randomUUID(),
      });
    },
    onFetch({ url, options, setOptions, context }) {
      fetches[url] = (fetches[url] ?? 0) + 1;
      if (!('identity' in context) || !context.identity) return;
      setOptions({
        ...options,
        headers: {
          ...(options.headers as Record<string, string>),
          [IDENTITY_HEADER]: context.identity,
          [CORRELATION_HEADER]: context.correlationId!,
        },
      });
    },
  };

  const gateway = createGatewayRuntime<PeerContext>({
    supergraph,
    // Given, not looked up by name at run time: a missing transport would make every subgraph field null, silently.
    transports: { http: httpTransport },
    plugins: () => [identity],
    logging: 'error',
    graphiql: false,
    landingPage: false,
  });
  // One path beside the GraphQL endpoint for the count, read by the benchmark from outside.
  const server = createServer((req, res) => {
    if (req.url !== '/subgraph-requests') return void gateway(req, res);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(fetches));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    subgraphRequests: () => ({ ...fetches }),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function main() {
  const peer = await startPeerGateway({
    port: Number(process.env.PORT),
    subgraphs: SERVICE_NAMES.map((name) => ({ name, url: process.env[serviceUrlVariable(name)]! })),
    jwtSecret: process.env.AUTH_JWT_SECRET!,
    identityPrivateJwk: process.env.IDENTITY_PRIVATE_JWK!,
  });
  process.send?.('ready');
  const stop = () => void peer.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module)
  void main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
