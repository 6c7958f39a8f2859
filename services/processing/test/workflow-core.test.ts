import { randomUUID } from 'node:crypto';
import { type EventEnvelope, type EventType, type LatestPayload, OutboxEvent } from '@onestop/events';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import { pdfText } from '@onestop/test-support';
import { WorkingCalendar } from '@onestop/calendar';
import type { ProcessingDeps } from '../src/deps';

const calendar = new WorkingCalendar({ declared: [] });
const hoursBetween = (from: Date, until: Date) =>
  Math.round((calendar.workingMinutesBetween(from, until) / 60) * 100) / 100;

/**
 * Issue #20's workflow core through the gateway: the officer directory, assignment and
 * reassignment, "my dossiers", completion by the assignee only, a send-back with its rework
 * holding and new due time, a step skipped by its condition, and the holders with their office time.
 */
let platform: TestPlatform;
let admin: string, intake: string, leader: string, specialistA: string, specialistB: string, otherSpecialist: string;
let centre: { id: string; code: string };
let sequence = 5000;
process.env.SLA_SWEEP_EVERY_MS = String(3_600_000);

const deps = () => platform.services.processing.deps as ProcessingDeps;
const local = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const atTime = (at: Date) => {
  deps().now = () => at.getTime();
};
const errorCode = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;
const outbox = (type: string, dossierId: string): Promise<any[]> =>
  platform.services.processing.db
    .getRepository(OutboxEvent)
    .find({ where: { type, aggregateId: dossierId }, order: { sequence: 'ASC' } })
    .then((r) => r.map((e) => e.payload));

function deliver<T extends EventType>(type: T, aggregateId: string, payload: LatestPayload<T>) {
  const envelope: EventEnvelope<LatestPayload<T>> = {
    id: randomUUID(),
    type,
    version: 1,
    sequence: sequence++,
    source: 'intake',
    aggregateId,
    occurredAt: new Date().toISOString(),
    correlationId: null,
    payload,
  };
  return platform.services.processing.consumer!.apply({ data: envelope as EventEnvelope });
}

/** A counter dossier received at a chosen instant, as intake's DossierSubmitted announces it. */
async function receivedAt(
  at: Date,
  opts: { procedureCode?: string; kind?: 'CITIZEN' | 'ORGANIZATION'; feeVnd?: number } = {},
) {
  const dossierId = randomUUID();
  await deliver('DossierSubmitted', dossierId, {
    dossierId,
    code: `${centre.code}-${sequence}-0001`,
    status: 2,
    channel: 'COUNTER',
    submittedAt: at.toISOString(),
    receivedAt: at.toISOString(),
    receptionDay: at.toISOString().slice(0, 10),
    dueAt: local('2025-03-31', '17:00').toISOString(),
    procedure: {
      id: randomUUID(),
      code: opts.procedureCode ?? 'WF-01',
      name: 'Cấp phép',
      sector: 'Xây dựng',
      version: 1,
      processingTime: { amount: 15, unit: 'WORKING_DAYS' },
      feeVnd: opts.feeVnd ?? 0,
    },
    receivingCentre: { id: centre.id, code: centre.code, level: 'PROVINCE' },
    applicant: {
      id: randomUUID(),
      kind: opts.kind ?? 'CITIZEN',
      identityNumber: '046090007777',
      fullName: 'Lê Văn Cường',
      phone: null,
      email: null,
    },
    delivery: { method: 'COUNTER', address: null },
  });
  return dossierId;
}

async function processingView(id: string) {
  // The gateway does not expose _entities; read the fields through the inbox or myAssignedDossiers instead.
  const { inbox } = await platform.ok(
    `query { inbox(centreId: "${centre.id}", first: 10) { id status currentStep { code role dueAt kind assignee { id name } }
    assignee { id name role centre { id } } activeSteps { code dueAt }
    holdings { officer { id name } stepCode centre { id } from until workingHours rework } history { action actor note stepCode } } }`,
    {},
    admin,
  );
  return inbox.find((d: { id: string }) => d.id === id);
}

const ASSIGN = `mutation($id: ID!, $officerId: ID!, $note: String) { assignDossier(dossierId: $id, officerId: $officerId, note: $note) { id assignee { id name } currentStep { code assignee { id } } } }`;
const COMPLETE = `mutation($id: ID!) { completeStep(dossierId: $id) { id currentStep { code role dueAt } } }`;
const SEND_BACK = `mutation($id: ID!, $to: String!, $reason: String!) { sendBack(dossierId: $id, toStepCode: $to, reason: $reason) { id currentStep { code role dueAt startedAt } } }`;

beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await platform.token({ role: 'ADMIN', centre: 'WF' });
  centre = (
    await platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'WF', name: 'Trung tâm thử quy trình', level: 'PROVINCE' } },
      admin,
    )
  ).createCentre;
  intake = await platform.token({ sub: 'wf-intake', name: 'Trần Thị Tiếp', role: 'INTAKE_OFFICER', centre: 'WF' });
  leader = await platform.token({ sub: 'wf-leader', name: 'Phạm Văn Lãnh', role: 'LEADER', centre: 'WF' });
  specialistA = await platform.token({ sub: 'wf-spec-a', name: 'Nguyễn Thị An', role: 'SPECIALIST', centre: 'WF' });
  specialistB = await platform.token({ sub: 'wf-spec-b', name: 'Hoàng Văn Bình', role: 'SPECIALIST', centre: 'WF' });
  otherSpecialist = await platform.token({ sub: 'wf-spec-c', name: 'Đỗ Văn Cư', role: 'SPECIALIST', centre: 'WF' });
  await waitFor(
    async () =>
      (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id])).length,
    { what: 'the centre replica' },
  );
  // Their tokens reach processing once: the officer directory knows them.
  for (const t of [intake, leader, specialistA, specialistB, otherSpecialist])
    await platform.ok(`{ myAssignedDossiers { id } }`, {}, t);
});
afterAll(() => platform?.stop());
afterEach(() => {
  deps().now = () => Date.now();
});

describe('the officer directory', () => {
  it('lists the officers whose tokens reached processing, by role, once each', async () => {
    const { officers } = await platform.ok(
      `query($c: ID!) { officers(centreId: $c, role: SPECIALIST) { id name role centre { id code } } }`,
      { c: centre.id },
      leader,
    );
    expect(officers).toEqual([
      { id: 'wf-spec-c', name: 'Đỗ Văn Cư', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
      { id: 'wf-spec-b', name: 'Hoàng Văn Bình', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
      { id: 'wf-spec-a', name: 'Nguyễn Thị An', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
    ]);
    const [{ count }] = await platform.services.processing.db.query(
      `SELECT count(*)::int FROM officer WHERE centre_id = $1`,
      [centre.id],
    );
    expect(count).toBe(5);
  });
});

describe('assignment, reassignment and send-back', () => {
  it('walks a dossier: assigned, reassigned, completed by the assignee only, sent back, with each holder on the slip', async () => {
    const id = await receivedAt(local('2025-03-03', '08:00')); // Monday
    atTime(local('2025-03-03', '09:00'));
    await platform.ok(COMPLETE, { id }, intake); // RECEIVE done → REVIEW (specialist, 24 h)

    atTime(local('2025-03-03', '10:00'));
    expect(errorCode(await platform.graphql(ASSIGN, { id, officerId: 'wf-spec-a' }, specialistA))).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(ASSIGN, { id, officerId: 'wf-leader' }, leader))).toBe('BAD_USER_INPUT');
    const { assignDossier } = await platform.ok(ASSIGN, { id, officerId: 'wf-spec-a', note: 'Ưu tiên' }, leader);
    expect(assignDossier).toEqual({
      id,
      assignee: { id: 'wf-spec-a', name: 'Nguyễn Thị An' },
      currentStep: { code: 'REVIEW', assignee: { id: 'wf-spec-a' } },
    });
    expect((await platform.ok(`{ myAssignedDossiers { id } }`, {}, specialistA)).myAssignedDossiers).toEqual([{ id }]);

    atTime(local('2025-03-03', '14:00'));
    await platform.ok(ASSIGN, { id, officerId: 'wf-spec-b' }, leader); // reassigned
    expect((await platform.ok(`{ myAssignedDossiers { id } }`, {}, specialistA)).myAssignedDossiers).toEqual([]);
    // the specialists' inbox still lists it, with its assignee
    const { inbox } = await platform.ok(`{ inbox { id currentStep { assignee { id } } } }`, {}, otherSpecialist);
    expect(inbox.find((d: { id: string }) => d.id === id)).toEqual({
      id,
      currentStep: { assignee: { id: 'wf-spec-b' } },
    });
    expect(errorCode(await platform.graphql(COMPLETE, { id }, specialistA))).toBe('FORBIDDEN');

    atTime(local('2025-03-04', '10:00'));
    await platform.ok(COMPLETE, { id }, specialistB); // → DECIDE
    atTime(local('2025-03-04', '15:00'));
    expect(errorCode(await platform.graphql(SEND_BACK, { id, to: 'DECIDE', reason: 'x' }, leader))).toBe('CONFLICT');
    const { sendBack } = await platform.ok(
      SEND_BACK,
      { id, to: 'REVIEW', reason: 'Thiếu ý kiến phòng chuyên môn' },
      leader,
    );
    expect(sendBack.currentStep).toEqual({
      code: 'REVIEW',
      role: 'SPECIALIST',
      startedAt: local('2025-03-04', '15:00').toISOString(),
      dueAt: calendar.addWorkingMinutes(local('2025-03-04', '15:00'), 24 * 60).toISOString(),
    });

    atTime(local('2025-03-05', '08:00'));
    const d = await processingView(id);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'RECEIVE',
      'COMPLETE_STEP',
      'ASSIGN',
      'ASSIGN',
      'COMPLETE_STEP',
      'SEND_BACK',
    ]);
    expect(d.history.at(-1)).toMatchObject({
      actor: 'Phạm Văn Lãnh',
      note: 'DECIDE → REVIEW: Thiếu ý kiến phòng chuyên môn',
      stepCode: 'DECIDE',
    });
    expect(d.holdings).toEqual([
      {
        officer: null,
        stepCode: 'RECEIVE',
        centre: { id: centre.id },
        from: local('2025-03-03', '08:00').toISOString(),
        until: local('2025-03-03', '09:00').toISOString(),
        workingHours: hoursBetween(local('2025-03-03', '08:00'), local('2025-03-03', '09:00')),
        rework: false,
      },
      {
        officer: null,
        stepCode: 'REVIEW',
        centre: { id: centre.id },
        from: local('2025-03-03', '09:00').toISOString(),
        until: local('2025-03-03', '10:00').toISOString(),
        workingHours: hoursBetween(local('2025-03-03', '09:00'), local('2025-03-03', '10:00')),
        rework: false,
      },
      {
        officer: { id: 'wf-spec-a', name: 'Nguyễn Thị An' },
        stepCode: 'REVIEW',
        centre: { id: centre.id },
        from: local('2025-03-03', '10:00').toISOString(),
        until: local('2025-03-03', '14:00').toISOString(),
        workingHours: hoursBetween(local('2025-03-03', '10:00'), local('2025-03-03', '14:00')),
        rework: false,
      },
      {
        officer: { id: 'wf-spec-b', name: 'Hoàng Văn Bình' },
        stepCode: 'REVIEW',
        centre: { id: centre.id },
        from: local('2025-03-03', '14:00').toISOString(),
        until: local('2025-03-04', '10:00').toISOString(),
        workingHours: hoursBetween(local('2025-03-03', '14:00'), local('2025-03-04', '10:00')),
        rework: false,
      },
      {
        officer: null,
        stepCode: 'DECIDE',
        centre: { id: centre.id },
        from: local('2025-03-04', '10:00').toISOString(),
        until: local('2025-03-04', '15:00').toISOString(),
        workingHours: hoursBetween(local('2025-03-04', '10:00'), local('2025-03-04', '15:00')),
        rework: false,
      },
      {
        officer: null,
        stepCode: 'REVIEW',
        centre: { id: centre.id },
        from: local('2025-03-04', '15:00').toISOString(),
        until: null,
        workingHours: hoursBetween(local('2025-03-04', '15:00'), local('2025-03-05', '08:00')),
        rework: true,
      },
    ]);
    expect((await outbox('DossierAssigned', id)).map((e) => [e.officer.id, e.previousOfficerId])).toEqual([
      ['wf-spec-a', null],
      ['wf-spec-b', 'wf-spec-a'],
    ]);
    expect(await outbox('DossierSentBack', id)).toEqual([
      expect.objectContaining({
        fromStepCode: 'DECIDE',
        toStepCode: 'REVIEW',
        reason: 'Thiếu ý kiến phòng chuyên môn',
      }),
    ]);
    // the printed control slip lists the holders
    const printed = await fetch(`${platform.url}/processing/dossiers/${id}/control-slip`, {
      headers: { authorization: `Bearer ${leader}` },
    });
    const slip = await pdfText(Buffer.from(await printed.arrayBuffer()));
    expect(slip).toContain('Người giữ hồ sơ');
    expect(slip).toContain('Nguyễn Thị An');
    expect(slip).toContain('Hoàng Văn Bình');
    // a send-back inside processing changes no status: no DossierStatusChanged beyond the handover's
    expect((await outbox('DossierStatusChanged', id)).map((e) => e.action)).toEqual(['COMPLETE_STEP']);
  });
});

describe('conditions', () => {
  it('a step whose condition fails is skipped; one that holds is walked', async () => {
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
      {
        code: 'FEE',
        name: 'Thẩm định lệ phí',
        role: 'SPECIALIST',
        durationHours: 8,
        condition: { feeAtLeastVnd: 500000 },
      },
      {
        code: 'ORG',
        name: 'Thẩm định tổ chức',
        role: 'SPECIALIST',
        durationHours: 8,
        condition: { applicantKind: 'ORGANIZATION' },
      },
      { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8, sendBackTo: ['ORG'] },
    ];
    const { defineWorkflow } = await platform.ok(
      `mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { version steps { code kind sendBackTo condition { applicantKind feeAtLeastVnd } } } }`,
      { input: { procedureCode: 'WF-COND', steps } },
      admin,
    );
    expect(defineWorkflow.steps[1]).toEqual({
      code: 'FEE',
      kind: 'TASK',
      sendBackTo: [],
      condition: { applicantKind: null, feeAtLeastVnd: 500000 },
    });
    expect(defineWorkflow.steps[3].sendBackTo).toEqual(['ORG']);
    const citizen = await receivedAt(local('2025-03-03', '08:00'), {
      procedureCode: 'WF-COND',
      kind: 'CITIZEN',
      feeVnd: 100000,
    });
    const org = await receivedAt(local('2025-03-03', '08:00'), {
      procedureCode: 'WF-COND',
      kind: 'ORGANIZATION',
      feeVnd: 100000,
    });
    atTime(local('2025-03-03', '09:00'));
    expect((await platform.ok(COMPLETE, { id: citizen }, intake)).completeStep.currentStep.code).toBe('DECIDE');
    expect((await platform.ok(COMPLETE, { id: org }, intake)).completeStep.currentStep.code).toBe('ORG');
    expect((await processingView(citizen)).history[1].note).toBe('skipped (condition not met): FEE, ORG');
  });
});

describe('parallel departments and an inter-agency step', () => {
  let agency: { id: string; code: string };
  let agencyLeader: string, agencySpecialist: string;

  beforeAll(async () => {
    agency = (
      await platform.ok(
        `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
        { input: { code: 'WF.THUE', name: 'Chi cục Thuế', level: 'DISTRICT', parentId: centre.id } },
        admin,
      )
    ).createCentre;
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [agency.id])).length,
      { what: 'the agency in the replica' },
    );
    agencyLeader = await platform.token({
      sub: 'wf-thue-leader',
      name: 'Vũ Thị Thuế',
      role: 'LEADER',
      centre: 'WF.THUE',
    });
    agencySpecialist = await platform.token({
      sub: 'wf-thue-spec',
      name: 'Lý Văn Kiểm',
      role: 'SPECIALIST',
      centre: 'WF.THUE',
    });
    for (const t of [agencyLeader, agencySpecialist]) await platform.ok(`{ myAssignedDossiers { id } }`, {}, t);
  });

  it('two departments at once, then the agency returns it, then accepts and completes it against its share', async () => {
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
      {
        code: 'DEPTS',
        name: 'Thẩm định liên phòng',
        role: 'LEADER',
        durationHours: 16,
        kind: 'PARALLEL',
        branches: [
          { code: 'LAND', name: 'Phòng Tài nguyên', role: 'SPECIALIST', durationHours: 16 },
          { code: 'BUILD', name: 'Phòng Xây dựng', role: 'LEADER', durationHours: 8 },
          {
            code: 'ORG',
            name: 'Phòng Doanh nghiệp',
            role: 'SPECIALIST',
            durationHours: 8,
            condition: { applicantKind: 'ORGANIZATION' },
          },
        ],
      },
      {
        code: 'TAX',
        name: 'Xác định nghĩa vụ thuế',
        role: 'SPECIALIST',
        durationHours: 16,
        kind: 'INTER_AGENCY',
        agencyCentreId: agency.id,
      },
      { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
    ];
    await platform.ok(
      `mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { version } }`,
      { input: { procedureCode: 'WF-PAR', steps } },
      admin,
    );
    const id = await receivedAt(local('2025-03-10', '08:00'), { procedureCode: 'WF-PAR' });
    const start = local('2025-03-10', '09:00');
    atTime(start);
    const ACTIVE = `mutation($id: ID!, $b: String) { completeStep(dossierId: $id, branchCode: $b) { id activeSteps { code kind branchCode role dueAt agencyAccepted } } }`;
    const { completeStep } = await platform.ok(ACTIVE, { id }, intake);
    expect(completeStep.activeSteps).toEqual([
      {
        code: 'DEPTS',
        kind: 'PARALLEL',
        branchCode: 'LAND',
        role: 'SPECIALIST',
        dueAt: calendar.addWorkingMinutes(start, 16 * 60).toISOString(),
        agencyAccepted: null,
      },
      {
        code: 'DEPTS',
        kind: 'PARALLEL',
        branchCode: 'BUILD',
        role: 'LEADER',
        dueAt: calendar.addWorkingMinutes(start, 8 * 60).toISOString(),
        agencyAccepted: null,
      },
    ]); // ORG does not apply to a citizen
    // each branch role's inbox lists the dossier once
    for (const t of [specialistA, leader]) {
      const { inbox } = await platform.ok(`{ inbox { id } }`, {}, t);
      expect(inbox.filter((d: { id: string }) => d.id === id)).toHaveLength(1);
    }
    expect(errorCode(await platform.graphql(ACTIVE, { id }, specialistA))).toBe('BAD_USER_INPUT');
    await platform.ok(
      `mutation($id: ID!) { assignDossier(dossierId: $id, officerId: "wf-spec-a", branchCode: "LAND") { id } }`,
      { id },
      leader,
    );
    expect(errorCode(await platform.graphql(ACTIVE, { id, b: 'LAND' }, specialistB))).toBe('FORBIDDEN');

    atTime(local('2025-03-10', '11:00'));
    const afterLand = (await platform.ok(ACTIVE, { id, b: 'LAND' }, specialistA)).completeStep.activeSteps;
    expect(afterLand.map((s: { branchCode: string }) => s.branchCode)).toEqual(['BUILD']);
    const sentAt = local('2025-03-11', '10:00');
    atTime(sentAt); // BUILD after its 8 hours: late
    const atTax = (await platform.ok(ACTIVE, { id, b: 'BUILD' }, leader)).completeStep.activeSteps;
    expect(atTax).toEqual([
      {
        code: 'TAX',
        kind: 'INTER_AGENCY',
        branchCode: null,
        role: 'SPECIALIST',
        dueAt: calendar.addWorkingMinutes(sentAt, 16 * 60).toISOString(),
        agencyAccepted: null,
      },
    ]);

    // the agency's officers see it; the processing centre's specialists no longer do
    expect(
      (await platform.ok(`{ inbox { id } }`, {}, agencySpecialist)).inbox.map((d: { id: string }) => d.id),
    ).toContain(id);
    expect(
      (await platform.ok(`{ inbox { id } }`, {}, specialistA)).inbox.map((d: { id: string }) => d.id),
    ).not.toContain(id);
    expect(
      errorCode(
        await platform.graphql(`mutation($id: ID!) { acceptInterAgency(dossierId: $id) { id } }`, { id }, specialistA),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(ACTIVE, { id }, agencySpecialist))).toBe('CONFLICT'); // accept first

    atTime(local('2025-03-11', '11:00'));
    const { returnInterAgency } = await platform.ok(
      `mutation($id: ID!) { returnInterAgency(dossierId: $id, reason: "Thiếu tờ khai thuế") {
      id currentStep { code } interAgency { agency { id } stepCode state reason } } }`,
      { id },
      agencyLeader,
    );
    expect(returnInterAgency).toEqual({
      id,
      currentStep: { code: 'DEPTS' },
      interAgency: { agency: { id: agency.id }, stepCode: 'TAX', state: 'RETURNED', reason: 'Thiếu tờ khai thuế' },
    });
    // both departments again; then the agency again
    atTime(local('2025-03-11', '13:30'));
    await platform.ok(ACTIVE, { id, b: 'LAND' }, specialistA);
    const resentAt = local('2025-03-11', '14:00');
    atTime(resentAt);
    await platform.ok(ACTIVE, { id, b: 'BUILD' }, leader);

    const acceptedAt = local('2025-03-12', '08:00');
    atTime(acceptedAt);
    const { acceptInterAgency } = await platform.ok(
      `mutation($id: ID!) { acceptInterAgency(dossierId: $id, note: "Đã nhận") {
      currentStep { code agencyAccepted agency { id } dueAt } interAgency { state sentAt shareDueAt } } }`,
      { id },
      agencyLeader,
    );
    const shareDueAt = calendar.addWorkingMinutes(acceptedAt, 16 * 60).toISOString();
    expect(acceptInterAgency).toEqual({
      currentStep: { code: 'TAX', agencyAccepted: true, agency: { id: agency.id }, dueAt: shareDueAt },
      interAgency: { state: 'ACCEPTED', sentAt: resentAt.toISOString(), shareDueAt },
    });
    await platform.ok(
      `mutation($id: ID!) { assignDossier(dossierId: $id, officerId: "wf-thue-spec") { id } }`,
      { id },
      agencyLeader,
    );
    atTime(local('2025-03-17', '09:00')); // after the share: the agency is late
    expect((await platform.ok(ACTIVE, { id }, agencySpecialist)).completeStep.activeSteps).toEqual([
      {
        code: 'DECIDE',
        kind: 'TASK',
        branchCode: null,
        role: 'LEADER',
        dueAt: calendar.addWorkingMinutes(local('2025-03-17', '09:00'), 8 * 60).toISOString(),
        agencyAccepted: null,
      },
    ]);

    const d = await processingView(id);
    const lines = d.history.filter((h: { action: string }) =>
      ['COMPLETE_STEP', 'ACCEPT_INTER_AGENCY', 'RETURN_INTER_AGENCY'].includes(h.action),
    );
    expect(
      lines.map((h: { action: string; stepCode: string; note: string }) => [h.action, h.stepCode, h.note]),
    ).toEqual([
      ['COMPLETE_STEP', 'RECEIVE', null],
      ['COMPLETE_STEP', 'DEPTS', 'branch LAND'],
      ['COMPLETE_STEP', 'DEPTS', 'branch BUILD'],
      ['RETURN_INTER_AGENCY', 'TAX', 'Thiếu tờ khai thuế'],
      ['COMPLETE_STEP', 'DEPTS', 'branch LAND'],
      ['COMPLETE_STEP', 'DEPTS', 'branch BUILD'],
      ['ACCEPT_INTER_AGENCY', 'TAX', 'Đã nhận'],
      ['COMPLETE_STEP', 'TAX', null],
    ]);
    const rows = await platform.services.processing.db.query(
      `SELECT action, step_code, step_outcome, centre_id, note FROM dossier_history WHERE dossier_id = $1 AND action = 'COMPLETE_STEP' ORDER BY id`,
      [id],
    );
    expect(rows.map((r: any) => [r.note, r.step_outcome, r.centre_id])).toEqual([
      [null, 'ON_TIME', centre.id],
      ['branch LAND', 'EARLY', centre.id],
      ['branch BUILD', 'LATE', centre.id],
      ['branch LAND', 'EARLY', centre.id],
      ['branch BUILD', 'EARLY', centre.id],
      [null, 'LATE', agency.id],
    ]);
    const holders = d.holdings.map((h: any) => [
      h.stepCode,
      h.officer?.id ?? null,
      h.centre.id === agency.id ? 'agency' : 'centre',
      h.rework,
    ]);
    expect(holders).toEqual([
      ['RECEIVE', null, 'centre', false],
      ['DEPTS', null, 'centre', false],
      ['DEPTS', null, 'centre', false],
      ['DEPTS', 'wf-spec-a', 'centre', false],
      ['TAX', null, 'agency', false],
      ['DEPTS', null, 'centre', true],
      ['DEPTS', null, 'centre', true],
      ['TAX', null, 'agency', false],
      ['TAX', null, 'agency', false],
      ['TAX', 'wf-thue-spec', 'agency', false],
      ['DECIDE', null, 'centre', false],
    ]);
    expect((await outbox('InterAgencyTransferred', id)).map((e) => e.sentAt)).toEqual([
      sentAt.toISOString(),
      resentAt.toISOString(),
    ]);
    expect((await outbox('InterAgencyReturned', id)).map((e) => e.reason)).toEqual(['Thiếu tờ khai thuế']);
    expect((await outbox('InterAgencyAccepted', id)).map((e) => e.shareDueAt)).toEqual([shareDueAt]);
  });
});
