import matrix from './authorization-matrix.json';
import type { CentreDirectory } from './centres';
import { forbidden, unauthenticated } from './errors';
import type { Caller, Role } from './identity';

/**
 * The authorization matrix (authorization-matrix.json) as the services use it: a service works
 * out the caller's RELATION to what the operation acts on, and `authorize` answers from the
 * matrix. Every access rule of the platform is a cell of that file.
 */
export type Relation = 'OWN_CENTRE' | 'DESCENDANT_CENTRE' | 'OTHER_CENTRE' | 'OWN_DOSSIER' | 'OTHER_DOSSIER' | 'ANY';
export type Scope = 'dossier' | 'centre' | 'owner' | 'any' | 'public';
export type Decision = 'ALLOW' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export type OperationName = keyof typeof matrix.operations;
/** A role, or the caller without a token. */
export type Subject = Role | 'NO_TOKEN';

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

const CENTRE_RELATIONS: Relation[] = ['OWN_CENTRE', 'DESCENDANT_CENTRE', 'OTHER_CENTRE'];
const DOSSIER_RELATIONS: Relation[] = ['OWN_DOSSIER', 'OTHER_DOSSIER'];

/** The relations a role can have to the target of an operation of this scope. */
export function relationsOf(scope: Scope, role: Role): Relation[] {
  const citizen = role === 'CITIZEN';
  switch (scope) {
    case 'dossier': return citizen ? DOSSIER_RELATIONS : CENTRE_RELATIONS;
    case 'centre': return citizen ? ['ANY'] : CENTRE_RELATIONS;
    case 'owner': return citizen ? DOSSIER_RELATIONS : ['ANY'];
    default: return ['ANY'];
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
export function matrixCells(): Array<{ operation: OperationName; subject: Subject; relation: Relation; decision: Decision }> {
  const cells: Array<{ operation: OperationName; subject: Subject; relation: Relation; decision: Decision }> = [];
  for (const operation of Object.keys(AUTHORIZATION_MATRIX) as OperationName[]) {
    for (const role of MATRIX_ROLES) {
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
    throw forbidden(caller ? `${operation} is not allowed to ${caller.role} here (${relation.toLowerCase().replace('_', ' ')})` : undefined);
  }
  return caller!;
}

/** What an operation acts on: the centres it belongs to (receiving, processing…) and its owner. */
export interface Target {
  centreIds?: Array<string | null | undefined>;
  ownerIdentityNumber?: string | null;
}

/**
 * The caller's relation to a target, for an operation's scope. Officers: the closest of the
 * target's centres (own beats descendant beats other). Citizens: whether they own it.
 */
export async function relationTo(centres: CentreDirectory, caller: Caller | undefined, scope: Scope, target: Target): Promise<Relation> {
  if (!caller) return 'ANY';
  const relations = relationsOf(scope, caller.role);
  if (relations.length === 1) return relations[0];
  if (caller.role === 'CITIZEN') {
    return !!caller.identityNumber && caller.identityNumber === target.ownerIdentityNumber ? 'OWN_DOSSIER' : 'OTHER_DOSSIER';
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
export async function authorizeOn(centres: CentreDirectory, caller: Caller | undefined, operation: OperationName, target: Target = {}): Promise<Caller> {
  if (!caller) return authorize(caller, operation);
  return authorize(caller, operation, await relationTo(centres, caller, AUTHORIZATION_MATRIX[operation].scope, target));
}

/** The same answer as a boolean, for list filters and routes. */
export async function isAllowed(centres: CentreDirectory, caller: Caller | undefined, operation: OperationName, target: Target = {}): Promise<boolean> {
  const subject = caller?.role ?? 'NO_TOKEN';
  const relation = caller ? await relationTo(centres, caller, AUTHORIZATION_MATRIX[operation].scope, target) : 'ANY';
  return decide(operation, subject, relation) === 'ALLOW';
}
