import { GraphQLError } from 'graphql';

/** The contract's error codes (contract/README.md). INTERNAL_SERVER_ERROR only ever means a bug. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export const CONTRACT_CODES: readonly string[] = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
];

export function contractError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  contractError('BAD_USER_INPUT', message, details);
export const unauthenticated = (message = 'A valid token is required') => contractError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed for your role or centre') => contractError('FORBIDDEN', message);
export const notFound = (what: string) => contractError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  contractError('CONFLICT', message, details);
/** A limit on attempts was reached: the contract's BAD_USER_INPUT, with the reason and the seconds to wait. */
export const rateLimited = (message: string, retryAfterSeconds: number, details?: Record<string, unknown>) =>
  contractError('BAD_USER_INPUT', message, { reason: 'RATE_LIMITED', retryAfterSeconds, ...details });

/** PostgreSQL unique_violation: a duplicate key is a CONFLICT for the caller, not a crash. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    (err as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' ||
    (err as { code?: string })?.code === '23505'
  );
}

/** PostgreSQL lock_not_available: a lock was not granted within lock_timeout (database.ts). */
export function isLockTimeout(err: unknown): boolean {
  return (
    (err as { driverError?: { code?: string } })?.driverError?.code === '55P03' ||
    (err as { code?: string })?.code === '55P03'
  );
}
