import { readFileSync } from 'node:fs';
import { ROLES, type Caller, type Role } from '@onestop/service-kit';

/** Where one of the contract's claims comes from in the provider's token. */
export interface ClaimSource {
  /** The provider's claim: its exact name, else a dotted path into nested objects (`realm_access.roles`). */
  claim: string;
  /** For a list claim (groups): the first value that starts with it, the prefix removed (`/centres/`). */
  prefix?: string;
  /** The value must match it whole (a 12-digit citizen identity number: `^\\d{12}$`), else it is not taken. */
  pattern?: string;
}

/**
 * How the provider's claims become the contract's `role`, `centre` and `identityNumber`
 * (contract/README.md). Read from AUTH_OIDC_CLAIM_MAPPING (a JSON file); Keycloak's by default.
 */
export interface ClaimMapping {
  role:
    | (ClaimSource & {
        /** Provider value → role, best first: a user holding several gets the first listed. Absent: the roles' own names. */
        values?: Record<string, Role>;
      })
    /** Everyone this provider signs in has this role (a citizens' identity provider such as VNeID). */
    | { fixed: Role };
  centre?: ClaimSource;
  identityNumber?: ClaimSource;
  /** The display name written into the audit trail; `name` by default. */
  name?: ClaimSource;
  /** The user's stable id; `sub` by default. */
  subject?: ClaimSource;
}

/**
 * Keycloak: realm roles named as the contract's roles (or `onestop-<role>`), the centre as a user
 * attribute put into the token by a mapper, a citizen's identity number likewise.
 */
export const KEYCLOAK_MAPPING: ClaimMapping = {
  role: {
    claim: 'realm_access.roles',
    values: Object.fromEntries(
      // best first: a user holding ADMIN and OBSERVER is an ADMIN
      (['ADMIN', 'LEADER', 'SPECIALIST', 'INTAKE_OFFICER', 'OBSERVER', 'CITIZEN'] as Role[]).flatMap((r) => [
        [r, r],
        [`onestop-${r.toLowerCase().replace('_', '-')}`, r],
      ]),
    ),
  },
  centre: { claim: 'centre' },
  identityNumber: { claim: 'identityNumber', pattern: '^\\d{12}$' },
};

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Checks a mapping file's shape once, at start: a typo must stop the gateway, not lock everyone out. */
export function parseClaimMapping(json: unknown): ClaimMapping {
  const m = json as ClaimMapping;
  const fail = (why: string): never => {
    throw new Error(`AUTH_OIDC_CLAIM_MAPPING: ${why}`);
  };
  if (!m || typeof m !== 'object' || !m.role || typeof m.role !== 'object') fail('needs a "role" object');
  if ('fixed' in m.role) {
    if (!isRole(m.role.fixed)) fail(`role.fixed must be one of ${ROLES.join(', ')}`);
  } else {
    if (typeof m.role.claim !== 'string') fail('role needs "claim" (or "fixed")');
    for (const [from, to] of Object.entries(m.role.values ?? {}))
      if (!isRole(to)) fail(`role.values["${from}"] = "${String(to)}" is not a role`);
  }
  for (const key of ['centre', 'identityNumber', 'name', 'subject'] as const) {
    const source = m[key];
    if (source === undefined) continue;
    if (typeof source?.claim !== 'string') fail(`${key} needs "claim"`);
    if (source.pattern !== undefined) new RegExp(source.pattern);
  }
  return m;
}

export function readClaimMapping(path: string | undefined): ClaimMapping {
  return path ? parseClaimMapping(JSON.parse(readFileSync(path, 'utf8'))) : KEYCLOAK_MAPPING;
}

function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  return name
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

/** The claim's values as strings (a single value or a list), the prefix applied. */
function valuesOf(claims: Record<string, unknown>, source: ClaimSource): string[] {
  const raw = claimAt(claims, source.claim);
  const list = (Array.isArray(raw) ? raw : [raw])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
  const prefixed =
    source.prefix === undefined
      ? list
      : list.filter((v) => v.startsWith(source.prefix!)).map((v) => v.slice(source.prefix!.length));
  const pattern = source.pattern === undefined ? undefined : new RegExp(`^(?:${source.pattern})$`);
  return prefixed.filter((v) => v !== '' && (!pattern || pattern.test(v)));
}

const first = (claims: Record<string, unknown>, source: ClaimSource | undefined) =>
  source ? valuesOf(claims, source)[0] : undefined;

/**
 * The contract's caller for a provider's verified claims, or undefined when they give no role (or
 * not what that role needs: an officer without a centre, a citizen without an identity number):
 * such a user signs in to nothing.
 */
export function mapClaims(claims: Record<string, unknown>, mapping: ClaimMapping): Caller | undefined {
  const id = first(claims, mapping.subject ?? { claim: 'sub' });
  if (!id) return undefined;
  let role: Role | undefined;
  if ('fixed' in mapping.role) role = mapping.role.fixed;
  else {
    const held = new Set(valuesOf(claims, mapping.role));
    const values = mapping.role.values ?? Object.fromEntries(ROLES.map((r) => [r, r]));
    role = Object.entries(values).find(([from]) => held.has(from))?.[1];
  }
  if (!role) return undefined;
  const caller: Caller = {
    id,
    name: first(claims, mapping.name ?? { claim: 'name' }) ?? first(claims, { claim: 'preferred_username' }) ?? id,
    role,
  };
  if (role === 'CITIZEN') {
    const identityNumber = first(claims, mapping.identityNumber);
    if (!identityNumber) return undefined;
    caller.identityNumber = identityNumber;
  } else {
    const centre = first(claims, mapping.centre);
    if (!centre) return undefined;
    caller.centre = centre;
  }
  return caller;
}
