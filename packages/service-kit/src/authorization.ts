import matrix from './authorization-matrix.json';
import type { CentreDirectory } from './centres';
import { forbidden, unauthenticated } from './errors';
import type { Caller, Role, ServiceAccount } from './identity';

/**
 * The authorization matrix (authorization-matrix.json) as the services use it: a service works
 * out the caller's RELATION to what the operation acts on, and `authorize` answers from the
 * matrix. Every access rule of the platform is a cell of that file.
 */
export type Relation =
  | 'OWN_CENTRE'
  | 'DESCENDANT_CENTRE'
  | 'OTHER_CENTRE'
  | 'OWN_DOSSIER'
  | 'OTHER_DOSSIER'
  | 'ROOT_CENTRE'
  | 'NON_ROOT_CENTRE'
  | 'UNKNOWN_CENTRE'
  | 'ANY';
export type Scope = 'dossier' | 'centre' | 'owner' | 'province' | 'any' | 'public';
export type Decision = 'ALLOW' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export type OperationName = keyof typeof matrix.operations;
/** A role, a service account (the courier), or the caller without a token. */
export type Subject = Role | ServiceAccount | 'NO_TOKEN';

export interface OperationPolicy {
  service: string;
  type: 'query' | 'mutation' | 'route';
  scope: Scope;
  target: string;
  allow: string[];
  path?: string;
  note?: string;
}

export const AUTHORIZATION_MATRIX = matrix.operations as Record<OperationName, OperationPolicy>;
export const MATRIX_ROLES = matrix.roles as Role[];
export const MATRIX_SERVICE_ACCOUNTS = matrix.serviceAccounts as ServiceAccount[];

const CENTRE_RELATIONS: Relation[] = ['OWN_CENTRE', 'DESCENDANT_CENTRE', 'OTHER_CENTRE'];
const DOSSIER_RELATIONS: Relation[] = ['OWN_DOSSIER', 'OTHER_DOSSIER'];
/** An officer's own centre: a root of the tree, below one, or named by the token but unknown to the platform. */
const PROVINCE_RELATIONS: Relation[] = ['ROOT_CENTRE', 'NON_ROOT_CENTRE', 'UNKNOWN_CENTRE'];

/** The relations a role can have to the target of an operation of this scope. */
export function relationsOf(scope: Scope, role: Role | ServiceAccount): Relation[] {
  if (role === 'COURIER') return ['ANY'];
  const citizen = role === 'CITIZEN';
  switch (scope) {
    case 'dossier':
      return citizen ? DOSSIER_RELATIONS : CENTRE_RELATIONS;
    case 'centre':
      return citizen ? ['ANY'] : CENTRE_RELATIONS;
    case 'owner':
      return citizen ? DOSSIER_RELATIONS : ['ANY', 'UNKNOWN_CENTRE'];
    case 'province':
      return citizen ? ['ANY'] : PROVINCE_RELATIONS;
    case 'any':
      return citizen ? ['ANY'] : ['ANY', 'UNKNOWN_CENTRE'];
    case 'public':
      return ['ANY'];
  }
}

/** What the matrix says of one cell. */
export function decide(operation: OperationName, subject: Subject, relation: Relation): Decision {
  const policy = AUTHORIZATION_MATRIX[operation];
  if (!policy) throw new Error(`Operation ${operation} is not in the authorization matrix`);
  if (subject === 'NO_TOKEN') return policy.scope === 'public' ? 'ALLOW' : 'UNAUTHENTICATED';
  return policy.allow.includes(`${subject}@${relation}`) ? 'ALLOW' : 'FORBIDDEN';
}

/** Every cell of the matrix, for the test that walks it. */
export function matrixCells(): Array<{
  operation: OperationName;
  subject: Subject;
  relation: Relation;
  decision: Decision;
}> {
  const cells: Array<{ operation: OperationName; subject: Subject; relation: Relation; decision: Decision }> = [];
  for (const operation of Object.keys(AUTHORIZATION_MATRIX) as OperationName[]) {
    for (const role of [...MATRIX_ROLES, ...MATRIX_SERVICE_ACCOUNTS]) {
      for (const relation of relationsOf(AUTHORIZATION_MATRIX[operation].scope, role)) {
        cells.push({ operation, subject: role, relation, decision: decide(operation, role, relation) });
      }
    }
    cells.push({ operation, subject: 'NO_TOKEN', relation: 'ANY', decision: decide(operation, 'NO_TOKEN', 'ANY') });
  }
  return cells;
}

/** The caller if the matrix allows the cell; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function authorize(caller: Caller | undefined, operation: OperationName, relation: Relation = 'ANY'): Caller {
  const decision = decide(operation, caller?.role ?? 'NO_TOKEN', relation);
  if (decision === 'UNAUTHENTICATED') throw unauthenticated();
  if (decision === 'FORBIDDEN') {
    throw forbidden(
      caller
        ? `${operation} is not allowed to ${caller.role} here (${relation.toLowerCase().replace(/_/g, ' ')})`
        : undefined,
    );
  }
  return caller!;
}

/** An officer's relation to the province's reference data, from their own centre (null: the token names no centre). */
export function provinceRelation(own: { parentId: string | null } | null): Relation {
  if (!own) return 'UNKNOWN_CENTRE';
  return own.parentId ? 'NON_ROOT_CENTRE' : 'ROOT_CENTRE';
}

/** What an operation acts on: the centres it belongs to (receiving, processing…) and its owner. */
export interface Target {
  centreIds?: Array<string | null | undefined>;
  ownerIdentityNumber?: string | null;
}

/**
 * The caller's relation to a target, for an operation's scope. Officers: the closest of the
 * target's centres (own beats descendant beats other); for the province's reference data,
 * whether their own centre is a root of the tree; where the target names no centre, whether
 * their token's centre exists at all (a well-signed token naming no centre acts nowhere).
 * Citizens: whether they own it.
 */
export async function relationTo(
  centres: CentreDirectory,
  caller: Caller | undefined,
  scope: Scope,
  target: Target,
): Promise<Relation> {
  if (!caller) return 'ANY';
  const relations = relationsOf(scope, caller.role);
  if (relations.length === 1) return relations[0];
  if (caller.role === 'CITIZEN') {
    return !!caller.identityNumber && caller.identityNumber === target.ownerIdentityNumber
      ? 'OWN_DOSSIER'
      : 'OTHER_DOSSIER';
  }
  if (relations.includes('UNKNOWN_CENTRE')) {
    const own = caller.centre ? await centres.byCode(caller.centre) : null;
    return scope === 'province' ? provinceRelation(own) : own ? 'ANY' : 'UNKNOWN_CENTRE';
  }
  let best: Relation = 'OTHER_CENTRE';
  for (const id of target.centreIds ?? []) {
    if (!id) continue;
    const relation = await centres.relationOf(caller, id);
    if (relation === 'OWN_CENTRE') return relation;
    if (relation === 'DESCENDANT_CENTRE') best = relation;
  }
  return best;
}

/** Works out the relation and authorizes in one step: what most resolvers need. */
export async function authorizeOn(
  centres: CentreDirectory,
  caller: Caller | undefined,
  operation: OperationName,
  target: Target = {},
): Promise<Caller> {
  if (!caller) return authorize(caller, operation);
  return authorize(caller, operation, await relationTo(centres, caller, AUTHORIZATION_MATRIX[operation].scope, target));
}

/** The same answer as a boolean, for list filters and routes. */
export async function isAllowed(
  centres: CentreDirectory,
  caller: Caller | undefined,
  operation: OperationName,
  target: Target = {},
): Promise<boolean> {
  const subject = caller?.role ?? 'NO_TOKEN';
  const relation = caller ? await relationTo(centres, caller, AUTHORIZATION_MATRIX[operation].scope, target) : 'ANY';
  return decide(operation, subject, relation) === 'ALLOW';
}
