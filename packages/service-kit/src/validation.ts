import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from users; one that is not a uuid names nothing (and must not reach PostgreSQL as one). */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/**
 * Longest free text the platform accepts, by kind of field (characters). A longer value is
 * BAD_USER_INPUT before anything is written: nobody's name is 500 characters long, and a reason
 * of more than 2,000 no longer fits a printed slip.
 */
export const TEXT_LIMITS = {
  /** codes and identifiers chosen by people: procedure codes, component codes, tracking numbers, idempotency keys */
  code: 200,
  /** names and titles: people, centres, procedures, components, documents, files */
  name: 500,
  /** reasons, notes, comments */
  reason: 2000,
  /** postal addresses */
  address: 1000,
} as const;

/** BAD_USER_INPUT if `value` is longer than the limit of its kind. */
export function checkLength(value: string | null | undefined, field: string, kind: keyof typeof TEXT_LIMITS): void {
  if (typeof value === 'string' && value.length > TEXT_LIMITS[kind]) {
    throw badInput(`${field} has at most ${TEXT_LIMITS[kind]} characters`, { field });
  }
}
