import { z } from 'zod';
import {
  GATEWAY_PORT,
  PLATFORM_SERVICES,
  serviceGraphqlUrl,
  serviceUrlVariable,
  type ServiceName,
} from '@onestop/events';
import { ALWAYS, envGroups, parseEnv, processEnv, variable, type Env } from '@onestop/service-kit';
import type { GatewayOptions } from './gateway-server';
import type { RequestLimits } from './limits';
import { oidcFromEnv } from './oidc/sign-in';
import type { ClaimMapping } from './oidc/claim-mapping';

const optionalText = () => variable.text().optional();

/** GRAPHQL_MAX_*, REQUEST_BODY_LIMIT, TRACKING_RATE_LIMIT ("points/seconds"): what one request may ask (limits.ts). */
export const limitsEnv = z.object({
  GRAPHQL_MAX_DEPTH: variable.int(1).optional(),
  GRAPHQL_MAX_ALIASES: variable.int(1).optional(),
  GRAPHQL_MAX_TOKENS: variable.int(1).optional(),
  GRAPHQL_MAX_COST: variable.int(1).optional(),
  REQUEST_BODY_LIMIT: variable
    .text()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'must be a size such as 30mb')
    .optional(),
  TRACKING_RATE_LIMIT: variable
    .text()
    .regex(/^[1-9]\d*\/[1-9]\d*$/, 'must read like "10/60" (lookups/seconds)')
    .transform((value) => {
      const [points, durationSeconds] = value.split('/').map(Number);
      return { points, durationSeconds };
    })
    .optional(),
});

export function limitsOf(env: z.output<typeof limitsEnv>): Partial<RequestLimits> {
  const limits: Partial<RequestLimits> = {
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxAliases: env.GRAPHQL_MAX_ALIASES,
    maxTokens: env.GRAPHQL_MAX_TOKENS,
    maxCost: env.GRAPHQL_MAX_COST,
    bodyLimit: env.REQUEST_BODY_LIMIT,
    tracking: env.TRACKING_RATE_LIMIT,
  };
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}

/** Sign-in through an OpenID provider (oidc/sign-in.ts): unset AUTH_OIDC_ISSUER, none. */
const oidcEnv = z
  .object({
    AUTH_OIDC_ISSUER: variable.httpUrl().optional(),
    AUTH_OIDC_CLIENT_ID: optionalText(),
    AUTH_OIDC_CLIENT_SECRET: optionalText(),
    AUTH_OIDC_REDIRECT_URL: variable.httpUrl().optional(),
    AUTH_OIDC_POST_LOGOUT_URL: variable.httpUrl().optional(),
    AUTH_OIDC_AUDIENCE: optionalText(),
    AUTH_OIDC_SCOPES: optionalText(),
    AUTH_OIDC_CLAIM_MAPPING: optionalText(),
    AUTH_OIDC_BACKCHANNEL_URL: variable.httpUrl().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_OIDC_ISSUER && !env.AUTH_OIDC_CLIENT_ID)
      ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_CLIENT_ID'], message: 'is required with AUTH_OIDC_ISSUER' });
  }, ALWAYS);

/** Where the gateway finds each service (INTAKE_URL, …): the one list of services (packages/events' platform-services.ts). */
const subgraphsEnv = z.object(
  Object.fromEntries(
    PLATFORM_SERVICES.map((s) => [serviceUrlVariable(s.name), variable.httpUrl().optional()]),
  ) as Record<string, z.ZodOptional<z.ZodString>>,
);

const gatewayOwnEnv = processEnv.extend({
  PORT: variable.port().default(GATEWAY_PORT),
  IDENTITY_PRIVATE_JWK: variable.json('the key the gateway signs identities with: `npm run keys`'),
  AUTH_JWT_SECRET: optionalText(),
  AUTH_JWKS_URL: variable.httpUrl().optional(),
  AUTH_JWT_ISSUER: optionalText(),
  AUTH_JWT_AUDIENCE: optionalText(),
  AUTH_LOGIN_URL: optionalText(),
  COURIER_CALLBACK_SECRET: variable.secret(16).optional(),
  GATEWAY_READY_FILE: optionalText(),
  /** `npm start`'s gateway processes behind one port (scripts/lib/gateway-cluster.ts). */
  GATEWAY_PROCESSES: variable.int(1).default(1),
  PORTAL_DIR: optionalText(),
  REDIS_URL: variable.url('redis', 'rediss').optional(),
  DATABASE_URL: variable.url('postgres', 'postgresql').optional(),
  QUEUE_PREFIX: optionalText(),
  QUEUE_POOL_SIZE: variable.int(1).default(10),
  /** Express's `trust proxy`: a number of hops, or addresses/subnets. */
  TRUST_PROXY: optionalText(),
});

/** The gateway process's configuration: one schema, its parts side by side. */
export const gatewayEnv = envGroups({
  gateway: gatewayOwnEnv,
  limits: limitsEnv,
  oidc: oidcEnv,
  subgraphs: subgraphsEnv,
});
export type GatewayEnv = z.output<typeof gatewayEnv>;

/** The gateway's options from an environment, every wrong variable listed in one ConfigError. */
export function gatewayOptionsFromEnv(
  env: Env,
  readClaimMapping: (path: string | undefined) => ClaimMapping,
): GatewayOptions {
  const { gateway, limits, oidc, subgraphs } = parseEnv('gateway', gatewayEnv, env);
  const trust = gateway.TRUST_PROXY;
  return {
    port: gateway.PORT,
    subgraphs: PLATFORM_SERVICES.map(({ name }: { name: ServiceName }) => ({
      name,
      url: subgraphs[serviceUrlVariable(name)] ?? serviceGraphqlUrl(name),
    })),
    jwtSecret: gateway.AUTH_JWT_SECRET,
    jwksUrl: gateway.AUTH_JWKS_URL,
    jwtIssuer: gateway.AUTH_JWT_ISSUER,
    jwtAudience: gateway.AUTH_JWT_AUDIENCE,
    identityPrivateJwk: gateway.IDENTITY_PRIVATE_JWK,
    production: gateway.NODE_ENV === 'production',
    limits: limitsOf(limits),
    courierCallbackSecret: gateway.COURIER_CALLBACK_SECRET,
    readyFile: gateway.GATEWAY_READY_FILE,
    portalDir: gateway.PORTAL_DIR,
    loginUrl: gateway.AUTH_LOGIN_URL,
    metrics:
      gateway.METRICS_PORT === undefined
        ? undefined
        : { port: gateway.METRICS_PORT, host: gateway.METRICS_HOST ?? '127.0.0.1', token: gateway.METRICS_TOKEN },
    oidc: oidcFromEnv({ ...oidc, PORT: String(gateway.PORT) }, readClaimMapping),
    sessionRedisUrl: gateway.REDIS_URL,
    trustProxy: trust === undefined ? undefined : /^\d+$/.test(trust) ? Number(trust) : trust,
    queue:
      gateway.DATABASE_URL || gateway.REDIS_URL
        ? {
            redisUrl: gateway.REDIS_URL,
            databaseUrl: gateway.DATABASE_URL ?? '',
            prefix: gateway.QUEUE_PREFIX,
            poolSize: gateway.QUEUE_POOL_SIZE,
          }
        : undefined,
    logLevel: gateway.LOG_LEVEL,
  };
}
