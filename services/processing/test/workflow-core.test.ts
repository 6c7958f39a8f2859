import { randomUUID } from 'node:crypto';
import { type EventEnvelope, type EventType, type LatestPayload, OutboxEvent } from '@onestop/events';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import { WorkingCalendar } from '@onestop/calendar';
import type { ProcessingDeps } from '../src/deps';

const calendar = new WorkingCalendar({ declared: [] });
const hoursBetween = (from: Date, until: Date) => Math.round((calendar.workingMinutesBetween(from, until) / 60) * 100) / 100;

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
const atTime = (at: Date) => { deps().now = () => at.getTime(); };
const errorCode = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;
const outbox = (type: string, dossierId: string): Promise<any[]> =>
  platform.services.processing.db.getRepository(OutboxEvent).find({ where: { type, aggregateId: dossierId }, order: { sequence: 'ASC' } }).then((r) => r.map((e) => e.payload));

function deliver<T extends EventType>(type: T, aggregateId: string, payload: LatestPayload<T>) {
  const envelope: EventEnvelope<LatestPayload<T>> = {
    id: randomUUID(), type, version: 1, sequence: sequence++, source: 'intake', aggregateId, occurredAt: new Date().toISOString(), correlationId: null, payload,
  };
  return platform.services.processing.consumer!.apply({ data: envelope as EventEnvelope });
}

/** A counter dossier received at a chosen instant, as intake's DossierSubmitted announces it. */
async function receivedAt(at: Date, opts: { procedureCode?: string; kind?: 'CITIZEN' | 'ORGANIZATION'; feeVnd?: number } = {}) {
  const dossierId = randomUUID();
  await deliver('DossierSubmitted', dossierId, {
    dossierId, code: `${centre.code}-${sequence}-0001`, status: 2, channel: 'COUNTER', submittedAt: at.toISOString(), receivedAt: at.toISOString(),
    receptionDay: at.toISOString().slice(0, 10), dueAt: local('2025-03-31', '17:00').toISOString(),
    procedure: { id: randomUUID(), code: opts.procedureCode ?? 'WF-01', name: 'Cấp phép', sector: 'Xây dựng', version: 1, processingTime: { amount: 15, unit: 'WORKING_DAYS' }, feeVnd: opts.feeVnd ?? 0 },
    receivingCentre: { id: centre.id, code: centre.code, level: 'PROVINCE' },
    applicant: { id: randomUUID(), kind: opts.kind ?? 'CITIZEN', identityNumber: '046090007777', fullName: 'Lê Văn Cường', phone: null, email: null },
    delivery: { method: 'COUNTER', address: null },
  });
  return dossierId;
}

async function processingView(id: string) {
  // The gateway does not expose _entities; read the fields through the inbox or myAssignedDossiers instead.
  const { inbox } = await platform.ok(`query { inbox(centreId: "${centre.id}", first: 10) { id status currentStep { code role dueAt kind assignee { id name } }
    assignee { id name role centre { id } } activeSteps { code dueAt }
    holdings { officer { id name } stepCode centre { id } from until workingHours rework } history { action actor note stepCode } } }`, {}, admin);
  return inbox.find((d: { id: string }) => d.id === id);
}

const ASSIGN = `mutation($id: ID!, $officerId: ID!, $note: String) { assignDossier(dossierId: $id, officerId: $officerId, note: $note) { id assignee { id name } currentStep { code assignee { id } } } }`;
const COMPLETE = `mutation($id: ID!) { completeStep(dossierId: $id) { id currentStep { code role dueAt } } }`;
const SEND_BACK = `mutation($id: ID!, $to: String!, $reason: String!) { sendBack(dossierId: $id, toStepCode: $to, reason: $reason) { id currentStep { code role dueAt startedAt } } }`;

beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await platform.token({ role: 'ADMIN', centre: 'WF' });
  centre = (await platform.ok(`mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
    { input: { code: 'WF', name: 'Trung tâm thử quy trình', level: 'PROVINCE' } }, admin)).createCentre;
  intake = await platform.token({ sub: 'wf-intake', name: 'Trần Thị Tiếp', role: 'INTAKE_OFFICER', centre: 'WF' });
  leader = await platform.token({ sub: 'wf-leader', name: 'Phạm Văn Lãnh', role: 'LEADER', centre: 'WF' });
  specialistA = await platform.token({ sub: 'wf-spec-a', name: 'Nguyễn Thị An', role: 'SPECIALIST', centre: 'WF' });
  specialistB = await platform.token({ sub: 'wf-spec-b', name: 'Hoàng Văn Bình', role: 'SPECIALIST', centre: 'WF' });
  otherSpecialist = await platform.token({ sub: 'wf-spec-c', name: 'Đỗ Văn Cư', role: 'SPECIALIST', centre: 'WF' });
  await waitFor(async () => (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id])).length, { what: 'the centre replica' });
  // Their tokens reach processing once: the officer directory knows them.
  for (const t of [intake, leader, specialistA, specialistB, otherSpecialist]) await platform.ok(`{ myAssignedDossiers { id } }`, {}, t);
});
afterAll(() => platform?.stop());
afterEach(() => { deps().now = () => Date.now(); });

describe('the officer directory', () => {
  it('lists the officers whose tokens reached processing, by role, once each', async () => {
    const { officers } = await platform.ok(`query($c: ID!) { officers(centreId: $c, role: SPECIALIST) { id name role centre { id code } } }`, { c: centre.id }, leader);
    expect(officers).toEqual([
      { id: 'wf-spec-c', name: 'Đỗ Văn Cư', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
      { id: 'wf-spec-b', name: 'Hoàng Văn Bình', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
      { id: 'wf-spec-a', name: 'Nguyễn Thị An', role: 'SPECIALIST', centre: { id: centre.id, code: 'WF' } },
    ]);
    const [{ count }] = await platform.services.processing.db.query(`SELECT count(*)::int FROM officer WHERE centre_id = $1`, [centre.id]);
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
    expect(assignDossier).toEqual({ id, assignee: { id: 'wf-spec-a', name: 'Nguyễn Thị An' }, currentStep: { code: 'REVIEW', assignee: { id: 'wf-spec-a' } } });
    expect((await platform.ok(`{ myAssignedDossiers { id } }`, {}, specialistA)).myAssignedDossiers).toEqual([{ id }]);

    atTime(local('2025-03-03', '14:00'));
    await platform.ok(ASSIGN, { id, officerId: 'wf-spec-b' }, leader); // reassigned
    expect((await platform.ok(`{ myAssignedDossiers { id } }`, {}, specialistA)).myAssignedDossiers).toEqual([]);
    // the specialists' inbox still lists it, with its assignee
    const { inbox } = await platform.ok(`{ inbox { id currentStep { assignee { id } } } }`, {}, otherSpecialist);
    expect(inbox.find((d: { id: string }) => d.id === id)).toEqual({ id, currentStep: { assignee: { id: 'wf-spec-b' } } });
    expect(errorCode(await platform.graphql(COMPLETE, { id }, specialistA))).toBe('FORBIDDEN');

    atTime(local('2025-03-04', '10:00'));
    await platform.ok(COMPLETE, { id }, specialistB); // → DECIDE
    atTime(local('2025-03-04', '15:00'));
    expect(errorCode(await platform.graphql(SEND_BACK, { id, to: 'DECIDE', reason: 'x' }, leader))).toBe('CONFLICT');
    const { sendBack } = await platform.ok(SEND_BACK, { id, to: 'REVIEW', reason: 'Thiếu ý kiến phòng chuyên môn' }, leader);
    expect(sendBack.currentStep).toEqual({ code: 'REVIEW', role: 'SPECIALIST', startedAt: local('2025-03-04', '15:00').toISOString(), dueAt: calendar.addWorkingMinutes(local('2025-03-04', '15:00'), 24 * 60).toISOString() });

    atTime(local('2025-03-05', '08:00'));
    const d = await processingView(id);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual(['RECEIVE', 'COMPLETE_STEP', 'ASSIGN', 'ASSIGN', 'COMPLETE_STEP', 'SEND_BACK']);
    expect(d.history.at(-1)).toMatchObject({ actor: 'Phạm Văn Lãnh', note: 'DECIDE → REVIEW: Thiếu ý kiến phòng chuyên môn', stepCode: 'DECIDE' });
    expect(d.holdings).toEqual([
      { officer: null, stepCode: 'RECEIVE', centre: { id: centre.id }, from: local('2025-03-03', '08:00').toISOString(), until: local('2025-03-03', '09:00').toISOString(), workingHours: hoursBetween(local('2025-03-03', '08:00'), local('2025-03-03', '09:00')), rework: false },
      { officer: null, stepCode: 'REVIEW', centre: { id: centre.id }, from: local('2025-03-03', '09:00').toISOString(), until: local('2025-03-03', '10:00').toISOString(), workingHours: hoursBetween(local('2025-03-03', '09:00'), local('2025-03-03', '10:00')), rework: false },
      { officer: { id: 'wf-spec-a', name: 'Nguyễn Thị An' }, stepCode: 'REVIEW', centre: { id: centre.id }, from: local('2025-03-03', '10:00').toISOString(), until: local('2025-03-03', '14:00').toISOString(), workingHours: hoursBetween(local('2025-03-03', '10:00'), local('2025-03-03', '14:00')), rework: false },
      { officer: { id: 'wf-spec-b', name: 'Hoàng Văn Bình' }, stepCode: 'REVIEW', centre: { id: centre.id }, from: local('2025-03-03', '14:00').toISOString(), until: local('2025-03-04', '10:00').toISOString(), workingHours: hoursBetween(local('2025-03-03', '14:00'), local('2025-03-04', '10:00')), rework: false },
      { officer: null, stepCode: 'DECIDE', centre: { id: centre.id }, from: local('2025-03-04', '10:00').toISOString(), until: local('2025-03-04', '15:00').toISOString(), workingHours: hoursBetween(local('2025-03-04', '10:00'), local('2025-03-04', '15:00')), rework: false },
      { officer: null, stepCode: 'REVIEW', centre: { id: centre.id }, from: local('2025-03-04', '15:00').toISOString(), until: null, workingHours: hoursBetween(local('2025-03-04', '15:00'), local('2025-03-05', '08:00')), rework: true },
    ]);
    expect((await outbox('DossierAssigned', id)).map((e) => [e.officer.id, e.previousOfficerId])).toEqual([['wf-spec-a', null], ['wf-spec-b', 'wf-spec-a']]);
    expect(await outbox('DossierSentBack', id)).toEqual([expect.objectContaining({ fromStepCode: 'DECIDE', toStepCode: 'REVIEW', reason: 'Thiếu ý kiến phòng chuyên môn' })]);
    // a send-back inside processing changes no status: no DossierStatusChanged beyond the handover's
    expect((await outbox('DossierStatusChanged', id)).map((e) => e.action)).toEqual(['COMPLETE_STEP']);
  });
});

describe('conditions', () => {
  it('a step whose condition fails is skipped; one that holds is walked', async () => {
    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
      { code: 'FEE', name: 'Thẩm định lệ phí', role: 'SPECIALIST', durationHours: 8, condition: { feeAtLeastVnd: 500000 } },
      { code: 'ORG', name: 'Thẩm định tổ chức', role: 'SPECIALIST', durationHours: 8, condition: { applicantKind: 'ORGANIZATION' } },
      { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8, sendBackTo: ['ORG'] },
    ];
    const { defineWorkflow } = await platform.ok(`mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { version steps { code kind sendBackTo condition { applicantKind feeAtLeastVnd } } } }`,
      { input: { procedureCode: 'WF-COND', steps } }, admin);
    expect(defineWorkflow.steps[1]).toEqual({ code: 'FEE', kind: 'TASK', sendBackTo: [], condition: { applicantKind: null, feeAtLeastVnd: 500000 } });
    expect(defineWorkflow.steps[3].sendBackTo).toEqual(['ORG']);
    const citizen = await receivedAt(local('2025-03-03', '08:00'), { procedureCode: 'WF-COND', kind: 'CITIZEN', feeVnd: 100000 });
    const org = await receivedAt(local('2025-03-03', '08:00'), { procedureCode: 'WF-COND', kind: 'ORGANIZATION', feeVnd: 100000 });
    atTime(local('2025-03-03', '09:00'));
    expect((await platform.ok(COMPLETE, { id: citizen }, intake)).completeStep.currentStep.code).toBe('DECIDE');
    expect((await platform.ok(COMPLETE, { id: org }, intake)).completeStep.currentStep.code).toBe('ORG');
    expect((await processingView(citizen)).history[1].note).toBe('skipped (condition not met): FEE, ORG');
  });
});
