import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_CODES } from '@onestop/service-kit';
import { contractOperation, Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * The bad-input corpus: malformed and hostile requests to every operation of the contract (and
 * the extra mutations). Every answer is a contract error (never INTERNAL_SERVER_ERROR, never an
 * HTTP 500), and a snapshot of the database (row counts of every table of every schema) and of
 * the blob folder taken before and after the corpus shows nothing written.
 */
jest.setTimeout(600_000);

let platform: TestPlatform;
let centre: { id: string; code: string };
let dossier: { id: string; code: string };
const tokens: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const LONG = 'x'.repeat(10_001);
const HOSTILE = [
  "1' OR '1'='1",
  "'; DROP TABLE dossier; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '\u0000',
];

type Vars = Record<string, any>;
interface OperationSpec {
  /** A contract operation's name, or the text of an extra one. */
  op: string;
  token: string;
  vars: () => Vars;
  text?: string[];
  ids?: string[];
  enums?: string[];
  ints?: string[];
  dates?: string[];
  base64?: string[];
  /** Paths whose hostile strings are refused (ids, codes, identity numbers); other text is stored as typed and escaped on output. */
  hostile?: string[];
  /** A query that answers null rather than an error for a value that names nothing. */
  nullIsAnAnswer?: boolean;
  /** `vars` would succeed (and write): then each case alone must be what is refused, and the snapshot proves it. */
  valid?: boolean;
}

function set(vars: Vars, path: string, value: unknown): Vars {
  const copy = structuredClone(vars);
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k];
  node[keys[keys.length - 1]] = value;
  return copy;
}

const applicant = () => ({
  kind: 'CITIZEN',
  identityNumber: '046090001234',
  fullName: 'Nguyễn Văn An',
  phone: '0905123456',
  email: 'an@example.vn',
  address: null,
});
const upload = () => ({ fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: PDF });

function specs(): OperationSpec[] {
  return [
    {
      op: 'CreateCentre',
      token: 'admin',
      vars: () => ({ input: { code: 'BAD.01', name: 'Trung tâm', level: 'PROVINCE', parentId: null } }),
      valid: true,
      text: ['input.code', 'input.name'],
      ids: ['input.parentId'],
      enums: ['input.level'],
      hostile: ['input.code', 'input.parentId'],
    },
    {
      op: 'SetCalendarDay',
      token: 'admin',
      vars: () => ({ input: { date: '2031-06-02', kind: 'HOLIDAY', name: 'Nghỉ' } }),
      valid: true,
      text: ['input.name'],
      enums: ['input.kind'],
      dates: ['input.date'],
    },
    {
      op: 'UpsertProcedure',
      token: 'admin',
      vars: () => ({
        input: {
          code: 'BAD-P',
          name: 'Thủ tục',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 0,
          processingTime: { amount: 5, unit: 'WORKING_DAYS' },
          components: [],
        },
      }),
      valid: true,
      text: ['input.code', 'input.name', 'input.sector'],
      enums: ['input.processingTime.unit'],
      ints: ['input.feeVnd', 'input.processingTime.amount'],
    },
    {
      op: 'DefineWorkflow',
      token: 'admin',
      vars: () => ({
        input: {
          procedureCode: 'BAD-WF',
          steps: [
            { code: 'ONLY', name: 'Một bước', role: 'LEADER', durationHours: 8 },
            { code: 'DECIDE', name: 'Quyết định', role: 'LEADER', durationHours: 8 },
          ],
        },
      }),
      valid: true,
      text: ['input.procedureCode', 'input.steps.0.code', 'input.steps.0.name'],
      enums: ['input.steps.0.role'],
      ints: ['input.steps.0.durationHours'],
    },
    {
      op: 'SubmitDossier',
      token: 'officer',
      vars: () => ({
        input: {
          procedureCode: 'BAD-PROC',
          centreId: centre.id,
          channel: 'COUNTER',
          applicant: applicant(),
          documents: [{ componentCode: 'X', upload: upload() }],
          delivery: { method: 'COUNTER', address: null },
          idempotencyKey: null,
        },
      }),
      valid: true,
      text: [
        'input.procedureCode',
        'input.applicant.fullName',
        'input.applicant.identityNumber',
        'input.documents.0.componentCode',
        'input.documents.0.upload.fileName',
        'input.idempotencyKey',
      ],
      ids: ['input.centreId'],
      enums: ['input.channel', 'input.applicant.kind', 'input.delivery.method'],
      base64: ['input.documents.0.upload.contentBase64'],
      hostile: ['input.applicant.identityNumber', 'input.centreId', 'input.procedureCode'],
    },
    {
      op: 'Applicant',
      token: 'officer',
      vars: () => ({ identityNumber: '046090009999' }),
      text: ['identityNumber'],
      hostile: ['identityNumber'],
      nullIsAnAnswer: true,
    },
    {
      op: 'RequestSupplement',
      token: 'specialist',
      vars: () => ({ dossierId: randomUUID(), reason: 'Thiếu', componentCodes: ['X'] }),
      text: ['reason', 'componentCodes.0'],
      ids: ['dossierId'],
      hostile: ['dossierId'],
    },
    {
      op: 'SubmitSupplement',
      token: 'officer',
      vars: () => ({ dossierId: dossier.id, documents: [{ componentCode: 'X', upload: upload() }] }),
      text: ['documents.0.componentCode', 'documents.0.upload.fileName'],
      ids: ['dossierId'],
      base64: ['documents.0.upload.contentBase64'],
      hostile: ['dossierId'],
    },
    {
      op: 'RefuseDossier',
      token: 'officer',
      vars: () => ({ dossierId: dossier.id, reason: '' }),
      text: ['reason'],
      ids: ['dossierId'],
      hostile: ['dossierId'],
    },
    {
      op: 'WithdrawDossier',
      token: 'officer',
      vars: () => ({ dossierId: randomUUID(), reason: 'Rút' }),
      text: ['reason'],
      ids: ['dossierId'],
      hostile: ['dossierId'],
    },
    {
      op: 'Inbox',
      token: 'officer',
      vars: () => ({ centreId: randomUUID() }),
      ids: ['centreId'],
      hostile: ['centreId'],
    },
    {
      op: 'CompleteStep',
      token: 'specialist',
      vars: () => ({ dossierId: randomUUID(), note: null }),
      text: ['note'],
      ids: ['dossierId'],
      hostile: ['dossierId'],
    },
    {
      op: 'TransferDossier',
      token: 'officer',
      vars: () => ({ dossierId: dossier.id, toCentreId: randomUUID(), reason: 'Liên thông' }),
      text: ['reason'],
      ids: ['dossierId', 'toCentreId'],
      hostile: ['toCentreId'],
    },
    {
      op: 'DecideDossier',
      token: 'leader',
      vars: () => ({
        input: {
          dossierId: dossier.id,
          decision: 'APPROVED',
          reason: null,
          result: { documentType: 'GP', title: 'Giấy phép', validUntil: '2027-02-30', upload: upload() },
        },
      }),
      text: ['input.reason', 'input.result.title', 'input.result.documentType'],
      ids: ['input.dossierId'],
      enums: ['input.decision'],
      dates: ['input.result.validUntil'],
      base64: ['input.result.upload.contentBase64'],
      hostile: ['input.dossierId'],
    },
    {
      op: 'IssueApology',
      token: 'leader',
      vars: () => ({ dossierId: dossier.id, reason: 'Chậm', newDueAt: '2020-01-01T00:00:00Z' }),
      text: ['reason'],
      ids: ['dossierId'],
      dates: ['newDueAt'],
      hostile: ['dossierId'],
    },
    {
      op: 'ConfirmPickup',
      token: 'officer',
      vars: () => ({ dossierId: randomUUID() }),
      ids: ['dossierId'],
      hostile: ['dossierId'],
    },
    {
      op: 'RecordPostalEvent',
      token: 'courier',
      vars: () => ({ trackingNumber: 'NO-PARCEL', event: { status: 'ACCEPTED', at: null, note: null } }),
      text: ['trackingNumber', 'event.note'],
      enums: ['event.status'],
      dates: ['event.at'],
      hostile: ['trackingNumber'],
    },
    {
      op: 'RateService',
      token: 'citizen',
      vars: () => ({ dossierId: dossier.id, rating: { overall: 'SATISFIED', comment: null } }),
      text: ['rating.comment'],
      ids: ['dossierId'],
      enums: ['rating.overall'],
      hostile: ['dossierId'],
    },
    {
      op: 'Dossier',
      token: 'officer',
      vars: () => ({ id: randomUUID() }),
      ids: ['id'],
      hostile: ['id'],
      nullIsAnAnswer: true,
    },
    {
      op: 'Report',
      token: 'admin',
      vars: () => ({
        input: {
          from: '2026-12-31',
          to: '2026-01-01',
          centreId: centre.id,
          includeDescendants: false,
          groupBy: 'CENTRE',
        },
      }),
      ids: ['input.centreId'],
      enums: ['input.groupBy'],
      dates: ['input.from', 'input.to'],
      hostile: ['input.centreId'],
    },
    {
      op: 'TrackDossier',
      token: 'none',
      vars: () => ({ code: 'NO-CODE', verifier: '1234' }),
      text: ['code', 'verifier'],
      hostile: ['code', 'verifier'],
      nullIsAnAnswer: true,
    },
    { op: 'CalendarDays', token: 'none', vars: () => ({ year: 99999 }), ints: ['year'] },
    {
      op: 'Procedures',
      token: 'none',
      vars: () => ({ centreId: randomUUID() }),
      ids: ['centreId'],
      hostile: ['centreId'],
    },
    // Extra operations of the schema, beyond the contract.
    {
      op: `mutation($id: ID!, $parentId: ID) { moveCentre(centreId: $id, parentId: $parentId) { id } }`,
      token: 'admin',
      vars: () => ({ id: randomUUID(), parentId: null }),
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `mutation($id: ID!) { acceptDossier(dossierId: $id) { id } }`,
      token: 'officer',
      vars: () => ({ id: randomUUID() }),
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `mutation($id: ID!, $reason: String!, $amount: Int!) { requestFinancialObligation(dossierId: $id, reason: $reason, amountVnd: $amount) { id } }`,
      token: 'specialist',
      vars: () => ({ id: dossier.id, reason: 'Lệ phí', amount: -5 }),
      text: ['reason'],
      ids: ['id'],
      ints: ['amount'],
      hostile: ['id'],
    },
    {
      op: `mutation($id: ID!, $note: String) { confirmFinancialObligation(dossierId: $id, note: $note) { id } }`,
      token: 'specialist',
      vars: () => ({ id: randomUUID(), note: null }),
      text: ['note'],
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `mutation($id: ID!, $reason: String!) { stopDossier(dossierId: $id, reason: $reason) { id } }`,
      token: 'leader',
      vars: () => ({ id: randomUUID(), reason: 'Dừng' }),
      text: ['reason'],
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `mutation($id: ID!) { resendNotification(id: $id) { id } }`,
      token: 'admin',
      vars: () => ({ id: randomUUID() }),
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `query($limit: Int) { failedNotifications(limit: $limit) { id } }`,
      token: 'admin',
      vars: () => ({ limit: 'many' }),
    },
    {
      op: `query($id: ID!) { recordAccessLog(recordId: $id) { at } }`,
      token: 'admin',
      vars: () => ({ id: randomUUID() }),
      ids: ['id'],
      hostile: ['id'],
    },
    {
      op: `query($id: ID!, $from: Date!, $to: Date!) { dailyTraffic(centreId: $id, from: $from, to: $to) { centreId } }`,
      token: 'admin',
      vars: () => ({ id: centre.id, from: '2026-01-01', to: '2030-01-01' }),
      ids: ['id'],
      dates: ['from', 'to'],
      hostile: ['id'],
    },
    {
      op: `query($code: String!) { workflow(procedureCode: $code) { procedureCode } }`,
      token: 'none',
      vars: () => ({ code: { nested: true } }),
    },
  ];
}

interface Case {
  name: string;
  send: () => Promise<{ status: number; body: any }>;
  nullIsAnAnswer?: boolean;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const spec of specs()) {
    const text = spec.op.includes('{') ? spec.op : contractOperation(spec.op);
    const label = spec.op.includes('{') ? spec.op.match(/\{\s*(\w+)/)![1] : spec.op;
    const send = (vars: Vars) => async () => {
      const res = await platform.graphql(text, vars, tokens[spec.token]);
      return { status: res.status, body: res };
    };
    const add = (what: string, vars: () => Vars, nullIsAnAnswer = false) =>
      all.push({ name: `${label}: ${what}`, send: () => send(vars())(), nullIsAnAnswer });
    if (!spec.valid) add('as given (an invalid or unknown target)', spec.vars, spec.nullIsAnAnswer);
    for (const p of spec.text ?? []) add(`${p} overlong`, () => set(spec.vars(), p, LONG));
    for (const p of spec.text ?? []) add(`${p} of the wrong type`, () => set(spec.vars(), p, { not: 'a string' }));
    for (const p of spec.text ?? [])
      add(`${p} with a control character`, () => set(spec.vars(), p, 'Trung t\u001bm \u0007'));
    for (const p of spec.ids ?? []) add(`${p} not an id`, () => set(spec.vars(), p, 'not-a-uuid'), spec.nullIsAnAnswer);
    for (const p of spec.ids ?? [])
      add(`${p} an unknown id`, () => set(spec.vars(), p, randomUUID()), spec.nullIsAnAnswer);
    for (const p of spec.enums ?? []) add(`${p} unknown enum value`, () => set(spec.vars(), p, 'NOT_A_VALUE'));
    for (const p of spec.ints ?? [])
      for (const v of [-1, 2 ** 40, 1e300, '12']) add(`${p} = ${v}`, () => set(spec.vars(), p, v));
    for (const p of spec.dates ?? [])
      for (const v of ['2027-02-30', '2027-13-01', 'yesterday', '99999-01-01T00:00:00Z'])
        add(`${p} = ${v}`, () => set(spec.vars(), p, v));
    for (const p of spec.base64 ?? []) {
      add(`${p} invalid base64`, () => set(spec.vars(), p, '***not base64***'));
      add(`${p} oversized upload (11 MiB)`, () =>
        set(spec.vars(), p, Buffer.alloc(11 * 1024 * 1024, 1).toString('base64')),
      );
    }
    for (const p of spec.hostile ?? [])
      for (const v of HOSTILE) add(`${p} = ${JSON.stringify(v)}`, () => set(spec.vars(), p, v), spec.nullIsAnAnswer);
    if (/\$\w+: [\w[\]]+!/.test(text)) add('missing variables', () => ({}));
  }
  const raw = (name: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    all.push({
      name,
      send: async () => {
        const res = await fetch(`${platform.url}/graphql`, {
          method: 'POST',
          headers: { ...headers, authorization: `Bearer ${tokens.admin}` },
          body,
        });
        return {
          status: res.status,
          body: await res.json().catch(() => ({ errors: [{ extensions: { code: 'NOT_JSON' } }] })),
        };
      },
    });
  raw('malformed JSON', '{"query": "{ centres { id } }"');
  raw('JSON that is not an object', '[1, 2, 3]');
  raw('query not a string', JSON.stringify({ query: { a: 1 } }));
  raw('empty body', '');
  raw('variables not an object', JSON.stringify({ query: contractOperation('Inbox'), variables: 'centreId' }));
  raw(
    'deeply nested query',
    JSON.stringify({ query: `{ centres { ${'children { '.repeat(30)}id${' }'.repeat(30)} } }` }),
  );
  raw(
    'a thousand aliases',
    JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: centres { id }`).join(' ')} }` }),
  );
  raw('an unknown operation name', JSON.stringify({ query: '{ centres { id } }', operationName: 'Nope' }));
  raw(
    'a mutation hidden in a batch',
    JSON.stringify([
      { query: '{ centres { id } }' },
      { query: 'mutation { setCalendarDay(input: {date: "2030-01-01", kind: HOLIDAY, name: "x"}) { date } }' },
    ]),
  );
  raw('an unknown field', JSON.stringify({ query: '{ centres { id passwordHash } }' }));
  raw('a broken gzip body', 'not gzip at all', { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  raw(
    'a NUL inside a string literal',
    JSON.stringify({ query: '{ trackDossier(code: "A\\u0000", verifier: "1") { code } }' }),
  );
  all.push({
    name: 'a NUL in the variables of a GET',
    send: async () => {
      const query = encodeURIComponent(contractOperation('Applicant'));
      const res = await fetch(
        `${platform.url}/graphql?query=${query}&variables=${encodeURIComponent(JSON.stringify({ identityNumber: '0460\u000090001' }))}`,
        { headers: { authorization: `Bearer ${tokens.officer}`, 'apollo-require-preflight': 'true' } },
      );
      return {
        status: res.status,
        body: await res.json().catch(() => ({ errors: [{ extensions: { code: 'NOT_JSON' } }] })),
      };
    },
  });
  return all;
}

async function snapshot(): Promise<Record<string, number | string>> {
  const db = platform.services.intake.db;
  const tables: Array<{ schemaname: string; relname: string }> = await db.query(
    `SELECT table_schema AS schemaname, table_name AS relname FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const counts: Record<string, number | string> = {};
  // Failed tracking lookups are counted per dossier code on purpose (the brute-force guard), and
  // processing's officer directory records every officer whose token reaches it, whatever they ask.
  const recordedOnPurpose = new Set(['intake.tracking_failure', 'processing.officer']);
  for (const t of tables.filter((t) => !recordedOnPurpose.has(`${t.schemaname}.${t.relname}`)))
    counts[`${t.schemaname}.${t.relname}`] = Number(
      (await db.query(`SELECT count(*) FROM "${t.schemaname}"."${t.relname}"`))[0].count,
    );
  counts['blobs'] = fileCount(join(platform.dataDir, 'blobs'));
  return counts;
}
function fileCount(dir: string): number {
  try {
    return readdirSync(dir).reduce(
      (n, name) => n + (statSync(join(dir, name)).isDirectory() ? fileCount(join(dir, name)) : 1),
      0,
    );
  } catch {
    return 0;
  }
}

const CASES = cases();
/** The number the README states. */
const CORPUS_SIZE = CASES.length;
let before: Record<string, number | string>;

beforeAll(async () => {
  platform = await TestPlatform.start();
  const fixtures = new Fixtures(platform);
  centre = await fixtures.centre({ code: 'BAD.C' });
  const procedure = await fixtures.procedure({
    code: 'BAD-PROC',
    components: [{ code: 'X', name: 'Giấy tờ', required: false, documentType: 'T' }],
  });
  tokens.admin = await fixtures.admin(centre.code);
  tokens.officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
  tokens.specialist = await platform.token({ role: 'SPECIALIST', centre: centre.code });
  tokens.leader = await platform.token({ role: 'LEADER', centre: centre.code });
  tokens.citizen = await platform.token({ role: 'CITIZEN', identityNumber: '046090001234' });
  tokens.courier = platform.courierCredential;
  // A dossier whose applicant's name is hostile HTML: valid input, stored as typed, escaped on the printed receipt.
  const { submitDossier } = await platform.ok(
    `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
    {
      input: {
        procedureCode: procedure.code,
        centreId: centre.id,
        channel: 'COUNTER',
        documents: [],
        delivery: { method: 'COUNTER' },
        applicant: { ...applicant(), fullName: '<script>alert("xss")</script> Nguyễn & <b>An</b>' },
      },
    },
    tokens.officer,
  );
  dossier = submitDossier;
  await waitFor(
    async () =>
      (await platform.services.statistics.db.query(`SELECT 1 FROM dossier_fact WHERE dossier_id = $1`, [dossier.id]))
        .length,
  );
  // Quiet: events of the setup all applied.
  let last = '';
  await waitFor(
    async () => {
      const now = JSON.stringify(await snapshot());
      const stable = now === last;
      last = now;
      if (!stable) await new Promise((r) => setTimeout(r, 300));
      return stable;
    },
    { what: 'the platform to be quiet', timeoutMs: 30_000 },
  );
  before = await snapshot();
});
afterAll(() => platform?.stop());

it('escapes HTML from names on the printable receipt', async () => {
  const res = await fetch(`${platform.url}/intake/receipts/${dossier.id}?format=html`, {
    headers: { authorization: `Bearer ${tokens.officer}` },
  });
  const html = await res.text();
  expect(res.status).toBe(200);
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<b>An</b>');
  expect(html).toContain('&lt;script&gt;');
});

it(`holds ${CORPUS_SIZE} cases`, () => {
  expect(CORPUS_SIZE).toBeGreaterThan(400);
});

describe('every hostile request gets a contract error and no 500', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { status, body } = await c.send();
    expect(status).toBeLessThan(500);
    const errors: Array<{ extensions?: { code?: string } }> = Array.isArray(body)
      ? body.flatMap((b) => b.errors ?? [])
      : (body.errors ?? []);
    if (c.nullIsAnAnswer && !errors.length) return;
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(CONTRACT_CODES).toContain(e.extensions?.code);
  });
});

it('wrote nothing: every table of every schema and the blob folder are as they were', async () => {
  expect(await snapshot()).toEqual(before);
});
