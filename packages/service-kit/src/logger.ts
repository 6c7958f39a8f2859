import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that hold personal data, wherever they sit in a logged object (up to three levels deep). */
const PERSONAL_FIELDS = [
  'identityNumber', 'ownerIdentityNumber', 'applicantIdentityNumber', 'fullName', 'applicantName', 'readerName', 'officerName',
  'phone', 'applicantPhone', 'email', 'applicantEmail', 'address', 'deliveryAddress', 'recipient', 'verifier', 'contentBase64', 'authorization',
];
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
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
