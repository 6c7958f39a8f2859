import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isObjectType,
  isNonNullType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { composeSupergraph, readServiceSdl, SERVICE_NAMES } from '@onestop/gateway';
import { PROTECTED_TYPES, type Role } from '@onestop/service-kit';
import { TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * Issue 16, findings 3 and 8: access is decided on the object wherever it is reached, and personal
 * data is shown by need.
 *
 * The province P (PROVINCE) has two districts D and E; Y is another province. Citizen A has
 * dossier a1 at D (an upload, record rA1; post delivery; notifications) and a2 at E (which reuses
 * rA1); citizen B has b1 at D (record rB1). The expectations below are the platform's rules
 * written out plainly, not read from the code under test.
 */
jest.setTimeout(600_000);

let platform: TestPlatform;
const C = {
  P: { id: '', code: 'OA.P' },
  D: { id: '', code: 'OA.D' },
  E: { id: '', code: 'OA.E' },
  Y: { id: '', code: 'OA.Y' },
};
type CentreName = keyof typeof C;
const A = {
  kind: 'CITIZEN',
  identityNumber: '046090001234',
  fullName: 'Nguyễn Văn An',
  phone: '0905123456',
  email: 'an@example.vn',
  address: '12 Lê Lợi, Huế',
};
const B = {
  kind: 'CITIZEN',
  identityNumber: '079085001234',
  fullName: 'Trần Thị Bình',
  phone: '0912345678',
  email: 'binh@example.vn',
  address: '3 Hùng Vương, Huế',
};
const PDF = (text: string) => ({
  fileName: `${text}.pdf`,
  mimeType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64'),
});

/** What the test made: dossiers (centre, owner), records (owner), applicants (by id). */
const dossiers = new Map<string, { code: string; centre: CentreName; owner: string }>();
const records = new Map<string, { owner: string }>();
const applicants = new Map<string, typeof A>();
const ids = { a1: '', a2: '', b1: '', rA1: '', rB1: '' };

interface Who {
  label: string;
  role: Role;
  centre?: CentreName;
  identityNumber?: string;
  token: string;
}
const OFFICER_ROLES: Role[] = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN', 'OBSERVER'];
const everyone: Who[] = [];

// ---------- the rules, written out ----------

/** Officers act in their own centre; ADMIN and OBSERVER also below it. */
const actsIn = (who: Who, centre: CentreName) =>
  who.centre === centre || (who.centre === 'P' && ['ADMIN', 'OBSERVER'].includes(who.role) && centre !== 'Y');
const seesDossier = (who: Who, id: string) => {
  const d = dossiers.get(id)!;
  return who.role === 'CITIZEN' ? who.identityNumber === d.owner : actsIn(who, d.centre);
};
/** Personal data: the person themselves, or an officer who serves them (not OBSERVER: it does not open papers). */
const seesPersonalDataOf = (who: Who, owner: string, atCounter?: string) =>
  who.role === 'CITIZEN'
    ? who.identityNumber === owner
    : who.role !== 'OBSERVER' &&
      (owner === atCounter || [...dossiers.values()].some((d) => d.owner === owner && actsIn(who, d.centre)));
/** An intake officer who typed the applicant's number (applicant(identityNumber)) has them at its counter. */
const atCounterOf = (who: Who, root: string, variables: Record<string, unknown>) =>
  who.role === 'INTAKE_OFFICER' && root === 'applicant' ? (variables.identityNumber as string) : undefined;

// ---------- the supergraph, and every path from a root field to a protected type ----------

function apiSchema(): GraphQLSchema {
  const supergraph = composeSupergraph(
    SERVICE_NAMES.map((name) => ({ name, url: `http://${name}/graphql`, sdl: readServiceSdl(name) })),
  );
  return Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
}

/** Scalars selected on each object to tell who it belongs to (plus the personal fields of an applicant). */
const WITNESS: Record<string, string[]> = {
  Dossier: ['id', 'code'],
  Applicant: ['id', 'fullName', 'identityNumber', 'phone', 'email', 'address'],
  DigitalRecord: ['id'],
  Notification: ['id', 'dossierCode', 'recipient'],
  Delivery: ['method'],
};
/** Values for root arguments, by name. A root field with a required argument not here fails the test: add it. */
const argumentValues = (): Record<string, unknown[]> => ({
  identityNumber: [A.identityNumber, B.identityNumber],
  id: [ids.a1, ids.a2, ids.b1],
  recordId: [ids.rA1, ids.rB1],
  centreId: [C.D.id, C.E.id],
  queue: ['COUNTER', 'POST', 'ONLINE'],
});
/** Six links reach every protected type from every root more than once (finding 3's link is four). */
const MAX_LINKS = 6;

interface Path {
  root: GraphQLField<unknown, unknown>;
  links: Array<{ type: GraphQLObjectType; field: string }>;
  query: string;
}

/** Types from which a protected type can be reached. */
function leadingToProtected(schema: GraphQLSchema): Set<string> {
  const reach = new Set<string>(PROTECTED_TYPES);
  for (let grew = true; grew;) {
    grew = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || reach.has(type.name) || type.name.startsWith('__')) continue;
      if (Object.values(type.getFields()).some((f) => reach.has(getNamedType(f.type).name))) {
        reach.add(type.name);
        grew = true;
      }
    }
  }
  return reach;
}

/** Every maximal path (no link used twice) from each query root field, each as one query with its arguments as variables. */
function pathsOf(schema: GraphQLSchema): Path[] {
  const reach = leadingToProtected(schema);
  const paths: Path[] = [];
  const selection = (type: GraphQLObjectType, inner: string) =>
    ['__typename', ...(WITNESS[type.name] ?? []).filter((f) => type.getFields()[f]), inner].filter(Boolean).join(' ');
  const walk = (root: GraphQLField<unknown, unknown>, type: GraphQLObjectType, links: Path['links']) => {
    const next = Object.values(type.getFields()).filter((f) => {
      const target = getNamedType(f.type);
      return (
        isObjectType(target) &&
        reach.has(target.name) &&
        !links.some((l) => l.type.name === type.name && l.field === f.name)
      );
    });
    if (links.length < MAX_LINKS && next.length) {
      for (const f of next) {
        const required = f.args.filter((a) => isNonNullType(a.type));
        if (required.length)
          throw new Error(
            `${type.name}.${f.name} takes arguments: teach the walker to fill ${required.map((a) => a.name).join(',')}`,
          );
        walk(root, getNamedType(f.type) as GraphQLObjectType, [...links, { type, field: f.name }]);
      }
      return;
    }
    // The query, inside out: the last object, then each link up to the root.
    let inner = selection(type, '');
    for (let i = links.length - 1; i >= 0; i--) inner = selection(links[i].type, `${links[i].field} { ${inner} }`);
    const args = root.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    paths.push({
      root,
      links,
      query: `query${paramsOf({ root })} { ${root.name}${args ? `(${args})` : ''} { ${inner} } }`,
    });
  };
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(root.type);
    if (isObjectType(type) && reach.has(type.name)) walk(root, type, []);
  }
  return paths;
}

const paramsOf = ({ root }: { root: GraphQLField<unknown, unknown> }) =>
  root.args.length ? `(${root.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';

/** Each way to call a root field: every value of each argument the pool knows (an optional one also left out). */
function variableSets(root: GraphQLField<unknown, unknown>): Array<Record<string, unknown>> {
  const pool = argumentValues();
  let sets: Array<Record<string, unknown>> = [{}];
  for (const arg of root.args) {
    const values = pool[arg.name];
    if (!values && isNonNullType(arg.type))
      throw new Error(`Query.${root.name}(${arg.name}:) has no values in the walker's pool: add some`);
    if (!values) continue;
    const choices = isNonNullType(arg.type) ? values : [undefined, ...values];
    sets = sets.flatMap((s) => choices.map((v) => (v === undefined ? s : { ...s, [arg.name]: v })));
  }
  return sets;
}

/** What the response shows that `who` may not see, as readable lines. */
function leaks(who: Who, data: unknown, atCounter?: string): string[] {
  const found: string[] = [];
  const visit = (value: any, where: string, dossier?: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}[${i}]`, dossier));
    if (!value || typeof value !== 'object') return;
    const type = value.__typename as string | undefined;
    if (type === 'Dossier' && value.id && !seesDossier(who, value.id)) found.push(`${where}: dossier ${value.code}`);
    if (
      type === 'DigitalRecord' &&
      records.has(value.id) &&
      !seesPersonalDataOf(who, records.get(value.id)!.owner, atCounter)
    )
      found.push(`${where}: record ${value.id}`);
    if (
      type === 'Notification' &&
      [...dossiers.values()].some(
        (d) => d.code === value.dossierCode && !seesDossier(who, [...dossiers.entries()].find(([, x]) => x === d)![0]),
      )
    ) {
      found.push(`${where}: notification of ${value.dossierCode}`);
    }
    if (type === 'Delivery' && dossier && !seesDossier(who, dossier)) found.push(`${where}: delivery of ${dossier}`);
    if (type === 'Applicant') {
      const person = applicants.get(value.id);
      const shown = [value.fullName, value.identityNumber, value.phone, value.email, value.address].filter(
        (v) => person && Object.values(person).includes(v),
      );
      if (person && !seesPersonalDataOf(who, person.identityNumber, atCounter) && shown.length)
        found.push(`${where}: ${shown.join(', ')}`);
    }
    for (const [key, v] of Object.entries(value)) visit(v, `${where}.${key}`, type === 'Dossier' ? value.id : dossier);
  };
  visit(data, 'data');
  return found;
}

// ---------- the province ----------

beforeAll(async () => {
  platform = await TestPlatform.start();
  const admin = await platform.token({ role: 'ADMIN', centre: C.P.code });
  const create = async (c: { id: string; code: string }, level: string, parentId?: string) => {
    const { createCentre } = await platform.contractOk(
      'CreateCentre',
      { input: { code: c.code, name: `Trung tâm ${c.code}`, level, parentId } },
      admin,
    );
    c.id = createCentre.id;
  };
  await create(C.P, 'PROVINCE');
  await create(C.D, 'DISTRICT', C.P.id);
  await create(C.E, 'DISTRICT', C.P.id);
  await create(C.Y, 'PROVINCE');
  await platform.ok(
    `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
    {
      input: {
        code: 'OA-PROC',
        name: 'Chứng thực bản sao',
        sector: 'Tư pháp',
        levels: ['PROVINCE', 'DISTRICT'],
        feeVnd: 0,
        processingTime: { amount: 5, unit: 'WORKING_DAYS' },
        components: [{ code: 'GT', name: 'Giấy tờ', required: false, documentType: 'CCCD' }],
      },
    },
    admin,
  );
  for (const service of ['processing', 'delivery', 'statistics'] as const) {
    await waitFor(
      async () =>
        (await platform.services[service].db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [C.Y.id])).length,
      { what: `${service} to learn of the centres` },
    );
  }
  const submit = async (centre: CentreName, applicant: typeof A, document: object) => {
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: C[centre].code });
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code components { record { id } } } }`,
      {
        input: {
          procedureCode: 'OA-PROC',
          centreId: C[centre].id,
          channel: 'COUNTER',
          applicant,
          documents: [document],
          delivery: { method: 'POST', address: applicant.address },
        },
      },
      officer,
    );
    dossiers.set(submitDossier.id, { code: submitDossier.code, centre, owner: applicant.identityNumber });
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM dossier WHERE id = $1`, [submitDossier.id])).length,
      { what: 'processing to learn of the dossier' },
    );
    await waitFor(
      async () =>
        (
          await platform.services.delivery.db.query(`SELECT 1 FROM notification WHERE dossier_id = $1`, [
            submitDossier.id,
          ])
        ).length,
      { what: 'a notification' },
    );
    await waitFor(
      async () =>
        (
          await platform.services.statistics.db.query(`SELECT 1 FROM dossier_fact WHERE dossier_id = $1`, [
            submitDossier.id,
          ])
        ).length,
      { what: 'statistics' },
    );
    return { id: submitDossier.id as string, recordId: submitDossier.components[0].record.id as string };
  };
  const a1 = await submit('D', A, { componentCode: 'GT', upload: PDF('cccd-an') });
  const a2 = await submit('E', A, { componentCode: 'GT', reuseRecordId: a1.recordId });
  const b1 = await submit('D', B, { componentCode: 'GT', upload: PDF('cccd-binh') });
  Object.assign(ids, { a1: a1.id, a2: a2.id, b1: b1.id, rA1: a1.recordId, rB1: b1.recordId });
  records.set(a1.recordId, { owner: A.identityNumber }).set(b1.recordId, { owner: B.identityNumber });
  for (const person of [A, B]) {
    const [row] = await platform.services.intake.db.query(`SELECT id FROM applicant WHERE identity_number = $1`, [
      person.identityNumber,
    ]);
    applicants.set(row.id, person);
  }
  // Each role at the dossiers' centre D, the sibling E and the province P above them; the province-level roles also at Y, another province.
  for (const role of OFFICER_ROLES) {
    for (const centre of (['ADMIN', 'OBSERVER'].includes(role)
      ? ['D', 'E', 'P', 'Y']
      : ['D', 'E', 'P']) as CentreName[]) {
      everyone.push({
        label: `${role}@${centre}`,
        role,
        centre,
        token: await platform.token({ role, centre: C[centre].code }),
      });
    }
  }
  for (const [label, person] of [
    ['CITIZEN A', A],
    ['CITIZEN B', B],
  ] as const) {
    everyone.push({
      label,
      role: 'CITIZEN',
      identityNumber: person.identityNumber,
      token: await platform.token({ role: 'CITIZEN', identityNumber: person.identityNumber }),
    });
  }
});
afterAll(() => platform?.stop());

const who = (label: string) => everyone.find((w) => w.label === label)!;

// ---------- finding 3: other centres' dossiers through links ----------

const THROUGH_LINKS = `query($n: String!) { applicant(identityNumber: $n) { records { sourceDossier {
  history { actor note } delivery { trackingNumber notifications { subject } } applicant { phone email } } } } }`;

it("finding 3: an officer of another centre gets no dossier of centre D through an applicant's records", async () => {
  // E serves A (a2 is at E): it sees A's records, but rA1 came from a1 at D, which is not E's.
  const atE = await platform.ok(THROUGH_LINKS, { n: A.identityNumber }, who('SPECIALIST@E').token);
  expect(atE.applicant.records).toEqual([{ sourceDossier: null }]);
  // P (above D, but not a province-level role) serves nobody here: nothing of A at all.
  expect((await platform.ok(THROUGH_LINKS, { n: A.identityNumber }, who('LEADER@P').token)).applicant).toBeNull();
  // D's own officer does see it, with its history, delivery and notifications.
  const atD = await platform.ok(THROUGH_LINKS, { n: A.identityNumber }, who('SPECIALIST@D').token);
  expect(atD.applicant.records[0].sourceDossier).toMatchObject({
    applicant: { phone: A.phone, email: A.email },
    delivery: { notifications: expect.any(Array) },
  });
});

it('finding 3: an OBSERVER opens no papers: the same query is FORBIDDEN, at the province and elsewhere', async () => {
  for (const label of ['OBSERVER@P', 'OBSERVER@D', 'OBSERVER@Y']) {
    const res = await platform.graphql(THROUGH_LINKS, { n: A.identityNumber }, who(label).token);
    expect([label, res.errors?.[0]?.extensions?.code, res.data?.applicant ?? null]).toEqual([label, 'FORBIDDEN', null]);
  }
});

// ---------- finding 8: personal data by need ----------

const CONTACT = `query($n: String!) { applicant(identityNumber: $n) { fullName phone email address records { id } } }`;

it('finding 8: an officer who does not serve the applicant reads no phone, email, address or records by identity number', async () => {
  // An intake officer who types the number at the counter serves that applicant there (below).
  for (const label of ['SPECIALIST@E', 'SPECIALIST@P', 'LEADER@P', 'ADMIN@Y']) {
    expect([label, (await platform.ok(CONTACT, { n: B.identityNumber }, who(label).token)).applicant]).toEqual([
      label,
      null,
    ]);
  }
});

it('finding 8: an officer serving the applicant reads them, and each read is logged with who read what', async () => {
  const db = platform.services.intake.db;
  const [{ id: applicantB }] = await db.query(`SELECT id FROM applicant WHERE identity_number = $1`, [
    B.identityNumber,
  ]);
  const before = (
    await db.query(`SELECT count(*)::int AS n FROM personal_data_access WHERE applicant_id = $1`, [applicantB])
  )[0].n;
  const { applicant } = await platform.ok(CONTACT, { n: B.identityNumber }, who('INTAKE_OFFICER@D').token);
  expect(applicant).toEqual({
    fullName: B.fullName,
    phone: B.phone,
    email: B.email,
    address: B.address,
    records: [{ id: ids.rB1 }],
  });
  // a request reads contact data and records concurrently: the two rows come in either order
  const rows = await db.query(
    `SELECT * FROM (SELECT what, reader_role AS role, reader_centre AS centre FROM personal_data_access WHERE applicant_id = $1 ORDER BY id OFFSET $2) r ORDER BY what`,
    [applicantB, before],
  );
  expect(rows).toEqual([
    { what: 'CONTACT', role: 'INTAKE_OFFICER', centre: C.D.code },
    { what: 'RECORDS', role: 'INTAKE_OFFICER', centre: C.D.code },
  ]);
  await expect(db.query(`DELETE FROM personal_data_access`)).rejects.toThrow(/append-only/);
  // The citizen reading their own data is not an officer's read.
  await platform.ok(CONTACT, { n: B.identityNumber }, who('CITIZEN B').token);
  expect(
    (await db.query(`SELECT count(*)::int AS n FROM personal_data_access WHERE applicant_id = $1`, [applicantB]))[0].n,
  ).toBe(before + 2);
  // An intake officer of another centre with the applicant at its counter (it typed the number):
  // serving them there, so that records digitised elsewhere are reused; logged with its centre.
  expect((await platform.ok(CONTACT, { n: B.identityNumber }, who('INTAKE_OFFICER@E').token)).applicant).toMatchObject({
    phone: B.phone,
    records: [{ id: ids.rB1 }],
  });
  const atE = await db.query(
    `SELECT * FROM (SELECT what, reader_centre AS centre FROM personal_data_access WHERE applicant_id = $1 ORDER BY id OFFSET $2) r ORDER BY what`,
    [applicantB, before + 2],
  );
  expect(atE).toEqual([
    { what: 'CONTACT', centre: C.E.code },
    { what: 'RECORDS', centre: C.E.code },
  ]);
});

it('finding 8: an OBSERVER oversees the dossier without personal data: no contact, no records, initials and a masked number', async () => {
  const res = await platform.graphql(
    `query($id: ID!) { dossier(id: $id) { code applicant { identityNumber fullName phone email address records { id } } } }`,
    { id: ids.b1 },
    who('OBSERVER@P').token,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.dossier.applicant).toEqual({
    identityNumber: '0790******34',
    fullName: 'T. T. B.',
    phone: null,
    email: null,
    address: null,
    records: [],
  });
  expect(
    (await platform.graphql(CONTACT, { n: B.identityNumber }, who('OBSERVER@P').token)).errors?.[0]?.extensions?.code,
  ).toBe('FORBIDDEN');
});

// ---------- every path of the supergraph, for everyone ----------

describe('every path from every root field to a dossier, delivery, notification, applicant or record', () => {
  const schema = apiSchema();
  const paths = pathsOf(schema);

  it('finds the paths in the schema (the link of finding 3 among them)', () => {
    expect(paths.length).toBeGreaterThan(30);
    const roots = new Set(paths.map((p) => p.root.name));
    for (const root of ['applicant', 'dossier', 'myDossiers', 'inbox', 'recordAccessLog', 'failedNotifications'])
      expect(roots).toContain(root);
    expect(
      paths.some(
        (p) =>
          p.query.includes('records {') && p.query.includes('sourceDossier {') && p.query.includes('notifications {'),
      ),
    ).toBe(true);
  });

  it('shows nobody what their role and centre may not see', async () => {
    // Up to six paths of one root field and arguments in one request (aliases).
    const calls = paths.flatMap((p) =>
      variableSets(p.root).map((variables) => ({ p, variables, key: `${p.root.name}${JSON.stringify(variables)}` })),
    );
    const batches: Array<typeof calls> = [];
    for (const call of calls) {
      const open = batches.find((b) => b[0].key === call.key && b.length < 6);
      if (open) open.push(call);
      else batches.push([call]);
    }
    const found: string[] = [];
    let answered = 0;
    const ask = async (person: Who, batch: typeof calls): Promise<void> => {
      const query =
        batch.length === 1
          ? batch[0].p.query
          : `query${paramsOf(batch[0].p)} { ${batch.map((c, i) => `p${i}: ${c.p.query.slice(c.p.query.indexOf('{') + 1, -1)}`).join(' ')} }`;
      let res = await platform.graphql(query, batch[0].variables, person.token);
      // The machine's PostgreSQL is shared: a connection refused for its limit is asked again, not a finding.
      for (let i = 0; i < 5 && res.errors?.some((e) => /too many clients/.test(e.message)); i++) {
        await new Promise((r) => setTimeout(r, 1000));
        res = await platform.graphql(query, batch[0].variables, person.token);
      }
      // A refusal below a list root (inbox, myDossiers) nulls the whole answer, and with it the other paths: ask those one by one.
      if (res.data === null && batch.length > 1 && res.errors?.some((e) => (e.path?.length ?? 0) > 1)) {
        for (const call of batch) await ask(person, [call]);
        return;
      }
      expect([
        query,
        res.status,
        res.errors?.find((e) => !['FORBIDDEN', 'NOT_FOUND'].includes(e.extensions?.code as string)),
      ]).toEqual([query, 200, undefined]);
      if (res.data) answered++;
      for (const leak of leaks(person, res.data, atCounterOf(person, batch[0].p.root.name, batch[0].variables)))
        found.push(`${person.label} ${JSON.stringify(batch[0].variables)} ${leak}\n  ${query}`);
    };
    const queue = everyone.flatMap((person) => batches.map((batch) => ({ person, batch })));
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await ask(next.person, next.batch);
      }),
    );
    expect(found.slice(0, 20)).toEqual([]);
    expect(answered).toBeGreaterThan(everyone.length);
  });

  it('lets each role see what it may: the walker is not passing because everything is empty', async () => {
    const D_OFFICER = who('SPECIALIST@D');
    const seen = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { id applicant { phone records { id sourceDossier { id } } } delivery { notifications { id } } } }`,
      { id: ids.a1 },
      D_OFFICER.token,
    );
    expect(seen.dossier).toMatchObject({
      id: ids.a1,
      applicant: { phone: A.phone, records: [{ id: ids.rA1, sourceDossier: { id: ids.a1 } }] },
    });
    expect(seen.dossier.delivery.notifications.length).toBeGreaterThan(0);
    const admin = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { id outcome delivery { method } } }`,
      { id: ids.a2 },
      who('ADMIN@P').token,
    );
    expect(admin.dossier).toMatchObject({ id: ids.a2, delivery: { method: 'POST' } });
  });
});
