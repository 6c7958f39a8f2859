import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxEvent, QueueConnection, type EventEnvelope, type EventType, type LatestPayload } from '@onestop/events';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import type { ProcessingDeps } from '../src/deps';
import { sweepSla, SLA_QUEUE, SLA_SCHEDULER_ID } from '../src/workers/sla-watch';

/**
 * Processing through the gateway: workflows, the walk of a dossier through its steps to a
 * decision, the clock's pauses, transfer, stop, apology, SLA watch and the audit trail.
 */
let platform: TestPlatform;
let admin: string, intake: string, specialist: string, leader: string, observer: string;
let communeSpecialist: string, otherIntake: string;
let province: { id: string; code: string }, commune: { id: string; code: string };
let sequence = 1000;

// The SLA watch's scheduled sweeps would use the instants these tests choose; they call sweepSla
// themselves, so the scheduler's first run is an hour away.
process.env.SLA_SWEEP_EVERY_MS = String(3_600_000);

const deps = () => platform.services.processing.deps as ProcessingDeps;
const local = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const atTime = (at: Date) => {
  deps().now = () => at.getTime();
};
const realTime = () => {
  deps().now = () => Date.now();
};

/** Hands an event to processing's consumer as the relay would (for intake's events at chosen instants). */
function deliver<T extends EventType>(type: T, aggregateId: string, payload: LatestPayload<T>) {
  const envelope: EventEnvelope<LatestPayload<T>> = {
    id: randomUUID(),
    type,
    version: 1,
    sequence: sequence++,
    source: type === 'ResultReturned' ? 'delivery' : 'intake',
    aggregateId,
    occurredAt: new Date().toISOString(),
    correlationId: null,
    payload,
  };
  return platform.services.processing.consumer!.apply({ data: envelope as EventEnvelope });
}

const errorCode = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;
const processingRow = async (id: string) =>
  (await platform.services.processing.db.query(`SELECT * FROM dossier WHERE id = $1`, [id]))[0];
const historyCount = async (id: string) =>
  Number(
    (await platform.services.processing.db.query(`SELECT count(*) FROM dossier_history WHERE dossier_id = $1`, [id]))[0]
      .count,
  );
const outbox = (type: string, dossierId: string): Promise<any[]> =>
  platform.services.processing.db
    .getRepository(OutboxEvent)
    .find({ where: { type, aggregateId: dossierId }, order: { sequence: 'ASC' } })
    .then((rows) => rows.map((r) => r.payload));

const SUBMIT = `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code status dueAt receivedAt } }`;
const DOSSIER = `query($id: ID!) { dossier(id: $id) {
  id code status nationalStatusCode receivedAt dueAt resolvedAt
  receivingCentre { code } processingCentre { code }
  currentStep { code role dueAt } sla { state remainingWorkingHours }
  history { action actor at note stepCode stepOutcome } apologies { reason newDueAt issuedAt }
  result { id documentType sha256 } } }`;
const INBOX = `query($centreId: ID) { inbox(centreId: $centreId) { id code status dueAt currentStep { code name role dueAt } } }`;
/** Without intake's fields: the dossiers these tests hand to processing directly are unknown to intake. */
const OPEN_WORK = `query { inbox { id status dueAt currentStep { code role dueAt } } }`;
const COMPLETE = `mutation($dossierId: ID!, $note: String) { completeStep(dossierId: $dossierId, note: $note) { id status nationalStatusCode currentStep { code role } } }`;
const REQUEST_SUPPLEMENT = `mutation($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) {
  requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status nationalStatusCode dueAt } }`;
const TRANSFER = `mutation($dossierId: ID!, $toCentreId: ID!, $reason: String!) {
  transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status processingCentre { id code } } }`;
const DECIDE = `mutation($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt result { id documentType sha256 } } }`;
const APOLOGY = `mutation($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) {
  issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt apologies { reason newDueAt issuedAt } } }`;
const STOP = `mutation($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }`;
const REFUSE = `mutation($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }`;
const WITHDRAW = `mutation($dossierId: ID!, $reason: String!) { withdrawDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }`;
const DEFINE = `mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version steps { code name role durationHours } } }`;

const applicant = (identityNumber = '046090001234') => ({
  kind: 'CITIZEN',
  identityNumber,
  fullName: 'Nguyễn Văn An',
  phone: '0905123456',
});

async function receive(procedureCode: string, opts: { channel?: string; identityNumber?: string } = {}) {
  const { submitDossier } = await platform.ok(
    SUBMIT,
    {
      input: {
        procedureCode,
        centreId: province.id,
        channel: opts.channel ?? 'COUNTER',
        applicant: applicant(opts.identityNumber),
        delivery: { method: 'COUNTER' },
      },
    },
    intake,
  );
  await waitFor(() => processingRow(submitDossier.id), { what: 'processing to learn of the dossier' });
  return submitDossier as { id: string; code: string; dueAt: string; receivedAt: string };
}

/** A dossier received at a chosen instant, as intake's DossierSubmitted would announce it. */
async function receivedAt(receivedAtInstant: Date, dueAt: Date, procedureCode = 'HT-02') {
  const dossierId = randomUUID();
  await deliver('DossierSubmitted', dossierId, {
    dossierId,
    code: `${province.code}-${String(sequence).padStart(6, '0')}-0001`,
    status: 2,
    channel: 'COUNTER',
    submittedAt: receivedAtInstant.toISOString(),
    receivedAt: receivedAtInstant.toISOString(),
    receptionDay: receivedAtInstant.toISOString().slice(0, 10),
    dueAt: dueAt.toISOString(),
    procedure: {
      id: randomUUID(),
      code: procedureCode,
      name: 'Đăng ký khai sinh',
      sector: 'Hộ tịch',
      version: 1,
      processingTime: { amount: 10, unit: 'WORKING_DAYS' },
    },
    receivingCentre: { id: province.id, code: province.code, level: 'PROVINCE' },
    applicant: {
      id: randomUUID(),
      kind: 'CITIZEN',
      identityNumber: '046090009999',
      fullName: 'Trần Thị Bình',
      phone: null,
      email: null,
    },
    delivery: { method: 'COUNTER', address: null },
  });
  return dossierId;
}

beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
  const create = (input: object) =>
    platform
      .ok(`mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`, { input }, admin)
      .then((d) => d.createCentre);
  province = await create({ code: 'H57', name: 'Trung tâm Phục vụ hành chính công tỉnh', level: 'PROVINCE' });
  commune = await create({ code: 'H57.X01', name: 'UBND xã Phú Mậu', level: 'COMMUNE', parentId: province.id });
  // another province's centre, otherIntake's
  await create({ code: 'H58', name: 'Trung tâm tỉnh khác', level: 'PROVINCE' });
  for (const code of ['HT-01', 'HT-02']) {
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code,
          name: code === 'HT-01' ? 'Cấp giấy phép xây dựng' : 'Đăng ký khai sinh',
          sector: 'Hộ tịch',
          levels: ['PROVINCE', 'COMMUNE'],
          feeVnd: 0,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
          components: [{ code: 'TK', name: 'Tờ khai', required: false, documentType: 'TO_KHAI' }],
        },
      },
      admin,
    );
  }
  [intake, specialist, leader, observer] = await Promise.all(
    (['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'OBSERVER'] as const).map((role) =>
      platform.token({ role, centre: 'H57', name: `${role.toLowerCase()} H57` }),
    ),
  );
  communeSpecialist = await platform.token({ role: 'SPECIALIST', centre: 'H57.X01' });
  otherIntake = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H58' });
  await waitFor(
    async () =>
      Number((await platform.services.processing.db.query(`SELECT count(*) FROM centre_replica`))[0].count) === 3,
    { what: 'the centre replica' },
  );
});
afterAll(() => platform?.stop());
afterEach(() => realTime());

describe('workflow templates', () => {
  it('an ADMIN defines a versioned workflow; procedures show it; a procedure without one has the default', async () => {
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận, chuyển hồ sơ', role: 'INTAKE_OFFICER', durationHours: 4 },
      { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 16 },
      { code: 'SITE', name: 'Kiểm tra thực địa', role: 'SPECIALIST', durationHours: 8 },
      { code: 'SIGN', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
    ];
    expect(errorCode(await platform.graphql(DEFINE, { input: { procedureCode: 'HT-01', steps } }, leader))).toBe(
      'FORBIDDEN',
    );
    const bad = await platform.graphql(
      DEFINE,
      {
        input: {
          procedureCode: 'HT-01',
          steps: [steps[0], { ...steps[1], durationHours: 0 }, { ...steps[2], code: 'RECEIVE' }],
        },
      },
      admin,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const one = await platform.graphql(DEFINE, { input: { procedureCode: 'HT-01', steps: [steps[3]] } }, admin);
    expect(errorCode(one)).toBe('BAD_USER_INPUT');

    const { defineWorkflow } = await platform.ok(DEFINE, { input: { procedureCode: 'HT-01', steps } }, admin);
    expect(defineWorkflow).toEqual({ procedureCode: 'HT-01', version: 1, steps });

    const { procedures } = await platform.ok(
      `query { procedures { code workflow { steps { code name role durationHours } } } }`,
    );
    const byCode = Object.fromEntries(procedures.map((p: any) => [p.code, p.workflow.steps]));
    expect(byCode['HT-01']).toEqual(steps);
    expect(byCode['HT-02'].map((s: any) => [s.code, s.role])).toEqual([
      ['RECEIVE', 'INTAKE_OFFICER'],
      ['REVIEW', 'SPECIALIST'],
      ['DECIDE', 'LEADER'],
    ]);
  });

  it('a dossier keeps the version it started with when the workflow changes', async () => {
    const dossier = await receive('HT-01');
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 2 },
      { code: 'SIGN', name: 'Phê duyệt', role: 'LEADER', durationHours: 4 },
    ];
    expect(
      (await platform.ok(DEFINE, { input: { procedureCode: 'HT-01', steps } }, admin)).defineWorkflow.version,
    ).toBe(2);
    const { completeStep } = await platform.ok(COMPLETE, { dossierId: dossier.id }, intake);
    expect(completeStep.currentStep).toEqual({ code: 'REVIEW', role: 'SPECIALIST' });
    const newer = await receive('HT-01');
    expect((await platform.ok(COMPLETE, { dossierId: newer.id }, intake)).completeStep.currentStep).toEqual({
      code: 'SIGN',
      role: 'LEADER',
    });
    // back to the four steps for the walk below
    const four = (await platform.ok(`query { workflow(procedureCode: "HT-01") { version } }`, {}, admin)).workflow
      .version;
    expect(four).toBe(2);
  });
});

describe('a dossier from reception through every step to a decision', () => {
  it('walks through the inbox of each role, with the control slip and the result', async () => {
    // The four-step template again, as version 3.
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận, chuyển hồ sơ', role: 'INTAKE_OFFICER', durationHours: 4 },
      { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 16 },
      { code: 'SITE', name: 'Kiểm tra thực địa', role: 'SPECIALIST', durationHours: 8 },
      { code: 'SIGN', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
    ];
    await platform.ok(DEFINE, { input: { procedureCode: 'HT-01', steps } }, admin);
    const dossier = await receive('HT-01');

    // Reception: RECEIVED (2) at the first step, in the intake officers' inbox.
    let view = (await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier;
    expect(view).toMatchObject({
      status: 'RECEIVED',
      nationalStatusCode: 2,
      processingCentre: { code: 'H57' },
      currentStep: { code: 'RECEIVE', role: 'INTAKE_OFFICER' },
    });
    const calendar = await deps().calendar();
    expect(view.currentStep.dueAt).toBe(calendar.addWorkingMinutes(new Date(dossier.receivedAt), 240).toISOString());
    expect(view.sla.state).toBe('ON_TRACK');
    const intakeInbox = (await platform.ok(INBOX, { centreId: province.id }, intake)).inbox;
    expect(intakeInbox.map((d: any) => d.id)).toContain(dossier.id);
    expect((await platform.ok(INBOX, {}, specialist)).inbox.map((d: any) => d.id)).not.toContain(dossier.id);
    const entry = intakeInbox.find((d: any) => d.id === dossier.id);
    expect(entry).toMatchObject({
      code: dossier.code,
      status: 'RECEIVED',
      dueAt: dossier.dueAt,
      currentStep: { code: 'RECEIVE', name: 'Tiếp nhận, chuyển hồ sơ', role: 'INTAKE_OFFICER' },
    });
    // Public tracking (intake's trackDossier) shows processing's status without a token.
    const tracked = await platform.ok(
      `query($code: String!) { trackDossier(code: $code, verifier: "1234") { code status nationalStatusCode dueAt } }`,
      { code: dossier.code },
    );
    expect(tracked.trackDossier).toEqual({
      code: dossier.code,
      status: 'RECEIVED',
      nationalStatusCode: 2,
      dueAt: dossier.dueAt,
    });

    // Only the step's role, at the processing centre.
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, specialist))).toBe('CONFLICT');
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, otherIntake))).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, observer))).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: randomUUID() }, intake))).toBe('NOT_FOUND');

    // The handover starts processing (2→4); then each step in turn.
    expect(
      (await platform.ok(COMPLETE, { dossierId: dossier.id, note: 'Đủ thành phần' }, intake)).completeStep,
    ).toEqual({
      id: dossier.id,
      status: 'PROCESSING',
      nationalStatusCode: 4,
      currentStep: { code: 'REVIEW', role: 'SPECIALIST' },
    });
    expect((await platform.ok(INBOX, {}, specialist)).inbox.map((d: any) => d.id)).toContain(dossier.id);
    expect((await platform.ok(COMPLETE, { dossierId: dossier.id }, specialist)).completeStep.currentStep).toEqual({
      code: 'SITE',
      role: 'SPECIALIST',
    });
    expect((await platform.ok(COMPLETE, { dossierId: dossier.id }, specialist)).completeStep.currentStep).toEqual({
      code: 'SIGN',
      role: 'LEADER',
    });
    // The decision step is decided, not completed.
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, leader))).toBe('CONFLICT');

    const content = Buffer.from('%PDF-1.4 Giấy phép xây dựng số 12/GPXD');
    const result = {
      documentType: 'GIAY_PHEP_XAY_DUNG',
      title: 'Giấy phép xây dựng',
      validUntil: '2031-01-01',
      upload: { fileName: 'gpxd.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') },
    };
    expect(
      errorCode(await platform.graphql(DECIDE, { input: { dossierId: dossier.id, decision: 'APPROVED' } }, leader)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await platform.graphql(DECIDE, { input: { dossierId: dossier.id, decision: 'REJECTED' } }, leader)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await platform.graphql(
          DECIDE,
          {
            input: {
              dossierId: dossier.id,
              decision: 'APPROVED',
              result: { ...result, upload: { ...result.upload, contentBase64: '%%%' } },
            },
          },
          leader,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await platform.graphql(DECIDE, { input: { dossierId: dossier.id, decision: 'APPROVED', result } }, specialist),
      ),
    ).toBe('CONFLICT');
    expect((await processingRow(dossier.id)).status).toBe('PROCESSING');

    const { decideDossier } = await platform.ok(
      DECIDE,
      { input: { dossierId: dossier.id, decision: 'APPROVED', reason: 'Đủ điều kiện', result } },
      leader,
    );
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(decideDossier).toMatchObject({
      id: dossier.id,
      status: 'RESOLVED',
      nationalStatusCode: 9,
      result: { documentType: 'GIAY_PHEP_XAY_DUNG', sha256 },
    });
    expect(new Date(decideDossier.resolvedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(existsSync(join(platform.dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
    const [decided] = await outbox('DossierDecided', dossier.id);
    expect(decided).toMatchObject({
      decision: 'APPROVED',
      dueAt: dossier.dueAt,
      result: { recordId: decideDossier.result.id, sha256, fileName: 'gpxd.pdf' },
    });

    view = (await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier;
    expect(view).toMatchObject({
      status: 'RESOLVED',
      currentStep: null,
      sla: null,
      resolvedAt: decideDossier.resolvedAt,
      result: decideDossier.result,
    });
    expect(view.history.map((h: any) => [h.action, h.stepCode])).toEqual([
      ['RECEIVE', null],
      ['COMPLETE_STEP', 'RECEIVE'],
      ['COMPLETE_STEP', 'REVIEW'],
      ['COMPLETE_STEP', 'SITE'],
      ['DECIDE', 'SIGN'],
    ]);
    expect(view.history[1]).toMatchObject({ actor: 'intake_officer H57', note: 'Đủ thành phần' });
    for (const line of view.history.slice(1)) expect(['EARLY', 'ON_TIME']).toContain(line.stepOutcome);

    // A refused transition answers CONFLICT and changes nothing.
    const before = await processingRow(dossier.id);
    const lines = await historyCount(dossier.id);
    expect(
      errorCode(
        await platform.graphql(
          REQUEST_SUPPLEMENT,
          { dossierId: dossier.id, reason: 'x', componentCodes: ['TK'] },
          specialist,
        ),
      ),
    ).toBe('CONFLICT');
    expect(errorCode(await platform.graphql(STOP, { dossierId: dossier.id, reason: 'x' }, leader))).toBe('CONFLICT');
    expect(await processingRow(dossier.id)).toEqual(before);
    expect(await historyCount(dossier.id)).toBe(lines);

    // Delivery returns the result: 9→10.
    await deliver('ResultReturned', dossier.id, {
      dossierId: dossier.id,
      method: 'COUNTER',
      returnedAt: new Date().toISOString(),
      actor: null,
    });
    expect((await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier).toMatchObject({
      status: 'RETURNED',
      nationalStatusCode: 10,
    });

    // The control slip, printable through the gateway.
    const slip = await fetch(`${platform.url}/processing/dossiers/${dossier.id}/control-slip?format=html`, {
      headers: { authorization: `Bearer ${leader}` },
    });
    expect(slip.status).toBe(200);
    const html = await slip.text();
    expect(html).toContain('Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(html).toContain(dossier.code);
    expect(
      (
        await fetch(`${platform.url}/processing/dossiers/${dossier.id}/control-slip`, {
          headers: { authorization: `Bearer ${otherIntake}` },
        })
      ).status,
    ).toBe(403);
  });

  it('the inbox puts the most urgent step first and shows every role to an observer', async () => {
    const a = await receivedAt(local('2025-03-03', '08:00'), local('2025-03-17', '17:00'));
    const b = await receivedAt(local('2025-02-03', '08:00'), local('2025-02-17', '17:00'));
    const inbox = (await platform.ok(`query { inbox { id status dueAt currentStep { code dueAt } } }`, {}, intake))
      .inbox;
    const dues = inbox.map((d: any) => d.currentStep.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(inbox[0].id).toBe(b);
    expect(inbox.findIndex((d: any) => d.id === b)).toBeLessThan(inbox.findIndex((d: any) => d.id === a));
    const all = (await platform.ok(`query { inbox { id currentStep { role } } }`, {}, observer)).inbox;
    expect(new Set(all.map((d: any) => d.currentStep.role)).size).toBeGreaterThan(1);
    expect(errorCode(await platform.graphql(INBOX, { centreId: province.id }, otherIntake))).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(INBOX, { centreId: province.id }))).toBe('UNAUTHENTICATED');
  });
});

describe('concurrency', () => {
  it('ten concurrent CompleteStep calls advance the dossier exactly once; the rest get CONFLICT', async () => {
    const dossier = await receive('HT-02');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => platform.graphql(COMPLETE, { dossierId: dossier.id }, intake)),
    );
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    expect(answers.filter((a) => errorCode(a) === 'CONFLICT').length).toBe(9);
    const row = await processingRow(dossier.id);
    expect(row).toMatchObject({ status: 'PROCESSING', step_index: 1, version: 1 });
    const steps = await platform.services.processing.db.query(
      `SELECT count(*) FROM dossier_history WHERE dossier_id = $1 AND action = 'COMPLETE_STEP'`,
      [dossier.id],
    );
    expect(Number(steps[0].count)).toBe(1);
    expect(await outbox('DossierStatusChanged', dossier.id)).toHaveLength(1);
  });
});

describe('the clock', () => {
  it('supplementation stops the clock; resumption after a weekend and a declared holiday keeps exactly the working time left', async () => {
    // Monday 10 March 2025 declared a day off (through intake, as an ADMIN would).
    await platform.ok(
      `mutation($input: CalendarDayInput!) { setCalendarDay(input: $input) { date } }`,
      { input: { date: '2025-03-10', kind: 'HOLIDAY', name: 'Nghỉ bù' } },
      admin,
    );
    await waitFor(async () => !(await deps().calendar()).isWorkingDay('2025-03-10'), {
      what: 'the declared day off to reach processing',
    });

    // Received Monday 3 March 08:00, due Monday 17 March 17:00.
    const id = await receivedAt(local('2025-03-03', '08:00'), local('2025-03-17', '17:00'));
    atTime(local('2025-03-04', '09:00'));
    await platform.ok(COMPLETE, { dossierId: id }, intake);

    // Friday 7 March 10:00: 300 minutes left that Friday, Monday 10 is off, then 5 days of 450 minutes.
    atTime(local('2025-03-07', '10:00'));
    expect(
      errorCode(
        await platform.graphql(
          REQUEST_SUPPLEMENT,
          { dossierId: id, reason: 'Thiếu tờ khai', componentCodes: [] },
          specialist,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await platform.graphql(
          REQUEST_SUPPLEMENT,
          { dossierId: id, reason: 'Thiếu tờ khai', componentCodes: ['TK'] },
          otherIntake,
        ),
      ),
    ).toBe('FORBIDDEN');
    const { requestSupplement } = await platform.ok(
      REQUEST_SUPPLEMENT,
      { dossierId: id, reason: 'Thiếu tờ khai có chữ ký', componentCodes: ['TK'] },
      specialist,
    );
    expect(requestSupplement).toEqual({ id, status: 'SUPPLEMENT_REQUESTED', nationalStatusCode: 5, dueAt: null });
    const [, paused] = await outbox('DossierStatusChanged', id);
    expect(paused).toMatchObject({
      action: 'REQUEST_SUPPLEMENT',
      status: 'SUPPLEMENT_REQUESTED',
      nationalStatusCode: 5,
      remainingWorkingMinutes: 2550,
      componentCodes: ['TK'],
      reason: 'Thiếu tờ khai có chữ ký',
      dueAt: null,
    });
    // Not in anyone's inbox while the applicant has the turn.
    expect((await platform.ok(OPEN_WORK, {}, specialist)).inbox.map((d: any) => d.id)).not.toContain(id);

    // The slip, printable through the gateway.
    const slip = await fetch(`${platform.url}/processing/dossiers/${id}/supplement-request?format=html`, {
      headers: { authorization: `Bearer ${intake}` },
    });
    expect(slip.status).toBe(200);
    const html = await slip.text();
    expect(html).toContain('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(html).toContain('Thiếu tờ khai có chữ ký');
    expect(html).toContain('<li>TK</li>');

    // The supplement arrives Tuesday 11 March 09:00 (intake's SupplementSubmitted). 2550 minutes from
    // then: Tuesday 360, Wednesday–Friday 3 × 450, Monday 17 450, and 390 on Tuesday 18 → 16:00.
    await deliver('SupplementSubmitted', id, {
      dossierId: id,
      resumedAt: local('2025-03-11', '09:00').toISOString(),
      recordIds: [randomUUID()],
      actor: { id: 'c1', name: 'Trần Thị Bình', role: 'CITIZEN' },
    });
    atTime(local('2025-03-11', '09:00'));
    const entry = (await platform.ok(OPEN_WORK, {}, specialist)).inbox.find((d: any) => d.id === id);
    expect(entry).toMatchObject({ status: 'PROCESSING', dueAt: local('2025-03-18', '16:00').toISOString() });
    const [, , resumed] = await outbox('DossierStatusChanged', id);
    expect(resumed).toMatchObject({
      action: 'SUBMIT_SUPPLEMENT',
      status: 'PROCESSING',
      dueAt: local('2025-03-18', '16:00').toISOString(),
    });
    // The step's own due time moved by the same pause: REVIEW (24 h = 1440 minutes) started Tuesday
    // 4 March 09:00, was due Friday 7 March 10:30, had 30 minutes left at the pause → Tuesday 09:30.
    expect(entry.currentStep.dueAt).toBe(local('2025-03-11', '09:30').toISOString());
  });

  it('a financial obligation stops and resumes the clock the same way', async () => {
    const id = await receivedAt(local('2025-03-03', '08:00'), local('2025-03-17', '17:00'));
    atTime(local('2025-03-04', '09:00'));
    await platform.ok(COMPLETE, { dossierId: id }, intake);
    atTime(local('2025-03-14', '13:30')); // Friday: 210 minutes left that day, 450 on Monday 17
    const request = `mutation($id: ID!) { requestFinancialObligation(dossierId: $id, reason: "Lệ phí trước bạ", amountVnd: 500000) { status nationalStatusCode dueAt } }`;
    expect((await platform.ok(request, { id }, specialist)).requestFinancialObligation).toEqual({
      status: 'FINANCIAL_OBLIGATION',
      nationalStatusCode: 6,
      dueAt: null,
    });
    atTime(local('2025-03-19', '07:30')); // paid on Wednesday morning: 660 minutes from then, 450 that day and 210 on Thursday
    const confirm = `mutation($id: ID!) { confirmFinancialObligation(dossierId: $id, note: "Biên lai 0012") { status nationalStatusCode dueAt } }`;
    expect((await platform.ok(confirm, { id }, intake)).confirmFinancialObligation).toEqual({
      status: 'PROCESSING',
      nationalStatusCode: 4,
      dueAt: local('2025-03-20', '11:00').toISOString(),
    });
    expect(errorCode(await platform.graphql(confirm, { id }, intake))).toBe('CONFLICT');
  });

  it('a late dossier gets an apology with a later appointment, and stays late by its statutory due date', async () => {
    const id = await receivedAt(local('2025-04-01', '08:00'), local('2025-04-15', '17:00'));
    atTime(local('2025-04-02', '08:00'));
    await platform.ok(COMPLETE, { dossierId: id }, intake);

    atTime(local('2025-04-08', '10:00')); // a week before: nothing to apologise for yet
    expect(
      errorCode(
        await platform.graphql(
          APOLOGY,
          { dossierId: id, reason: 'Chờ ý kiến sở', newDueAt: '2025-04-22T10:00:00Z' },
          leader,
        ),
      ),
    ).toBe('CONFLICT');
    atTime(local('2025-04-15', '10:00')); // the due day: DUE_SOON
    expect(
      errorCode(
        await platform.graphql(
          APOLOGY,
          { dossierId: id, reason: 'Chờ ý kiến sở', newDueAt: '2025-04-22T10:00:00Z' },
          specialist,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await platform.graphql(
          APOLOGY,
          { dossierId: id, reason: 'Chờ ý kiến sở', newDueAt: '2025-04-15T09:00:00Z' },
          leader,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const { issueApology } = await platform.ok(
      APOLOGY,
      { dossierId: id, reason: 'Chờ ý kiến sở', newDueAt: '2025-04-22T10:00:00.000Z' },
      leader,
    );
    expect(issueApology).toEqual({
      id,
      dueAt: '2025-04-22T10:00:00.000Z',
      apologies: [
        {
          reason: 'Chờ ý kiến sở',
          newDueAt: '2025-04-22T10:00:00.000Z',
          issuedAt: local('2025-04-15', '10:00').toISOString(),
        },
      ],
    });
    expect(await outbox('ApologyIssued', id)).toEqual([
      expect.objectContaining({
        newDueAt: '2025-04-22T10:00:00.000Z',
        statutoryDueAt: local('2025-04-15', '17:00').toISOString(),
      }),
    ]);
    const letter = await fetch(`${platform.url}/processing/dossiers/${id}/apology-letter?format=html`, {
      headers: { authorization: `Bearer ${leader}` },
    });
    expect(await letter.text()).toContain('Văn bản xin lỗi và hẹn lại ngày trả kết quả');

    // Past the statutory due date the SLA watch marks it OVERDUE, apology or not, and says so once.
    atTime(local('2025-04-16', '10:00'));
    const changes = await sweepSla(platform.services.processing.db, deps());
    expect(changes).toContainEqual({ dossierId: id, state: 'OVERDUE' });
    expect((await sweepSla(platform.services.processing.db, deps())).filter((c) => c.dossierId === id)).toEqual([]);
    expect(await outbox('SlaChanged', id)).toEqual([
      expect.objectContaining({ state: 'OVERDUE', statutoryDueAt: local('2025-04-15', '17:00').toISOString() }),
    ]);
    const entry = (
      await platform.ok(`query { inbox { id dueAt sla { state remainingWorkingHours } } }`, {}, specialist)
    ).inbox.find((d: any) => d.id === id);
    expect(entry).toEqual({
      id,
      dueAt: '2025-04-22T10:00:00.000Z',
      sla: { state: 'OVERDUE', remainingWorkingHours: -2.5 },
    });

    // Decided late: the decision carries the statutory due date.
    atTime(local('2025-04-17', '10:00'));
    await platform.ok(COMPLETE, { dossierId: id }, specialist);
    await platform.ok(DECIDE, { input: { dossierId: id, decision: 'REJECTED', reason: 'Không đủ điều kiện' } }, leader);
    expect((await outbox('DossierDecided', id))[0]).toMatchObject({
      decision: 'REJECTED',
      result: null,
      dueAt: local('2025-04-15', '17:00').toISOString(),
    });
  });

  it('the SLA watch runs as a BullMQ job scheduler and marks a dossier DUE_SOON within one working day', async () => {
    const connection = new QueueConnection(platform.serviceConfig('processing').queue);
    try {
      const schedulers = await connection.queue(SLA_QUEUE).getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain(SLA_SCHEDULER_ID);
    } finally {
      await connection.close();
    }
    const id = await receivedAt(local('2025-05-05', '08:00'), local('2025-05-19', '17:00'));
    atTime(local('2025-05-16', '16:00')); // Friday 16:00: 60 + 450 minutes left
    expect((await sweepSla(platform.services.processing.db, deps())).find((c) => c.dossierId === id)).toBeUndefined();
    atTime(local('2025-05-19', '07:30'));
    expect((await sweepSla(platform.services.processing.db, deps())).find((c) => c.dossierId === id)).toEqual({
      dossierId: id,
      state: 'DUE_SOON',
    });
  });
});

describe('transfer, stop, refusal and withdrawal', () => {
  it("a transfer moves the dossier to another centre's inbox; reception centre, code and due date stay", async () => {
    const dossier = await receive('HT-02');
    await platform.ok(COMPLETE, { dossierId: dossier.id }, intake);
    expect(
      errorCode(
        await platform.graphql(TRANSFER, { dossierId: dossier.id, toCentreId: province.id, reason: 'x' }, leader),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await platform.graphql(TRANSFER, { dossierId: dossier.id, toCentreId: randomUUID(), reason: 'x' }, leader),
      ),
    ).toBe('NOT_FOUND');
    const { transferDossier } = await platform.ok(
      TRANSFER,
      { dossierId: dossier.id, toCentreId: commune.id, reason: 'Thuộc thẩm quyền cấp xã' },
      leader,
    );
    expect(transferDossier).toEqual({
      id: dossier.id,
      status: 'PROCESSING',
      processingCentre: { id: commune.id, code: 'H57.X01' },
    });
    expect((await platform.ok(OPEN_WORK, {}, specialist)).inbox.map((d: any) => d.id)).not.toContain(dossier.id);
    expect((await platform.ok(INBOX, {}, communeSpecialist)).inbox.map((d: any) => d.id)).toContain(dossier.id);
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, specialist))).toBe('FORBIDDEN');
    const view = (await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier;
    expect(view).toMatchObject({
      code: dossier.code,
      dueAt: dossier.dueAt,
      receivingCentre: { code: 'H57' },
      processingCentre: { code: 'H57.X01' },
    });
    expect(view.history.at(-1)).toMatchObject({ action: 'TRANSFER', note: 'H57 → H57.X01: Thuộc thẩm quyền cấp xã' });
    expect(
      (await platform.ok(COMPLETE, { dossierId: dossier.id }, communeSpecialist)).completeStep.currentStep,
    ).toEqual({ code: 'DECIDE', role: 'LEADER' });
  });

  it('a leader stops processing with a reason (4→8); nothing moves it afterwards', async () => {
    const dossier = await receive('HT-02');
    expect(errorCode(await platform.graphql(STOP, { dossierId: dossier.id, reason: 'Hồ sơ giả mạo' }, leader))).toBe(
      'CONFLICT',
    ); // still RECEIVED
    await platform.ok(COMPLETE, { dossierId: dossier.id }, intake);
    expect(
      errorCode(await platform.graphql(STOP, { dossierId: dossier.id, reason: 'Hồ sơ giả mạo' }, specialist)),
    ).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(STOP, { dossierId: dossier.id, reason: ' ' }, leader))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await platform.ok(STOP, { dossierId: dossier.id, reason: 'Hồ sơ giả mạo' }, leader)).stopDossier).toEqual({
      id: dossier.id,
      status: 'STOPPED',
      nationalStatusCode: 8,
    });
    expect(errorCode(await platform.graphql(COMPLETE, { dossierId: dossier.id }, specialist))).toBe('CONFLICT');
    const view = (await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier;
    expect(view).toMatchObject({ currentStep: null, sla: null });
    expect(view.history.at(-1)).toMatchObject({ action: 'STOP', note: 'Hồ sơ giả mạo', actor: 'leader H57' });
  });

  it('an online dossier is refused at reception (1→3) with a printable slip; an accepted one enters at its first step', async () => {
    const refused = await receive('HT-02', { channel: 'ONLINE' });
    expect((await processingRow(refused.id)).status).toBe('NEW');
    expect(
      errorCode(await platform.graphql(REFUSE, { dossierId: refused.id, reason: 'Sai thủ tục' }, specialist)),
    ).toBe('FORBIDDEN');
    expect((await platform.ok(REFUSE, { dossierId: refused.id, reason: 'Sai thủ tục' }, intake)).refuseDossier).toEqual(
      { id: refused.id, status: 'NOT_ACCEPTED', nationalStatusCode: 3 },
    );
    const slip = await fetch(`${platform.url}/processing/dossiers/${refused.id}/refusal-slip?format=html`, {
      headers: { authorization: `Bearer ${intake}` },
    });
    expect(await slip.text()).toContain('Sai thủ tục');

    const accepted = await receive('HT-02', { channel: 'ONLINE' });
    await platform.ok(`mutation($id: ID!) { acceptDossier(dossierId: $id) { id } }`, { id: accepted.id }, intake);
    await waitFor(async () => (await processingRow(accepted.id)).status === 'RECEIVED', {
      what: 'processing to apply the acceptance',
    });
    expect(errorCode(await platform.graphql(REFUSE, { dossierId: accepted.id, reason: 'x' }, intake))).toBe('CONFLICT');
    expect(
      (await platform.ok(OPEN_WORK, {}, intake)).inbox.find((d: any) => d.id === accepted.id).currentStep.code,
    ).toBe('RECEIVE');
  });

  it("the applicant withdraws their own dossier (2→7); nobody else's", async () => {
    const dossier = await receive('HT-02', { identityNumber: '046090004321' });
    const owner = await platform.token({ role: 'CITIZEN', identityNumber: '046090004321' });
    const stranger = await platform.token({ role: 'CITIZEN', identityNumber: '046090001111' });
    expect(
      errorCode(await platform.graphql(WITHDRAW, { dossierId: dossier.id, reason: 'Không còn nhu cầu' }, stranger)),
    ).toBe('FORBIDDEN');
    expect(
      (await platform.ok(WITHDRAW, { dossierId: dossier.id, reason: 'Không còn nhu cầu' }, owner)).withdrawDossier,
    ).toEqual({ id: dossier.id, status: 'WITHDRAWN', nationalStatusCode: 7 });
  });
});

describe('the supplementation round trip with intake', () => {
  it("intake's submitSupplement resumes the clock and both services agree on the due date", async () => {
    const dossier = await receive('HT-02');
    await platform.ok(COMPLETE, { dossierId: dossier.id }, intake);
    await platform.ok(
      REQUEST_SUPPLEMENT,
      { dossierId: dossier.id, reason: 'Bổ sung tờ khai', componentCodes: ['TK'] },
      specialist,
    );
    await waitFor(
      async () => (await platform.ok(DOSSIER, { id: dossier.id }, admin)).dossier.status === 'SUPPLEMENT_REQUESTED',
      { what: 'intake to learn of the request' },
    );
    const { submitSupplement } = await platform.ok(
      `mutation($id: ID!, $documents: [DocumentInput!]!) { submitSupplement(dossierId: $id, documents: $documents) { id status nationalStatusCode dueAt } }`,
      {
        id: dossier.id,
        documents: [
          {
            componentCode: 'TK',
            upload: {
              fileName: 'tk.pdf',
              mimeType: 'application/pdf',
              contentBase64: Buffer.from('%PDF-1.4 tờ khai').toString('base64'),
            },
          },
        ],
      },
      intake,
    );
    expect(submitSupplement).toMatchObject({ status: 'PROCESSING', nationalStatusCode: 4 });
    await waitFor(async () => (await processingRow(dossier.id)).status === 'PROCESSING', {
      what: 'processing to resume the clock',
    });
    expect((await processingRow(dossier.id)).due_at.toISOString()).toBe(submitSupplement.dueAt);
  });
});

describe('the control slip is append-only', () => {
  it('the database refuses to update or delete a line of history', async () => {
    const db = platform.services.processing.db;
    const [line] = await db.query(`SELECT id FROM dossier_history LIMIT 1`);
    await expect(db.query(`UPDATE dossier_history SET note = 'sửa' WHERE id = $1`, [line.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM dossier_history WHERE id = $1`, [line.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE dossier_history`)).rejects.toThrow(/append-only/);
    expect((await db.query(`SELECT note FROM dossier_history WHERE id = $1`, [line.id]))[0].note).not.toBe('sửa');
  });
});
