import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@onestop/calendar';
import type { DossierSubmittedV1 } from '@onestop/events';
import type { Caller, CentreRef } from '@onestop/service-kit';
import { assignDossier } from '../src/commands/assign-dossier';
import { completeStep } from '../src/commands/complete-step';
import { sendBack } from '../src/commands/send-back';
import { decideDossier } from '../src/commands/decide-dossier';
import { receiveDossier } from '../src/commands/receive-dossier';
import { stepDueAt } from '../src/domain/clock';
import { defaultWorkflow } from '../src/domain/workflow';
import type { ProcessingContext } from '../src/deps';
import type { ProcessingDossier } from '../src/persistence';
import { inMemoryCentres, InMemoryStores } from './in-memory-stores';

// Commands run against in-memory stores: what they decide, write and announce, without a platform
// (test/processing.test.ts drives the same commands through the gateway and PostgreSQL).

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const calendar = new WorkingCalendar({ declared: [] });
const steps = defaultWorkflow('P').steps; // RECEIVE (intake officer) → REVIEW (specialist) → DECIDE (leader)
const province: CentreRef = { id: randomUUID(), code: 'T', name: 'Province', level: 'PROVINCE', parentId: null };
const district: CentreRef = {
  id: randomUUID(),
  code: 'T-D1',
  name: 'District 1',
  level: 'DISTRICT',
  parentId: province.id,
};
const officer = (role: Caller['role'], centre = district.code): Caller => ({
  id: randomUUID(),
  name: `${role} of ${centre}`,
  role,
  centre,
});

function setUp(now: Date) {
  const stores = new InMemoryStores(calendar, inMemoryCentres(province, [district]));
  const ctx = (caller?: Caller) =>
    ({
      caller,
      correlationId: 'c-1',
      logger: undefined as never,
      db: undefined as never,
      deps: {
        now: () => now.getTime(),
        calendar: async () => calendar,
        centres: stores.centres,
        stores,
        blobs: undefined as never,
        signer: undefined as never,
        slaSweepEveryMs: 60_000,
      },
    }) satisfies ProcessingContext;
  return { stores, ctx };
}

/** A counter dossier received on Monday 3 March 2025 at 08:00 at district 1, due on the 17th, at step `stepIndex`. */
function dossierAt(stores: InMemoryStores, stepIndex: number): ProcessingDossier {
  const receivedAt = at('2025-03-03', '08:00');
  const d = {
    id: randomUUID(),
    code: 'T-D1-250303-0001',
    status: stepIndex === 0 ? 'RECEIVED' : 'PROCESSING',
    channel: 'COUNTER',
    processingCentreId: district.id,
    receivingCentreId: district.id,
    procedureCode: 'P',
    procedureName: 'A procedure',
    applicantIdentityNumber: '001090000001',
    applicantName: 'Nguyễn Văn A',
    submittedAt: receivedAt,
    receivedAt,
    dueAt: at('2025-03-17', '08:00'),
    statutoryDueAt: at('2025-03-17', '08:00'),
    resolvedAt: null,
    workflowVersion: 0,
    steps,
    stepIndex,
    stepStartedAt: receivedAt,
    stepDueAt: stepDueAt(calendar, receivedAt, steps[stepIndex].durationHours),
    inboxRole: steps[stepIndex].role,
    pausedAt: null,
    pausedRemainingMinutes: null,
    pausedStatutoryMinutes: null,
    pausedStepMinutes: null,
    slaState: 'ON_TRACK',
    decision: null,
    result: null,
    version: 3,
  } as ProcessingDossier;
  stores.dossiers.set(d.id, { ...d });
  return d;
}

describe('completeStep', () => {
  it('the intake officer’s handover starts processing: the next step in the specialist’s inbox, a slip line, one status change', async () => {
    const { stores, ctx } = setUp(at('2025-03-03', '09:00'));
    const d = dossierAt(stores, 0);
    const answered = await completeStep(ctx(officer('INTAKE_OFFICER')), d.id, '  papers complete ');
    expect(answered).toMatchObject({ status: 'PROCESSING', stepIndex: 1, inboxRole: 'SPECIALIST', version: 4 });
    expect(stores.dossiers.get(d.id)).toMatchObject({ status: 'PROCESSING', stepIndex: 1, version: 4 });
    expect(stores.history).toEqual([
      expect.objectContaining({
        action: 'COMPLETE_STEP',
        stepCode: 'RECEIVE',
        stepOutcome: 'ON_TIME',
        note: 'papers complete',
      }),
    ]);
    expect(stores.published('DossierStatusChanged')).toEqual([
      expect.objectContaining({ dossierId: d.id, status: 'PROCESSING', action: 'COMPLETE_STEP' }),
    ]);
    expect(stores.outbox[0].correlationId).toBe('c-1');
  });

  it('a step inside processing is written on the slip but announces no status change', async () => {
    const { stores, ctx } = setUp(at('2025-03-04', '09:00'));
    const d = dossierAt(stores, 1);
    await completeStep(ctx(officer('SPECIALIST')), d.id);
    expect(stores.dossiers.get(d.id)).toMatchObject({ status: 'PROCESSING', stepIndex: 2, inboxRole: 'LEADER' });
    expect(stores.history.map((l) => l.stepCode)).toEqual(['REVIEW']);
    expect(stores.outbox).toEqual([]);
  });

  it('a role whose step has not come yet gets CONFLICT; an officer of another centre FORBIDDEN; nothing is written', async () => {
    const { stores, ctx } = setUp(at('2025-03-03', '09:00'));
    const d = dossierAt(stores, 0);
    await expect(completeStep(ctx(officer('SPECIALIST')), d.id)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(completeStep(ctx(officer('INTAKE_OFFICER', 'ELSEWHERE')), d.id)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(completeStep(ctx(undefined), d.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(stores.dossiers.get(d.id)).toMatchObject({ status: 'RECEIVED', stepIndex: 0, version: 3 });
    expect([stores.history, stores.outbox]).toEqual([[], []]);
  });
});

describe('decideDossier', () => {
  it('a rejection by the leader at the decision step resolves the dossier and announces DossierDecided with the statutory due date', async () => {
    const { stores, ctx } = setUp(at('2025-03-18', '10:00')); // a day after the statutory due date
    const d = dossierAt(stores, 2);
    d.dueAt = at('2025-03-20', '17:00'); // an apology moved the appointment; the statutory date stays
    stores.dossiers.set(d.id, { ...d });
    const answered = await decideDossier(ctx(officer('LEADER')), {
      dossierId: d.id,
      decision: 'REJECTED',
      reason: ' Thiếu giấy tờ ',
    });
    expect(answered).toMatchObject({
      status: 'RESOLVED',
      decision: 'REJECTED',
      result: null,
      resolvedAt: at('2025-03-18', '10:00'),
    });
    expect(stores.published('DossierDecided')).toEqual([
      {
        dossierId: d.id,
        code: d.code,
        decision: 'REJECTED',
        reason: 'Thiếu giấy tờ',
        resolvedAt: at('2025-03-18', '10:00').toISOString(),
        dueAt: at('2025-03-17', '08:00').toISOString(),
        processingCentreId: district.id,
        result: null,
        actor: expect.objectContaining({ role: 'LEADER' }),
      },
    ]);
    expect(stores.published('DossierStatusChanged')).toEqual([
      expect.objectContaining({ status: 'RESOLVED', nationalStatusCode: 9, action: 'DECIDE' }),
    ]);
    expect(stores.history).toEqual([
      expect.objectContaining({
        action: 'DECIDE',
        note: 'REJECTED: Thiếu giấy tờ',
        stepCode: 'DECIDE',
        stepOutcome: 'LATE',
      }),
    ]);
  });

  it('bad input is refused before the dossier is even read; a decision before the decision step is CONFLICT', async () => {
    const { stores, ctx } = setUp(at('2025-03-04', '10:00'));
    const d = dossierAt(stores, 1);
    await expect(
      decideDossier(ctx(officer('LEADER')), { dossierId: d.id, decision: 'REJECTED', reason: '  ' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(
      decideDossier(ctx(officer('LEADER')), { dossierId: d.id, decision: 'APPROVED' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(
      decideDossier(ctx(officer('LEADER')), { dossierId: d.id, decision: 'REJECTED', reason: 'no' }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect([stores.history, stores.outbox, stores.dossiers.get(d.id)?.version]).toEqual([[], [], 3]);
  });
});

describe('receiveDossier (DossierSubmitted)', () => {
  const submitted = (over: Partial<DossierSubmittedV1>): DossierSubmittedV1 => ({
    dossierId: randomUUID(),
    code: 'T-D1-250303-0002',
    status: 2,
    channel: 'COUNTER',
    submittedAt: at('2025-03-03', '08:00').toISOString(),
    receivedAt: at('2025-03-03', '08:00').toISOString(),
    receptionDay: '2025-03-03',
    dueAt: at('2025-03-17', '08:00').toISOString(),
    procedure: {
      id: randomUUID(),
      code: 'P',
      name: 'A procedure',
      sector: 'S',
      version: 1,
      processingTime: { amount: 10, unit: 'WORKING_DAYS' } as never,
    },
    receivingCentre: { id: district.id, code: district.code, level: 'DISTRICT' },
    applicant: {
      id: randomUUID(),
      kind: 'CITIZEN',
      identityNumber: '001090000001',
      fullName: 'Nguyễn Văn A',
      phone: null,
      email: null,
    },
    delivery: { method: 'COUNTER', address: null },
    actor: { id: 'o-1', name: 'Intake officer', role: 'INTAKE_OFFICER' },
    ...over,
  });

  it('a counter reception enters at the first step of the procedure’s current workflow, announcing nothing', async () => {
    const { stores } = setUp(at('2025-03-03', '08:00'));
    const custom = [{ ...steps[0], durationHours: 2 }, steps[1], steps[2]];
    stores.workflows.push({ procedureCode: 'P', version: 2, steps: custom });
    const p = submitted({});
    await stores.transaction((tx) => receiveDossier({ stores: tx, correlationId: 'c-2' }, p));
    expect(stores.dossiers.get(p.dossierId)).toMatchObject({
      status: 'RECEIVED',
      stepIndex: 0,
      inboxRole: 'INTAKE_OFFICER',
      workflowVersion: 2,
      stepDueAt: at('2025-03-03', '10:00'),
      statutoryDueAt: at('2025-03-17', '08:00'),
      processingCentreId: district.id,
    });
    expect(stores.history).toEqual([
      expect.objectContaining({
        action: 'RECEIVE',
        note: 'COUNTER; workflow version 2',
        actor: { id: 'o-1', name: 'Intake officer', role: 'INTAKE_OFFICER' },
      }),
    ]);
    expect(stores.outbox).toEqual([]);
  });

  it('a walk-in refused at the counter is written refused (3) with its reason, and the refusal is announced', async () => {
    const { stores } = setUp(at('2025-03-03', '08:00'));
    const p = submitted({
      status: 1,
      receivedAt: null,
      dueAt: null,
      refusal: { reason: 'Không thuộc thẩm quyền', at: at('2025-03-03', '08:05').toISOString() },
    });
    await stores.transaction((tx) => receiveDossier({ stores: tx, correlationId: 'c-3' }, p));
    expect(stores.dossiers.get(p.dossierId)).toMatchObject({ status: 'NOT_ACCEPTED' });
    expect(stores.history.map((l) => [l.action, l.note ?? null])).toEqual([
      ['SUBMIT_ONLINE', 'COUNTER; workflow default'],
      ['REFUSE', 'Không thuộc thẩm quyền'],
    ]);
    expect(stores.outbox).toEqual([
      expect.objectContaining({
        type: 'DossierStatusChanged',
        correlationId: 'c-3',
        occurredAt: at('2025-03-03', '08:05'),
        payload: expect.objectContaining({ action: 'REFUSE', nationalStatusCode: 3, reason: 'Không thuộc thẩm quyền' }),
      }),
    ]);
  });
});

describe('issue #20: assignDossier and sendBack', () => {
  const specialist = officer('SPECIALIST');
  const known = (c: Caller) => ({ id: c.id, name: c.name, role: c.role as 'SPECIALIST', centreId: district.id });

  it('a LEADER assigns the current step to a specialist of the centre: the holding moves to them, DossierAssigned, no status change', async () => {
    const { stores, ctx } = setUp(at('2025-03-04', '09:00'));
    stores.officers.push(known(specialist));
    const d = dossierAt(stores, 1);
    stores.holdings.push({
      dossierId: d.id,
      stepCode: 'REVIEW',
      branchCode: null,
      officerId: null,
      centreId: district.id,
      from: at('2025-03-03', '10:00'),
      rework: false,
      until: null,
    });
    const answered = await assignDossier(ctx(officer('LEADER')), d.id, specialist.id, null, 'urgent');
    expect(answered).toMatchObject({ assigneeId: specialist.id, status: 'PROCESSING', stepIndex: 1 });
    expect(stores.holdings.map((h) => [h.officerId, h.until])).toEqual([
      [null, at('2025-03-04', '09:00')],
      [specialist.id, null],
    ]);
    expect(stores.history).toEqual([
      expect.objectContaining({ action: 'ASSIGN', note: `REVIEW → ${specialist.name}: urgent` }),
    ]);
    expect(stores.published('DossierAssigned')).toEqual([
      expect.objectContaining({
        stepCode: 'REVIEW',
        officer: expect.objectContaining({ id: specialist.id }),
        previousOfficerId: null,
      }),
    ]);
    expect(stores.published('DossierStatusChanged')).toEqual([]);
  });

  it('refuses an officer of another role (BAD_USER_INPUT), an unknown one (NOT_FOUND), and a SPECIALIST assigning (FORBIDDEN)', async () => {
    const { stores, ctx } = setUp(at('2025-03-04', '09:00'));
    const leader = officer('LEADER');
    stores.officers.push(known(specialist), { ...known(leader), role: 'LEADER' });
    const d = dossierAt(stores, 1);
    await expect(assignDossier(ctx(officer('LEADER')), d.id, leader.id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(assignDossier(ctx(officer('LEADER')), d.id, 'nobody')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(assignDossier(ctx(officer('SPECIALIST')), d.id, specialist.id)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(stores.dossiers.get(d.id)).toMatchObject({ version: 3 });
  });

  it('once assigned, only the assignee (or a LEADER) completes the step; another specialist is FORBIDDEN', async () => {
    const { stores, ctx } = setUp(at('2025-03-04', '09:00'));
    stores.officers.push(known(specialist));
    const d = dossierAt(stores, 1);
    await assignDossier(ctx(officer('LEADER')), d.id, specialist.id);
    await expect(completeStep(ctx(officer('SPECIALIST')), d.id)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await completeStep(ctx(specialist), d.id);
    expect(stores.dossiers.get(d.id)).toMatchObject({ stepIndex: 2, assigneeId: null });
  });

  it('the LEADER sends the dossier back from the decision to the review: new due time, rework holding, DossierSentBack', async () => {
    const now = at('2025-03-05', '15:00');
    const { stores, ctx } = setUp(now);
    const d = dossierAt(stores, 2);
    await sendBack(ctx(officer('LEADER')), d.id, 'REVIEW', 'Thiếu ý kiến thẩm định');
    expect(stores.dossiers.get(d.id)).toMatchObject({
      stepIndex: 1,
      stepStartedAt: now,
      stepDueAt: stepDueAt(calendar, now, 24),
      inboxRole: 'SPECIALIST',
      status: 'PROCESSING',
    });
    expect(stores.history).toEqual([
      expect.objectContaining({
        action: 'SEND_BACK',
        note: 'DECIDE → REVIEW: Thiếu ý kiến thẩm định',
        stepCode: 'DECIDE',
      }),
    ]);
    expect(stores.holdings).toEqual([expect.objectContaining({ stepCode: 'REVIEW', rework: true, until: null })]);
    expect(stores.published('DossierSentBack')).toEqual([
      expect.objectContaining({ fromStepCode: 'DECIDE', toStepCode: 'REVIEW', reason: 'Thiếu ý kiến thẩm định' }),
    ]);
    expect(stores.published('DossierStatusChanged')).toEqual([]);
    // forward only to an earlier step; a specialist cannot send back a step that is not theirs
    await expect(sendBack(ctx(officer('LEADER')), d.id, 'DECIDE', 'x')).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });
});
