import type { ServiceName } from './catalogue';

/**
 * The platform's services and where each listens by default: the one list the gateway (its
 * subgraphs), `npm start`, the bench and chaos runs and the test harness read.
 * docker-compose.yml cannot import it: test/compose-variables.test.ts checks it against this list.
 */
export const PLATFORM_SERVICES: ReadonlyArray<{ name: ServiceName; port: number }> = [
  { name: 'intake', port: 4001 },
  { name: 'processing', port: 4002 },
  { name: 'delivery', port: 4003 },
  { name: 'statistics', port: 4004 },
];

/** The gateway's default port (PORT). */
export const GATEWAY_PORT = 4000;

/** Where every subgraph serves GraphQL, and where the gateway serves it to clients. */
export const GRAPHQL_PATH = '/graphql';

export const SERVICE_NAMES: readonly ServiceName[] = PLATFORM_SERVICES.map((s) => s.name);

/** A service's default port (4001–4004). */
export function defaultServicePort(name: ServiceName): number {
  return PLATFORM_SERVICES.find((s) => s.name === name)!.port;
}

/** The variable a service's GraphQL address is given to the gateway in (`INTAKE_URL`, …). */
export const serviceUrlVariable = (name: ServiceName): string => `${name.toUpperCase()}_URL`;

/** The variable `npm start` reads a service's port from (`INTAKE_PORT`, …). */
export const servicePortVariable = (name: ServiceName): string => `${name.toUpperCase()}_PORT`;

/** The service's GraphQL endpoint on a host and port (this machine and its default port unless told). */
export function serviceGraphqlUrl(name: ServiceName, port = defaultServicePort(name), host = '127.0.0.1'): string {
  return `http://${host}:${port}${GRAPHQL_PATH}`;
}

/** A service process's entry file, from the repository's root. */
export const serviceEntry = (name: ServiceName): string => `services/${name}/src/main.ts`;
