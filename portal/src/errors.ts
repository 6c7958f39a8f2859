import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';

const KNOWN = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'SERVICE_UNAVAILABLE',
] as const;

/** The contract's error code of a failed request ('NETWORK' when the server was not reached). */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = String(error.errors[0]?.extensions?.code ?? '');
    return (KNOWN as readonly string[]).includes(code) ? code : 'UNKNOWN';
  }
  if (error instanceof TypeError || (error as { name?: string })?.name === 'ServerError') return 'NETWORK';
  return 'UNKNOWN';
}

/** A refusal in words, in the page's language: never a raw code. */
export function explain(t: TFunction, error: unknown): string {
  return t(`errors.${errorCode(error)}`);
}
