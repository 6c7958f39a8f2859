import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that hold personal data, wherever they sit in a logged object (up to three levels deep). */
const PERSONAL_FIELDS = [
  'identityNumber',
  'ownerIdentityNumber',
  'applicantIdentityNumber',
  'fullName',
  'applicantName',
  'readerName',
  'officerName',
  'phone',
  'applicantPhone',
  'email',
  'applicantEmail',
  'address',
  'deliveryAddress',
  'recipient',
  'verifier',
  'contentBase64',
  'authorization',
];
const PERSONAL = new Set(PERSONAL_FIELDS);
const CENSOR = '[redacted]';

/** A copy of a JSON value with the personal fields censored at any depth (for operators' views of payloads). */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, PERSONAL.has(key) && v != null ? CENSOR : maskPersonalData(v)]),
  );
}

export const REDACTED_PATHS = [
  ...PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
  'req.headers.authorization',
  'req.headers["x-onestop-identity"]',
];

/**
 * Structured JSON logs. Personal data never goes to the logs: identity numbers, names, phones,
 * addresses (and uploads' content) are redacted wherever they appear up to three levels deep; a
 * line carries the correlation id instead, which leads an operator to the dossier.
 */
export function createLogger(service: string, destination?: DestinationStream, configured?: string): Logger {
  // `configured`: LOG_LEVEL as the process's configuration parsed it at start (service-config.ts).
  const level = configured ?? (process.env.NODE_ENV === 'test' && !destination ? 'silent' : 'info');
  const withStack = (pino.levels.values[level] ?? Infinity) <= pino.levels.values.debug;
  const options = {
    name: service,
    level,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: (err: unknown) => describeError(err, withStack) },
  };
  return destination ? pino(options, destination) : pino(options);
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  stack?: string;
  cause?: unknown;
  errors?: unknown[];
}

/**
 * What a log says of an error: its kind, message, code and the line of ours it came from (the
 * stack too at debug level). Never its other fields: a driver's error carries its client, with
 * the connection's parameters and the server's secret key.
 */
export function describeError(err: unknown, withStack = false): unknown {
  if (typeof err !== 'object' || err === null || !('message' in err)) return err;
  const e = err as ErrorLike;
  const at = origin(e.stack);
  return {
    type: e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : e.name,
    message:
      e.message ||
      (e.errors ?? [])
        .map((inner) => (inner as ErrorLike)?.message)
        .filter(Boolean)
        .join('; '),
    ...(e.code !== undefined && e.code !== null ? { code: String(e.code) } : {}),
    ...(at ? { at } : {}),
    ...(e.cause ? { cause: describeError(e.cause) } : {}),
    ...(withStack && e.stack ? { stack: e.stack } : {}),
  };
}

/** An error on one line, for a process's last words on the console: "message (code) at where". */
export function errorLine(err: unknown): string {
  const described = describeError(err) as unknown;
  if (typeof described !== 'object' || described === null) return String(described);
  const { message, code, at } = described as { message?: string; code?: string; at?: string };
  return `${message}${code ? ` (${code})` : ''}${at ? ` at ${at}` : ''}`;
}

/** The first frame of the stack in our own code (else the first frame): where the error came from. */
function origin(stack: string | undefined): string | undefined {
  const frames = (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim().slice(3));
  return frames.find((frame) => !frame.includes('node_modules') && !frame.includes('node:')) ?? frames[0];
}
