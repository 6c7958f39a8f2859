import type express from 'express';
import helmet from 'helmet';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, BREAK, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';

/**
 * What every HTTP entry (the gateway, each service) does to its requests before any handler and
 * to its errors after: refuse control characters and unreadable URLs and bodies, answer errors
 * in JSON (never Express's HTML page with a stack), and send the security headers.
 */

/** C0 control characters but tab, LF and CR, and DEL: no text a person types holds them (and PostgreSQL refuses NUL). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The longest string any argument takes, but a document's content (contentBase64): longer than any field's own limit. */
export const MAX_ARGUMENT_LENGTH = 10_000;

/** Keys whose values are bulk content, exempt from MAX_ARGUMENT_LENGTH (their own size limits apply). */
const BULK_KEYS = new Set(['contentBase64']);

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The first problem of a string from outside, or null. */
function textProblem(value: string, maxLength: number): string | null {
  if (CONTROL_CHARACTER.test(value)) return 'Text may not contain control characters (such as NUL)';
  if (value.length > maxLength) return `A text value has at most ${maxLength} characters`;
  return null;
}

/** The first problem of any string inside a JSON value (GraphQL variables, a request body), or null. */
function problemInValue(value: unknown, maxLength: number, depth = 0): string | null {
  if (typeof value === 'string') return textProblem(value, maxLength);
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const problem = problemInValue(v, BULK_KEYS.has(key) ? Infinity : maxLength, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function problemInDocument(document: DocumentNode): string | null {
  let problem: string | null = null;
  visit(document, {
    ObjectField: (node) => (BULK_KEYS.has(node.name.value) && node.value.kind === Kind.STRING ? false : undefined),
    StringValue(node) {
      problem = textProblem(node.value, MAX_ARGUMENT_LENGTH);
      return problem ? BREAK : undefined;
    },
  });
  return problem;
}

/**
 * GraphQL: every string of the operation, in its text or its variables (POST or GET), is free of
 * control characters and bounded in length: BAD_USER_INPUT (HTTP 400) before anything runs.
 */
export const inputTextGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const problem = problemInDocument(document) ?? problemInValue(request.variables ?? {}, MAX_ARGUMENT_LENGTH);
        if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      },
    };
  },
};

/** A refusal in the shape the caller reads: GraphQL's errors under /graphql, `{ error, code }` on the document routes. */
function reply(req: express.Request, res: express.Response, status: number, message: string, code: string): void {
  res.status(status);
  if (req.originalUrl.startsWith('/graphql')) res.json({ errors: [{ message, extensions: { code } }] });
  else res.json({ error: message, code });
}

/**
 * Every route and parameter, GET included: a URL whose path or query string holds a control
 * character (%00) or does not decode is refused with a JSON 400 before any handler reads it.
 */
export const refuseControlCharactersInUrl: express.RequestHandler = (req, res, next) => {
  let url: string;
  try {
    url = decodeURIComponent(req.originalUrl.replace(/\+/g, ' '));
  } catch {
    return reply(req, res, 400, 'The URL is not correctly encoded', 'BAD_USER_INPUT');
  }
  if (CONTROL_CHARACTER.test(url))
    return reply(req, res, 400, 'The URL may not contain control characters (such as NUL)', 'BAD_USER_INPUT');
  next();
};

/** A JSON body with a control character anywhere (after express.json): refused before GraphQL or a route sees it; lengths are inputTextGuard's. */
export const refuseControlCharactersInBody: express.RequestHandler = (req, res, next) => {
  const problem = problemInValue(req.body, Infinity);
  if (problem) return reply(req, res, 400, problem, 'BAD_USER_INPUT');
  next();
};

function describeBodyError(type: string | undefined): string {
  if (type === 'entity.too.large') return 'The request body is larger than accepted';
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON';
  return `The request body cannot be read${type ? ` (${type})` : ''}`;
}

/**
 * The one error handler of every HTTP entry, last in line: a body that does not parse or
 * inflate (JSON, gzip), a contract error thrown by a route, or a bug — always JSON, never
 * Express's HTML page with a stack. A 4xx keeps its status; anything else is logged and is 500.
 */
export function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const code = (err as GraphQLError)?.extensions?.code as string | undefined;
    if (code && STATUS_OF_CODE[code]) return reply(req, res, STATUS_OF_CODE[code], (err as Error).message, code);
    const status = Number(
      (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode,
    );
    if (status >= 400 && status < 500) {
      return reply(
        req,
        res,
        status,
        describeBodyError((err as { type?: string }).type),
        status === 401 ? 'UNAUTHENTICATED' : 'BAD_USER_INPUT',
      );
    }
    logger.error({ err, url: req.originalUrl.slice(0, 200) }, 'unexpected error in an HTTP route');
    reply(req, res, 500, 'Internal error', 'INTERNAL_SERVER_ERROR');
  };
}

/**
 * helmet: `nosniff` (a browser never takes a document for another type), a strict
 * Content-Security-Policy (no script, no plugin, no framing: the printable documents need only
 * their inline style), no Referrer; and Express's `x-powered-by` off.
 */
export function securityHeaders(directives: Record<string, string[]> = STRICT_CSP): express.RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives } });
}

export const STRICT_CSP: Record<string, string[]> = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The guards in front of an Express app's handlers: headers and the URL check. */
export function guardRequests(app: express.Express): void {
  app.disable('x-powered-by');
  app.use(securityHeaders(), refuseControlCharactersInUrl);
}

/** Last in line: an unknown path is a JSON 404 and every error goes through jsonErrors. */
export function endWithJsonErrors(app: express.Express, logger: Logger): void {
  app.use((req, res) => reply(req, res, 404, `No ${req.method} ${req.path.slice(0, 100)} here`, 'NOT_FOUND'));
  app.use(jsonErrors(logger));
}
