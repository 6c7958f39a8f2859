import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that hold personal data, wherever they sit in a logged object (up to three levels deep). */
const PERSONAL_FIELDS = [
  'identityNumber', 'ownerIdentityNumber', 'applicantIdentityNumber', 'fullName', 'applicantName', 'readerName', 'officerName',
  'phone', 'applicantPhone', 'email', 'applicantEmail', 'address', 'deliveryAddress', 'recipient', 'verifier', 'contentBase64', 'authorization',
];
const PERSONAL = new Set(PERSONAL_FIELDS);
const CENSOR = '[redacted]';

/** A copy of a JSON value with the personal fields censored at any depth (for operators' views of payloads). */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, PERSONAL.has(key) && v != null ? CENSOR : maskPersonalData(v)]));
}

export const REDACTED_PATHS = [
  ...PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
  'req.headers.authorization', 'req.headers["x-onestop-identity"]',
];

/**
 * Structured JSON logs. Personal data never goes to the logs: identity numbers, names, phones,
 * addresses (and uploads' content) are redacted wherever they appear up to three levels deep; a
 * line carries the correlation id instead, which leads an operator to the dossier.
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' && !destination ? 'silent' : 'info'),
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
  };
  return destination ? pino(options, destination) : pino(options);
}
