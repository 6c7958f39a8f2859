import { parse } from 'graphql';
import { guardResolvers } from './object-guards';

/** The guards are derived from the SDL: a field nobody listed is guarded all the same. */
const sdl = parse(`
  type Dossier @key(fields: "id") { id: ID! secret: String }
  type Applicant { id: ID! }
  type Record { dossier: Dossier!, maybe: Dossier, all: [Dossier!]!, someNewLink: Dossier }
  type Query { dossier(id: ID!): Dossier, record: Record }
  type Mutation { touch: Dossier! }
`);
const mine = { id: 'mine' };
const theirs = { id: 'theirs' };
const guards = { Dossier: (d: { id: string }) => (d.id === 'mine' ? d : null), Applicant: (a: unknown) => a };
const info = {} as never;

it('refuses to build a service that declares a protected type without its guard', () => {
  expect(() => guardResolvers('intake', sdl, {}, { Dossier: guards.Dossier })).toThrow(
    /intake declares Applicant without a guard/,
  );
});

it('passes every field returning a protected type through its guard: null, FORBIDDEN for a non-null field, lists filtered', async () => {
  const resolvers = guardResolvers(
    'intake',
    sdl,
    { Query: { dossier: (_: unknown, { id }: { id: string }) => ({ id }) } },
    guards,
  );
  expect(await resolvers.Query.dossier(null, { id: 'theirs' }, {}, info)).toBeNull();
  expect(await resolvers.Query.dossier(null, { id: 'mine' }, {}, info)).toEqual(mine);
  // fields with no resolver of their own (the default resolver) are guarded too
  const record = { dossier: theirs, maybe: theirs, all: [mine, theirs], someNewLink: theirs };
  await expect(resolvers.Record.dossier(record, {}, {}, { fieldName: 'dossier' } as never)).rejects.toMatchObject({
    extensions: { code: 'FORBIDDEN' },
  });
  expect(await resolvers.Record.maybe(record, {}, {}, { fieldName: 'maybe' } as never)).toBeNull();
  expect(await resolvers.Record.all(record, {}, {}, { fieldName: 'all' } as never)).toEqual([mine]);
  expect(await resolvers.Record.someNewLink(record, {}, {}, { fieldName: 'someNewLink' } as never)).toBeNull();
});

it("guards the entity reference, and leaves a mutation's own answer as it is", async () => {
  const resolvers = guardResolvers('intake', sdl, { Mutation: { touch: () => theirs } }, guards);
  expect(await resolvers.Dossier.__resolveReference(theirs, {}, info)).toBeNull();
  expect(await resolvers.Dossier.__resolveReference(mine, {}, info)).toEqual(mine);
  expect(resolvers.Mutation.touch()).toBe(theirs);
});
