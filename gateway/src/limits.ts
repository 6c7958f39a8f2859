import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { parseEnv, rateLimited } from '@onestop/service-kit';
import { limitsEnv, limitsOf } from './config';

/**
 * What one request may ask of the gateway. Every limit answers with a contract error
 * (BAD_USER_INPUT); none reaches a subgraph.
 */
export interface RequestLimits {
  /** Deepest selection (fields inside fields). The contract's deepest operation needs 4. */
  maxDepth: number;
  /** Aliases in one document: a hundred aliases of one field is one query asking a hundred times. */
  maxAliases: number;
  /** Tokens in one document (uploads travel as variables, not tokens). */
  maxTokens: number;
  /** graphql-armor's cost estimate (objects 2, scalars 1, times 1.5 per level). */
  maxCost: number;
  maxDirectives: number;
  /** express.json's limit: uploads are base64 inside GraphQL (10 MiB a file by default), so ~30 MiB in all. */
  bodyLimit: string;
  /** Public tracking (trackDossier) per client IP: `points` lookups per `durationSeconds`. */
  tracking: { points: number; durationSeconds: number };
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 5000,
  maxDirectives: 20,
  bodyLimit: '30mb',
  tracking: { points: 10, durationSeconds: 60 },
};

/** The limits from an environment (GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_TOKENS, GRAPHQL_MAX_COST, REQUEST_BODY_LIMIT, TRACKING_RATE_LIMIT as "points/seconds"), checked by the gateway's schema (config.ts). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<RequestLimits> {
  return limitsOf(parseEnv('gateway', limitsEnv, env));
}

/** graphql-armor's protections, as Apollo plugins and validation rules. */
export function armor(
  limits: RequestLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    // Tokens are counted by graphql-js's own parser (ApolloServer's parseOptions.maxTokens): armor's
    // plugin throws where Apollo answers HTTP 500, the parser's limit is a parse error (400).
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    // "Did you mean …?" maps the schema for a stranger: only in production, where introspection is off too.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules };
}

/** The root fields an operation selects, aliases counted each time (fragments are followed). */
function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Record<string, { selectionSet: SelectionSetNode }>,
): string[] {
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value) && fragments[s.name.value]) {
        seen.add(s.name.value);
        walk(fragments[s.name.value].selectionSet, seen);
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return names;
}

/**
 * Public tracking resists guessing: each client (IP) may look up `points` dossier codes per
 * `durationSeconds`; past that every lookup answers BAD_USER_INPUT (HTTP 429) with the seconds to
 * wait. In memory, per gateway process: production with several gateways keeps the counters in
 * Redis (rate-limiter-flexible's RateLimiterRedis, same interface).
 */
export function trackingRateLimit(limits: RequestLimits['tracking']): ApolloServerPlugin<{ clientIp?: string }> {
  const limiter = new RateLimiterMemory({
    points: limits.points,
    duration: limits.durationSeconds,
    keyPrefix: 'track',
  });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const lookups = rootFieldNames(operation, fragments).filter((n) => n === 'trackDossier').length;
          if (!lookups) return;
          try {
            await limiter.consume(contextValue.clientIp ?? 'unknown', lookups);
          } catch (res) {
            if (!(res instanceof RateLimiterRes)) throw res;
            const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
            throw rateLimited(
              `Too many tracking requests from this client; try again in ${retryAfterSeconds} s`,
              retryAfterSeconds,
              { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
            );
          }
        },
      };
    },
  };
}

/**
 * The gateway's answer to a request that it refused itself keeps the contract's meaning: an
 * error whose code is BAD_USER_INPUT (a refused limit, an unknown operation name) is HTTP 400,
 * never 500 — a 500 only ever means a bug or an outage.
 */
export const badInputIsNot500: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.http.status !== 500 || response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.length && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')) response.http.status = 400;
      },
    };
  },
};
