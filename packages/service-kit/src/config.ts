import { z } from 'zod';

/**
 * Every process's configuration is one zod schema over its environment, parsed once at its entry
 * point (a service's main.ts, the gateway's, a script's top) and handed down as a typed value:
 * nothing deeper reads `process.env`. A wrong or missing variable stops the start with every
 * problem listed, variable by variable, instead of failing later inside whatever first used it.
 *
 * The schemas' keys are the variables' names; README.md's Configuration table is checked against
 * them (test/configuration.test.ts).
 */
export type Env = Record<string, string | undefined>;

/** Variables whose values never appear in a problem's line (they are secrets). */
const SECRET = /SECRET|PASSWORD|KEY|JWK|TOKEN|_URL$/;

export class ConfigError extends Error {
  constructor(
    readonly part: string,
    /** One line per problem: `NAME: what is wrong (got "value")`. */
    readonly problems: string[],
  ) {
    super(
      `${part} cannot start: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} wrong\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * The environment as the schema types it, or a ConfigError listing every problem. An empty value
 * counts as unset (docker-compose's `${VAR:-}` gives empty strings for what the operator left out).
 */
export function parseEnv<S extends z.ZodType>(part: string, schema: S, env: Env): z.output<S> {
  const result = checkEnv(schema, env);
  if ('problems' in result) throw new ConfigError(part, result.problems);
  return result.value;
}

/** Like parseEnv, but returns the problems, for a process whose configuration is several schemas (listed together). */
export function checkEnv<S extends z.ZodType>(schema: S, env: Env): { value: z.output<S> } | { problems: string[] } {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(given);
  if (result.success) return { value: result.data };
  return { problems: result.error.issues.map((issue) => problemLine(issue, given)) };
}

function problemLine(issue: z.core.$ZodIssue, env: Env): string {
  // The variable is the last key: groups (envGroups) nest a schema's output, not its variables.
  const name = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'environment';
  const value = env[name];
  const shown = value === undefined || SECRET.test(name) ? '' : ` (got ${JSON.stringify(value)})`;
  return `${name}: ${issue.message}${shown}`;
}

const GROUPS = new WeakMap<z.ZodType, z.ZodType[]>();

/**
 * Several schemas over the same environment, their outputs side by side (`{ blobs, mail, … }`):
 * a process's settings made of parts that each own a few variables (the blob store's, the SMS
 * gateway's). Every part is parsed, so that all their problems are listed together.
 */
export function envGroups<T extends Record<string, z.ZodType>>(
  groups: T,
): z.ZodType<{ [K in keyof T]: z.output<T[K]> }> {
  const schema = z.preprocess(
    (env) => Object.fromEntries(Object.keys(groups).map((key) => [key, env])),
    z.object(groups),
  );
  GROUPS.set(schema, Object.values(groups));
  return schema as unknown as z.ZodType<{ [K in keyof T]: z.output<T[K]> }>;
}

/** The variables a schema knows (its objects' keys), for the README check and for docs. */
export function variablesOf(schema: z.ZodType): string[] {
  const groups = GROUPS.get(schema);
  if (groups) return groups.flatMap(variablesOf);
  const found = schema as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: z.ZodType; innerType?: z.ZodType };
  };
  if (found.shape) return Object.keys(found.shape);
  const inner = found.def?.in ?? found.def?.innerType;
  return inner ? variablesOf(inner) : [];
}

/** The kinds of values variables hold, each with the message an operator reads. */
export const variable = {
  /** Any non-empty text. */
  text: () => z.string(),
  /** Text that must be set. */
  required: (what: string) =>
    z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : undefined) }),
  /** A whole number within bounds. */
  int: (min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z
      .string()
      .regex(/^-?\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  /** A number above 0 (fractions allowed: seconds, hours). */
  positive: () =>
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
      .transform(Number)
      .pipe(z.number().positive('must be a positive number')),
  /** A TCP port, 0 for any free one. */
  port: () =>
    z
      .string()
      .regex(/^\d+$/, 'must be a port number (0–65535)')
      .transform(Number)
      .pipe(z.number().max(65_535, 'must be a port number (0–65535)')),
  /** An http(s) URL. */
  httpUrl: () => z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'),
  /** A URL of one of the schemes. */
  url: (...schemes: string[]) =>
    z.string().refine(
      (value) => {
        try {
          return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `must be a ${schemes.join(' or ')} URL`,
    ),
  /** JSON text (a key, a list of keys): parsed here, so that a cut-off value fails at start, not at first use. */
  json: (what: string) =>
    z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : undefined) }).refine((value) => {
      try {
        const parsed = JSON.parse(value);
        return parsed !== null && typeof parsed === 'object';
      } catch {
        return false;
      }
    }, `must be JSON (${what})`),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
  /** Text a function of the code reads (its own format), its error becoming the variable's problem. */
  parsedBy: <T>(parse: (value: string | undefined) => T) =>
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parse(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
  /** At least `n` characters (credentials a stranger should not guess). */
  secret: (n: number) => z.string().min(n, `must be at least ${n} characters`),
} as const;

/** Runs `check` on the value and turns what it throws into a problem of `name` (reusing a builder's own validation). */
export function checkedBy<T>(name: string, check: (value: T) => unknown): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    try {
      check(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: [name], message: (err as Error).message });
    }
  };
}

/** Cross-variable rules still run when a single variable is already wrong, so that every problem is listed at once. */
export const ALWAYS = { when: () => true } as const;
