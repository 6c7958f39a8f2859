import {
  defaultFieldResolver,
  Kind,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type TypeNode,
} from 'graphql';
import { isAllowed, type OperationName, type Target } from './authorization';
import type { CentreDirectory } from './centres';
import { forbidden } from './errors';
import type { Caller } from './identity';

/**
 * Access decided on the object, wherever it is reached. These types carry a citizen's dossier or
 * personal data; every subgraph that declares one must give it a guard, and `guardResolvers`
 * passes every value of that type through it: each field that returns it (root fields, links,
 * lists) and its `__resolveReference`. The fields are found in the SDL, so a new field is
 * guarded without anyone remembering to.
 */
export const PROTECTED_TYPES = ['Dossier', 'Delivery', 'Notification', 'Applicant', 'DigitalRecord'] as const;
export type ProtectedType = (typeof PROTECTED_TYPES)[number];

/** What the caller may see of one object: the object, a reduced copy of it, or null (nothing). */
export type ObjectGuard<C = any> = (value: any, ctx: C) => unknown;
export type ObjectGuards<C = any> = Partial<Record<ProtectedType, ObjectGuard<C>>>;

type ResolverMap = Record<string, any>;

const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));

/** Object types (definitions and extensions) of the SDL with their fields and whether they are entities. */
function objectTypes(typeDefs: DocumentNode): Map<string, { fields: FieldDefinitionNode[]; entity: boolean }> {
  const types = new Map<string, { fields: FieldDefinitionNode[]; entity: boolean }>();
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = types.get(def.name.value) ?? { fields: [], entity: false };
    type.fields.push(...(def.fields ?? []));
    type.entity ||= !!def.directives?.some(
      (d) =>
        d.name.value === 'key' &&
        !d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
    );
    types.set(def.name.value, type);
  }
  return types;
}

async function pass(guard: ObjectGuard, value: unknown, ctx: unknown, field: FieldDefinitionNode): Promise<unknown> {
  if (value == null) return value;
  if (Array.isArray(value)) {
    // a list keeps what the caller may see, and drops the rest
    const seen = await Promise.all(value.map((v) => (v == null ? v : guard(v, ctx))));
    return seen.filter((v, i) => v != null || value[i] == null);
  }
  const seen = await guard(value, ctx);
  if (seen == null && field.type.kind === Kind.NON_NULL_TYPE) throw forbidden();
  return seen;
}

/**
 * The resolver map with every protected value passed through its type's guard. Mutation results
 * are left as they are: a mutation has already authorized the caller on the very object it
 * returns (through the matrix), and refusing its answer after the write would look like a failure;
 * the links inside its answer are guarded like any other.
 */
export function guardResolvers(
  service: string,
  typeDefs: DocumentNode,
  resolvers: ResolverMap,
  guards: ObjectGuards,
): ResolverMap {
  const types = objectTypes(typeDefs);
  const missing = PROTECTED_TYPES.filter((t) => types.has(t) && !guards[t]);
  if (missing.length)
    throw new Error(`${service} declares ${missing.join(', ')} without a guard (service-kit object-guards.ts)`);
  const out: ResolverMap = { ...resolvers };
  for (const [typeName, type] of types) {
    if (typeName === 'Mutation') continue;
    for (const field of type.fields) {
      const guard = guards[named(field.type) as ProtectedType];
      if (!guard) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = out[typeName]?.[field.name.value] ?? defaultFieldResolver;
      out[typeName] = {
        ...out[typeName],
        [field.name.value]: async (parent: unknown, args: unknown, ctx: unknown, info: any) =>
          pass(guard, await resolve(parent, args as never, ctx, info), ctx, field),
      };
    }
    const guard = guards[typeName as ProtectedType];
    if (guard && type.entity) {
      const reference = out[typeName]?.__resolveReference ?? ((ref: unknown) => ref);
      out[typeName] = {
        ...out[typeName],
        __resolveReference: async (ref: unknown, ctx: unknown, info: unknown) => {
          const value = await reference(ref, ctx, info);
          return value == null ? value : guard(value, ctx);
        },
      };
    }
  }
  return out;
}

/**
 * Whether the caller may read an object whose target is `target`, by the matrix's `operation`
 * (`dossier` by default). Relations to centres are worked out once per request: a list of fifty
 * dossiers at one centre asks the centre tree once.
 */
const relations = new WeakMap<object, Map<string, Promise<'OWN_CENTRE' | 'DESCENDANT_CENTRE' | 'OTHER_CENTRE'>>>();
export function mayRead(
  ctx: { caller?: Caller },
  centres: CentreDirectory,
  target: Target,
  operation: OperationName = 'dossier',
): Promise<boolean> {
  const caller = ctx.caller;
  if (!caller) return Promise.resolve(false);
  let memo = relations.get(ctx);
  if (!memo) relations.set(ctx, (memo = new Map()));
  const known = memo;
  // the request's directory: the ancestors its other checks (authorizeOn at the root) read are read once
  const requestCentres = centres.forRequest(ctx);
  const remembered = {
    relationOf(c: Caller, centreId: string) {
      let relation = known.get(centreId);
      if (!relation) known.set(centreId, (relation = requestCentres.relationOf(c, centreId)));
      return relation;
    },
  } as CentreDirectory;
  return isAllowed(remembered, caller, operation, target);
}

/** One value per key per request (a lookup several guards of one request need). */
export function perRequest<T>(
  ctx: object,
  memo: WeakMap<object, Map<string, Promise<T>>>,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let map = memo.get(ctx);
  if (!map) memo.set(ctx, (map = new Map()));
  let value = map.get(key);
  if (!value) map.set(key, (value = load()));
  return value;
}
