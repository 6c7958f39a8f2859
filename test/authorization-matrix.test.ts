import { randomBytes, randomUUID } from 'node:crypto';
import {
  AUTHORIZATION_MATRIX,
  matrixCells,
  type OperationName,
  type Relation,
  type Role,
  type Subject,
} from '@onestop/service-kit';
import { TestPlatform, waitFor, type GraphQLResponse } from '@onestop/test-kit';

/**
 * Walks the WHOLE authorization matrix (packages/service-kit/src/authorization-matrix.json)
 * through the gateway: for each operation, each role in each relation to the target, and no
 * token, the call gets ALLOW (no FORBIDDEN/UNAUTHENTICATED; a CONFLICT or NOT_FOUND of state is
 * still an allow) or exactly the matrix's code. Allowed cells get a dossier of their own in the
 * state the operation needs, and the cells in `succeeds` must answer without any error.
 *
 * The small province: P (PROVINCE, root) ⊃ D (DISTRICT); X, an unrelated PROVINCE. Targets sit
 * at D: an officer of D is OWN_CENTRE, of P DESCENDANT_CENTRE, of X OTHER_CENTRE. Dossiers
 * belong to citizen A; citizen B is OTHER_DOSSIER.
 */
jest.setTimeout(600_000);

let platform: TestPlatform;
const P = { id: '', code: 'SEC.P' };
const D = { id: '', code: 'SEC.D' };
const X = { id: '', code: 'SEC.X' };
const CITIZEN_A = '046090001234';
const CITIZEN_B = '079085001234';
const PROCEDURE = 'SEC-PROC';
const PDF = Buffer.from('%PDF-1.4\n% a test document\n%%EOF\n').toString('base64');
const tokens = new Map<string, string>();

type Outcome = { code?: string; status: number };

/** The officer's centre for each relation: P is a root, D below it; SEC.NOWHERE is no centre at all. */
const CENTRE_OF: Partial<Record<Relation, string>> = {
  DESCENDANT_CENTRE: P.code,
  ROOT_CENTRE: P.code,
  OTHER_CENTRE: X.code,
  UNKNOWN_CENTRE: 'SEC.NOWHERE',
};

async function token(subject: Subject, relation: Relation): Promise<string | undefined> {
  if (subject === 'NO_TOKEN') return undefined;
  if (subject === 'COURIER') return platform.courierCredential;
  const key = `${subject}@${relation}`;
  if (!tokens.has(key)) {
    const claims =
      subject === 'CITIZEN'
        ? { role: subject, identityNumber: relation === 'OTHER_DOSSIER' ? CITIZEN_B : CITIZEN_A }
        : { role: subject, centre: CENTRE_OF[relation] ?? D.code };
    tokens.set(key, await platform.token(claims));
  }
  return tokens.get(key);
}
const as = (role: Role, relation: Relation = 'OWN_CENTRE') => token(role, relation) as Promise<string>;

const outcome = (res: GraphQLResponse): Outcome => ({ code: res.errors?.[0]?.extensions?.code, status: res.status });
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};
async function get(path: string, bearer?: string): Promise<Outcome> {
  const res = await fetch(`${platform.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  await res.arrayBuffer();
  return { status: res.status, code: res.status >= 400 ? (HTTP_CODES[res.status] ?? `HTTP_${res.status}`) : undefined };
}
async function ok<T = any>(
  operation: string,
  variables: Record<string, unknown>,
  bearer?: string,
  contract = true,
): Promise<T> {
  const res = contract
    ? await platform.contract(operation, variables, bearer)
    : await platform.graphql(operation, variables, bearer);
  if (res.errors?.length) throw new Error(`${operation}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

// ---------- dossiers in the states the operations need (all at D, of citizen A) ----------

const processingStatus = async (id: string) =>
  (await platform.services.processing.db.query(`SELECT status FROM dossier WHERE id = $1`, [id]))[0]?.status;
const intakeStatus = async (id: string) =>
  (await platform.services.intake.db.query(`SELECT status FROM dossier WHERE id = $1`, [id]))[0]?.status;
const deliveryStatus = async (id: string) =>
  (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [id]))[0]?.status;

const applicantA = { kind: 'CITIZEN', identityNumber: CITIZEN_A, fullName: 'Nguyễn Văn An', phone: '0905123456' };
const upload = (componentCode = 'GT') => ({
  componentCode,
  upload: { fileName: 'giay-to.pdf', mimeType: 'application/pdf', contentBase64: PDF },
});

async function submit(
  channel: 'COUNTER' | 'ONLINE',
  documents: unknown[] = [],
): Promise<{ id: string; code: string; recordId?: string }> {
  const by = channel === 'ONLINE' ? await as('CITIZEN', 'OWN_DOSSIER') : await as('INTAKE_OFFICER');
  const { submitDossier } = await ok(
    'SubmitDossier',
    {
      input: {
        procedureCode: PROCEDURE,
        centreId: D.id,
        channel,
        applicant: applicantA,
        documents,
        delivery: { method: 'COUNTER' },
      },
    },
    by,
  );
  await waitFor(() => processingStatus(submitDossier.id), { what: 'processing to learn of the dossier' });
  return { id: submitDossier.id, code: submitDossier.code, recordId: submitDossier.components[0]?.record.id };
}
const received = () => submit('COUNTER');
const online = () => submit('ONLINE');
async function inProcessing() {
  const d = await received();
  await ok('CompleteStep', { dossierId: d.id }, await as('INTAKE_OFFICER'));
  return d;
}
async function atDecision() {
  const d = await inProcessing();
  await ok('CompleteStep', { dossierId: d.id }, await as('SPECIALIST'));
  return d;
}
async function supplementRequested() {
  const d = await inProcessing();
  await ok(
    'RequestSupplement',
    { dossierId: d.id, reason: 'Thiếu giấy tờ', componentCodes: ['GT'] },
    await as('SPECIALIST'),
  );
  await waitFor(async () => (await intakeStatus(d.id)) === 'SUPPLEMENT_REQUESTED', {
    what: 'intake to learn of the supplementation request',
  });
  return d;
}
async function financialObligation() {
  const d = await inProcessing();
  await ok(
    `mutation($id: ID!) { requestFinancialObligation(dossierId: $id, reason: "Lệ phí", amountVnd: 50000) { id } }`,
    { id: d.id },
    await as('SPECIALIST'),
    false,
  );
  return d;
}
async function readyForPickup() {
  const d = await atDecision();
  await ok(
    'DecideDossier',
    {
      input: {
        dossierId: d.id,
        decision: 'APPROVED',
        reason: null,
        result: {
          documentType: 'GIAY_PHEP',
          title: 'Giấy phép',
          validUntil: null,
          upload: { fileName: 'kq.pdf', mimeType: 'application/pdf', contentBase64: PDF },
        },
      },
    },
    await as('LEADER'),
  );
  await waitFor(async () => (await deliveryStatus(d.id)) === 'READY', {
    what: 'the result to be ready at the counter',
  });
  return d;
}
async function returned() {
  const d = await readyForPickup();
  await ok('ConfirmPickup', { dossierId: d.id }, await as('INTAKE_OFFICER'));
  await waitFor(async () => (await processingStatus(d.id)) === 'RETURNED', {
    what: 'processing to learn of the return',
  });
  return d;
}
const withRecord = () => submit('COUNTER', [upload()]);
/** A received dossier, and the id of D's intake officer, known to processing once their token has reached it. */
async function receivedWithKnownOfficer() {
  const d = await received();
  await ok('Inbox', { centreId: D.id }, await as('INTAKE_OFFICER'));
  const [officer] = await platform.services.processing.db.query(
    `SELECT id FROM officer WHERE role = 'INTAKE_OFFICER' AND centre_id = $1`,
    [D.id],
  );
  return { ...d, officerId: officer.id as string };
}

// ---------- how each operation is called, and the state its allowed cells need ----------

interface OperationCase {
  /** A target for the cell: fresh for allowed cells (they change state), shared for refused ones. */
  prepare?: () => Promise<any>;
  call(target: any, bearer: string | undefined, cell: { subject: Subject; relation: Relation }): Promise<Outcome>;
  /** Allowed cells that must answer without any error (the others may meet a state CONFLICT). */
  succeeds?: string[];
}

const unique = (prefix: string) =>
  `${prefix}${prefix.includes('.') ? '' : '-'}${randomBytes(3).toString('hex').toUpperCase()}`;
const contract = async (name: string, vars: Record<string, unknown>, bearer?: string) =>
  outcome(await platform.contract(name, vars, bearer));
const gql = async (query: string, vars: Record<string, unknown>, bearer?: string) =>
  outcome(await platform.graphql(query, vars, bearer));

const CASES: Record<OperationName, OperationCase> = {
  // A commune under D: D's ADMIN builds in its own centre, P's below its own.
  createCentre: {
    call: (_, t) =>
      contract(
        'CreateCentre',
        { input: { code: unique('SEC.N'), name: 'Xã mới', level: 'COMMUNE', parentId: D.id } },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.createCentre.allow,
  },
  // A commune of D moved (again) under D: both the centre and its new parent are checked, and only an ADMIN reaching both may.
  moveCentre: {
    prepare: async () =>
      (
        await ok(
          'CreateCentre',
          { input: { code: unique('SEC.C'), name: 'Xã', level: 'COMMUNE', parentId: D.id } },
          await as('ADMIN', 'ROOT_CENTRE'),
        )
      ).createCentre,
    call: (c, t) =>
      gql(
        `mutation($id: ID!, $parentId: ID) { moveCentre(centreId: $id, parentId: $parentId) { id } }`,
        { id: c.id, parentId: D.id },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.moveCentre.allow,
  },
  // A commune of D renamed (a merger): only an ADMIN whose subtree holds it.
  renameCentre: {
    prepare: async () =>
      (
        await ok(
          'CreateCentre',
          { input: { code: unique('SEC.M'), name: 'Xã', level: 'COMMUNE', parentId: D.id } },
          await as('ADMIN', 'ROOT_CENTRE'),
        )
      ).createCentre,
    call: (c, t) =>
      gql(`mutation($id: ID!) { renameCentre(centreId: $id, name: "Xã sau sáp nhập") { id name } }`, { id: c.id }, t),
    succeeds: AUTHORIZATION_MATRIX.renameCentre.allow,
  },
  makeRootCentre: {
    call: (_, t) =>
      contract(
        'CreateCentre',
        { input: { code: unique('SEC.R'), name: 'Trung tâm mới', level: 'PROVINCE', parentId: null } },
        t,
      ),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  setCalendarDay: {
    call: (_, t) => contract('SetCalendarDay', { input: { date: '2031-05-06', kind: 'HOLIDAY', name: 'Nghỉ bù' } }, t),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  upsertProcedure: {
    call: (_, t) =>
      contract(
        'UpsertProcedure',
        {
          input: {
            code: unique('SEC-UP'),
            name: 'Thủ tục',
            sector: 'Tư pháp',
            levels: ['PROVINCE'],
            feeVnd: 0,
            processingTime: { amount: 3, unit: 'WORKING_DAYS' },
          },
        },
        t,
      ),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  importDossiers: {
    call: (_, t) => gql(`mutation { importDossiers(lines: []) { imported } }`, {}, t),
    succeeds: ['ADMIN@ANY'],
  },
  defineWorkflow: {
    call: (_, t) =>
      contract(
        'DefineWorkflow',
        {
          input: {
            procedureCode: 'SEC-WF',
            steps: [
              { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
              { code: 'DECIDE', name: 'Quyết định', role: 'LEADER', durationHours: 8 },
            ],
          },
        },
        t,
      ),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  submitDossier: {
    call: (_, t, cell) =>
      contract(
        'SubmitDossier',
        {
          input: {
            procedureCode: PROCEDURE,
            centreId: D.id,
            channel: cell.subject === 'CITIZEN' ? 'ONLINE' : 'COUNTER',
            applicant: applicantA,
            documents: [],
            delivery: { method: 'COUNTER' },
          },
        },
        t,
      ),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE', 'ADMIN@OWN_CENTRE', 'ADMIN@DESCENDANT_CENTRE', 'CITIZEN@OWN_DOSSIER'],
  },
  refuseAtCounter: {
    call: (_, t) =>
      gql(
        `mutation($input: RefuseAtCounterInput!) { refuseAtCounter(input: $input) { id status } }`,
        {
          input: {
            procedureCode: PROCEDURE,
            centreId: D.id,
            applicant: applicantA,
            reason: 'Hồ sơ không thuộc thẩm quyền',
          },
        },
        t,
      ),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE'],
  },
  acceptDossier: {
    prepare: online,
    call: (d, t) => gql(`mutation($id: ID!) { acceptDossier(dossierId: $id) { id status } }`, { id: d.id }, t),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE', 'ADMIN@OWN_CENTRE', 'ADMIN@DESCENDANT_CENTRE'],
  },
  submitSupplement: {
    prepare: supplementRequested,
    call: (d, t) => contract('SubmitSupplement', { dossierId: d.id, documents: [upload()] }, t),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE', 'ADMIN@OWN_CENTRE', 'ADMIN@DESCENDANT_CENTRE', 'CITIZEN@OWN_DOSSIER'],
  },
  dossier: {
    prepare: received,
    call: (d, t) => contract('Dossier', { id: d.id }, t),
    succeeds: AUTHORIZATION_MATRIX.dossier.allow,
  },
  receipt: {
    prepare: received,
    call: (d, t) => get(`/intake/receipts/${d.id}`, t),
    succeeds: AUTHORIZATION_MATRIX.receipt.allow,
  },
  applicant: {
    call: (_, t) => contract('Applicant', { identityNumber: CITIZEN_A }, t),
    succeeds: AUTHORIZATION_MATRIX.applicant.allow,
  },
  myDossiers: {
    call: (_, t) => gql(`{ myDossiers { id code } }`, {}, t),
    succeeds: ['CITIZEN@ANY'],
  },
  recordContent: {
    prepare: withRecord,
    call: (d, t) => get(`/intake/records/${d.recordId}/content?purpose=${encodeURIComponent('Kiểm tra hồ sơ')}`, t),
    succeeds: AUTHORIZATION_MATRIX.recordContent.allow,
  },
  recordAccessLog: {
    prepare: withRecord,
    call: (d, t) =>
      gql(`query($id: ID!) { recordAccessLog(recordId: $id) { readerRole purpose at } }`, { id: d.recordId }, t),
    succeeds: AUTHORIZATION_MATRIX.recordAccessLog.allow,
  },
  trackDossier: {
    prepare: received,
    call: (d, t) => contract('TrackDossier', { code: d.code, verifier: CITIZEN_A.slice(-4) }, t),
    succeeds: [...AUTHORIZATION_MATRIX.trackDossier.allow, 'NO_TOKEN@ANY'],
  },
  inbox: {
    call: (_, t) => contract('Inbox', { centreId: D.id }, t),
    succeeds: AUTHORIZATION_MATRIX.inbox.allow,
  },
  completeStep: {
    prepare: received,
    call: (d, t) => contract('CompleteStep', { dossierId: d.id, note: 'Đã kiểm tra' }, t),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE'],
  },
  assignDossier: {
    prepare: receivedWithKnownOfficer,
    call: (d, t) =>
      gql(
        `mutation($id: ID!, $officerId: ID!) { assignDossier(dossierId: $id, officerId: $officerId) { id assignee { id } } }`,
        { id: d.id, officerId: d.officerId },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.assignDossier.allow,
  },
  sendBack: {
    prepare: atDecision,
    call: (d, t) =>
      gql(
        `mutation($id: ID!) { sendBack(dossierId: $id, toStepCode: "REVIEW", reason: "Thẩm định lại") { id } }`,
        { id: d.id },
        t,
      ),
    succeeds: ['LEADER@OWN_CENTRE'],
  },
  // A dossier at no inter-agency step: allowed callers learn it is not waiting for an agency (CONFLICT).
  acceptInterAgency: {
    prepare: received,
    call: (d, t) => gql(`mutation($id: ID!) { acceptInterAgency(dossierId: $id) { id } }`, { id: d.id }, t),
  },
  returnInterAgency: {
    prepare: received,
    call: (d, t) =>
      gql(`mutation($id: ID!) { returnInterAgency(dossierId: $id, reason: "Sai thẩm quyền") { id } }`, { id: d.id }, t),
  },
  myAssignedDossiers: {
    call: (_, t) => gql(`{ myAssignedDossiers { id } }`, {}, t),
    succeeds: AUTHORIZATION_MATRIX.myAssignedDossiers.allow,
  },
  officers: {
    call: (_, t) => gql(`query($id: ID!) { officers(centreId: $id) { id name role } }`, { id: D.id }, t),
    succeeds: AUTHORIZATION_MATRIX.officers.allow,
  },
  requestSupplement: {
    prepare: inProcessing,
    call: (d, t) =>
      contract('RequestSupplement', { dossierId: d.id, reason: 'Thiếu giấy tờ', componentCodes: ['GT'] }, t),
    succeeds: AUTHORIZATION_MATRIX.requestSupplement.allow,
  },
  requestFinancialObligation: {
    prepare: inProcessing,
    call: (d, t) =>
      gql(
        `mutation($id: ID!) { requestFinancialObligation(dossierId: $id, reason: "Lệ phí", amountVnd: 50000) { id } }`,
        { id: d.id },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.requestFinancialObligation.allow,
  },
  confirmFinancialObligation: {
    prepare: financialObligation,
    call: (d, t) =>
      gql(`mutation($id: ID!) { confirmFinancialObligation(dossierId: $id, note: "Đã nộp") { id } }`, { id: d.id }, t),
    succeeds: AUTHORIZATION_MATRIX.confirmFinancialObligation.allow,
  },
  stopDossier: {
    prepare: inProcessing,
    call: (d, t) => gql(`mutation($id: ID!) { stopDossier(dossierId: $id, reason: "Dừng") { id } }`, { id: d.id }, t),
    succeeds: ['LEADER@OWN_CENTRE'],
  },
  refuseDossier: {
    prepare: online,
    call: (d, t) => contract('RefuseDossier', { dossierId: d.id, reason: 'Sai thủ tục' }, t),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE'],
  },
  withdrawDossier: {
    prepare: received,
    call: (d, t) => contract('WithdrawDossier', { dossierId: d.id, reason: 'Không còn nhu cầu' }, t),
    succeeds: AUTHORIZATION_MATRIX.withdrawDossier.allow,
  },
  transferDossier: {
    prepare: received,
    call: (d, t) => contract('TransferDossier', { dossierId: d.id, toCentreId: P.id, reason: 'Liên thông' }, t),
    succeeds: AUTHORIZATION_MATRIX.transferDossier.allow,
  },
  decideDossier: {
    prepare: atDecision,
    call: (d, t) =>
      contract(
        'DecideDossier',
        { input: { dossierId: d.id, decision: 'REJECTED', reason: 'Không đủ điều kiện', result: null } },
        t,
      ),
    succeeds: ['LEADER@OWN_CENTRE'],
  },
  issueApology: {
    prepare: received,
    call: (d, t) =>
      contract(
        'IssueApology',
        { dossierId: d.id, reason: 'Chậm', newDueAt: new Date(Date.now() + 90 * 86_400_000).toISOString() },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.issueApology.allow,
  },
  processingSlips: {
    prepare: received,
    call: (d, t) => get(`/processing/dossiers/${d.id}/control-slip`, t),
    succeeds: AUTHORIZATION_MATRIX.processingSlips.allow,
  },
  confirmPickup: {
    prepare: readyForPickup,
    call: (d, t) => contract('ConfirmPickup', { dossierId: d.id }, t),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE'],
  },
  rateService: {
    prepare: returned,
    call: (d, t) => contract('RateService', { dossierId: d.id, rating: { overall: 'SATISFIED', comment: 'Tốt' } }, t),
    succeeds: ['CITIZEN@OWN_DOSSIER'],
  },
  rateAtCounter: {
    prepare: returned,
    call: (d, t) =>
      gql(
        `mutation($id: ID!) { rateAtCounter(dossierId: $id, rating: { overall: SATISFIED, comment: "Tốt" }) { takenAtCounter } }`,
        { id: d.id },
        t,
      ),
    succeeds: ['INTAKE_OFFICER@OWN_CENTRE'],
  },
  // A parcel by an unknown tracking number: allowed callers learn it is NOT_FOUND.
  recordPostalEvent: {
    call: (_, t) =>
      contract(
        'RecordPostalEvent',
        { trackingNumber: 'SEC-NO-PARCEL', event: { status: 'ACCEPTED', at: null, note: null } },
        t,
      ),
  },
  resendNotification: {
    call: (_, t) => gql(`mutation($id: ID!) { resendNotification(id: $id) { id } }`, { id: randomUUID() }, t),
  },
  failedNotifications: {
    call: (_, t) => gql(`{ failedNotifications { id recipient } }`, {}, t),
    succeeds: ['ADMIN@ANY'],
  },
  failedEvents: {
    call: (_, t) => gql(`{ failedEvents { id service type error } }`, {}, t),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  // No dead letter by that id: an allowed caller learns that none was put back (0).
  replayFailedEvents: {
    call: (_, t) =>
      gql(
        `mutation($ids: [ID!]) { replayFailedEvents(service: STATISTICS, eventIds: $ids) }`,
        { ids: [randomUUID()] },
        t,
      ),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
  report: {
    call: (_, t) =>
      contract(
        'Report',
        {
          input: { from: '2026-01-01', to: '2026-12-31', centreId: D.id, includeDescendants: false, groupBy: 'CENTRE' },
        },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.report.allow,
  },
  dailyTraffic: {
    call: (_, t) =>
      gql(
        `query($id: ID!) { dailyTraffic(centreId: $id, from: "2026-01-01", to: "2026-01-31") { centreId } }`,
        { id: D.id },
        t,
      ),
    succeeds: AUTHORIZATION_MATRIX.dailyTraffic.allow,
  },
  queueDashboard: {
    call: (_, t) => get('/admin/queues/api/queues', t),
    succeeds: ['ADMIN@ROOT_CENTRE'],
  },
};

const CELLS = matrixCells();

beforeAll(async () => {
  platform = await TestPlatform.start();
  // P, on the empty tree, by its own ADMIN (the bootstrap); then D below it and X, another root, by P's (a root ADMIN).
  const admin = await platform.token({ role: 'ADMIN', centre: P.code });
  const create = async (c: { code: string }, level: string, parentId?: string) =>
    (await ok('CreateCentre', { input: { code: c.code, name: `Trung tâm ${c.code}`, level, parentId } }, admin))
      .createCentre.id as string;
  P.id = await create(P, 'PROVINCE');
  D.id = await create(D, 'DISTRICT', P.id);
  X.id = await create(X, 'PROVINCE');
  await ok(
    'UpsertProcedure',
    {
      input: {
        code: PROCEDURE,
        name: 'Chứng thực bản sao',
        sector: 'Tư pháp',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
        feeVnd: 0,
        processingTime: { amount: 4, unit: 'WORKING_HOURS' },
        components: [{ code: 'GT', name: 'Giấy tờ', required: false, documentType: 'CCCD' }],
      },
    },
    admin,
  );
  // Every service's centre replica knows D before a cell names it.
  for (const service of ['processing', 'delivery', 'statistics'] as const) {
    await waitFor(
      async () =>
        (await platform.services[service].db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [D.id])).length,
      { what: `${service} to learn of centre D` },
    );
  }
});
afterAll(() => platform?.stop());

it('has a case for every operation of the matrix, and the matrix every mutation of the supergraph', () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(AUTHORIZATION_MATRIX).sort());
  const mutations = Object.entries(AUTHORIZATION_MATRIX)
    .filter(([, p]) => p.type === 'mutation')
    .map(([name]) => name);
  const sdl = ['intake', 'processing', 'delivery']
    .map((s) => require('node:fs').readFileSync(require.resolve(`@onestop/${s}/src/schema.graphql`), 'utf8'))
    .join('\n');
  const declared = [...sdl.matchAll(/type Mutation \{([^}]*)\}/g)].flatMap((m) =>
    [...m[1].matchAll(/^\s+(\w+)\(/gm)].map((f) => f[1]),
  );
  // The historical import belongs to another issue's operator tooling; it is added here when it lands.
  expect(declared.filter((m) => !mutations.includes(m))).toEqual([]);
  expect(CELLS.length).toBe(MATRIX_CASE_COUNT);
});

it("keeps the platform's rules: nothing at another centre or on another citizen's dossier, OBSERVER never writes, officers stay in their centre", () => {
  const allowed = CELLS.filter((c) => c.decision === 'ALLOW');
  expect(allowed.filter((c) => c.relation === 'OTHER_CENTRE' || c.relation === 'OTHER_DOSSIER')).toEqual([]);
  expect(
    allowed.filter((c) => c.subject === 'OBSERVER' && AUTHORIZATION_MATRIX[c.operation].type === 'mutation'),
  ).toEqual([]);
  // Below their own centre: the province-level roles; and a LEADER reading statistics (aggregates, no personal data).
  const below = allowed.filter((c) => c.relation === 'DESCENDANT_CENTRE' && !['ADMIN', 'OBSERVER'].includes(c.subject));
  expect(below.map((c) => `${c.operation}:${c.subject}`).sort()).toEqual(['dailyTraffic:LEADER', 'report:LEADER']);
  // Without a token: only public tracking.
  expect(CELLS.filter((c) => c.subject === 'NO_TOKEN' && c.decision === 'ALLOW').map((c) => c.operation)).toEqual([
    'trackDossier',
  ]); // The province's reference data and new roots: a root centre's ADMIN only. A token naming no centre: nothing.
  expect(
    allowed
      .filter((c) => AUTHORIZATION_MATRIX[c.operation].scope === 'province')
      .map((c) => `${c.subject}@${c.relation}`),
  ).toEqual(Array(7).fill('ADMIN@ROOT_CENTRE'));
  expect(allowed.filter((c) => c.relation === 'UNKNOWN_CENTRE')).toEqual([]);
  // The courier's credential: its callback and nothing else; and no user's token for that callback.
  expect(
    allowed
      .filter((c) => c.subject === 'COURIER')
      .map((c) => c.operation)
      .sort(),
  ).toEqual(['recordPostalEvent', 'trackDossier']);
  expect(allowed.filter((c) => c.operation === 'recordPostalEvent').map((c) => c.subject)).toEqual(['COURIER']);
});

/** The number the README states. */
const MATRIX_CASE_COUNT = 846;

describe.each(Object.keys(AUTHORIZATION_MATRIX) as OperationName[])('%s', (operation) => {
  const cells = CELLS.filter((c) => c.operation === operation);
  let shared: unknown;

  it.each(cells.map((c) => [`${c.subject}@${c.relation}`, c.decision, c] as const))(
    '%s → %s',
    async (_name, decision, cell) => {
      const spec = CASES[operation];
      const key = `${cell.subject}@${cell.relation}`;
      let target: unknown;
      if (decision === 'ALLOW') target = spec.prepare ? await spec.prepare() : undefined;
      else target = shared ??= spec.prepare ? await spec.prepare() : undefined;

      const result = await spec.call(target, await token(cell.subject, cell.relation), cell);
      expect(result.status).toBeLessThan(500);
      if (decision === 'ALLOW') {
        expect(['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR']).not.toContain(result.code);
        if (spec.succeeds?.includes(key)) expect(result).toEqual({ status: 200, code: undefined });
      } else {
        expect(result.code).toBe(decision);
      }
    },
  );
});
