import { WorkingCalendar } from '@onestop/calendar';
import {
  NATIONAL_STATUS_CODES,
  NotReadyError,
  type DossierStatus,
  type DossierStatusChangedV1,
  type DossierSubmittedV1,
  type LifecycleAction,
} from '@onestop/events';
import { InMemoryStatisticsStores } from './in-memory-stores';
import { recordAcceptance, recordSubmission } from './reception';
import { applyStatusChange } from './status-change';
import { applyApology, applyDecision } from './decision';
import { applyRating, applyReturn } from './return-and-rating';
import { applyCalendarDayChanged, applyProcedureChanged } from './replicas';

const CENTRE = '0b6c3a52-1f43-4a4e-9f0e-2d1a7c1d9b00';
const OTHER_CENTRE = '0b6c3a52-1f43-4a4e-9f0e-2d1a7c1d9bff';
const DOSSIER = '6f0c2a52-1f43-4a4e-9f0e-2d1a7c1d9b01';
/** A local (Asia/Ho_Chi_Minh) instant. */
const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const PROCEDURE = {
  id: 'p-1',
  code: 'PA',
  name: 'Cấp Phiếu lý lịch tư pháp',
  sector: 'Tư pháp',
  version: 1,
  processingTime: { amount: 5, unit: 'WORKING_DAYS' as const },
};

function submitted(fields: Partial<DossierSubmittedV1> = {}): DossierSubmittedV1 {
  const submittedAt = fields.submittedAt ?? at('2025-03-03T08:00:00');
  return {
    dossierId: DOSSIER,
    code: 'H57-0001',
    status: 2,
    channel: 'COUNTER',
    submittedAt,
    receivedAt: submittedAt,
    receptionDay: '2025-03-03',
    dueAt: at('2025-03-10T17:00:00'),
    procedure: PROCEDURE,
    receivingCentre: { id: CENTRE, code: 'H57', level: 'PROVINCE' },
    applicant: {
      id: 'a-1',
      kind: 'CITIZEN',
      identityNumber: '046090001234',
      fullName: 'Nguyễn Văn An',
      phone: null,
      email: null,
    },
    delivery: { method: 'COUNTER', address: null },
    ...fields,
  };
}

function statusChanged(
  status: DossierStatus,
  action: LifecycleAction,
  when: string,
  fields: Partial<DossierStatusChangedV1> = {},
): DossierStatusChangedV1 {
  return {
    dossierId: DOSSIER,
    code: 'H57-0001',
    action,
    status,
    nationalStatusCode: NATIONAL_STATUS_CODES[status],
    at: at(when),
    dueAt: null,
    resolvedAt: null,
    processingCentreId: CENTRE,
    remainingWorkingMinutes: null,
    reason: null,
    actor: null,
    ...fields,
  };
}

const decided = (when: string, dueAt: string) => ({
  dossierId: DOSSIER,
  code: 'H57-0001',
  decision: 'APPROVED' as const,
  reason: null,
  resolvedAt: at(when),
  dueAt: at(dueAt),
  processingCentreId: CENTRE,
  result: null,
  actor: { id: 'l', name: 'Lãnh đạo', role: 'LEADER' },
});

describe('statistics commands (in-memory stores)', () => {
  let stores: InMemoryStatisticsStores;
  beforeEach(() => (stores = new InMemoryStatisticsStores()));
  const fact = () => stores.state.facts.get(DOSSIER)!;

  it("a reception at the counter: the fact, received on its day, overdue from its due day, the hour's traffic, the label", async () => {
    await recordSubmission(stores, submitted());
    expect(fact()).toMatchObject({
      state: 'RECEIVED',
      nationalStatusCode: 2,
      centreId: CENTRE,
      receivedAt: new Date(at('2025-03-03T08:00:00')),
      overdueFrom: '2025-03-10',
    });
    expect(stores.countsOn(CENTRE, '2025-03-03')).toMatchObject({ receivedOffline: 1, receivedOnline: 0 });
    expect(stores.countsOn(CENTRE, '2025-03-10')).toMatchObject({ overdueDelta: 1 });
    expect(stores.state.traffic.get(`${CENTRE}|2025-03-03|8`)).toEqual({ received: 1, atCounter: 1 });
    expect(stores.state.labels.get('PA')).toMatchObject({ name: PROCEDURE.name, version: 1 });
    // Redelivered (another event id, the same dossier): nothing counted twice.
    await recordSubmission(stores, submitted());
    expect(stores.totals(CENTRE)).toMatchObject({ receivedOffline: 1 });
  });

  it('an online submission counts nothing until it is accepted', async () => {
    await recordSubmission(
      stores,
      submitted({
        status: 1,
        channel: 'ONLINE',
        submittedAt: at('2025-03-02T10:00:00'),
        receivedAt: null,
        receptionDay: null,
        dueAt: null,
      }),
    );
    expect(stores.state.counters.size).toBe(0);
    expect(fact().state).toBe('NEW');
    await recordAcceptance(stores, {
      dossierId: DOSSIER,
      receivedAt: at('2025-03-03T07:30:00'),
      receptionDay: '2025-03-03',
      dueAt: at('2025-03-10T17:00:00'),
      actor: { id: 'o', name: 'o', role: 'INTAKE_OFFICER' },
    });
    expect(fact()).toMatchObject({ state: 'RECEIVED', nationalStatusCode: 2 });
    expect(stores.countsOn(CENTRE, '2025-03-03')).toMatchObject({ receivedOnline: 1, receivedOffline: 0 });
    expect(stores.state.traffic.get(`${CENTRE}|2025-03-03|7`)).toEqual({ received: 1, atCounter: 0 });
  });

  it("an event before the dossier's reception is not ready (retried): unknown dossier, status before acceptance, return before decision", async () => {
    await expect(
      applyStatusChange(stores, statusChanged('PROCESSING', 'COMPLETE_STEP', '2025-03-03T09:00:00')),
    ).rejects.toBeInstanceOf(NotReadyError);
    await recordSubmission(
      stores,
      submitted({ status: 1, channel: 'ONLINE', receivedAt: null, receptionDay: null, dueAt: null }),
    );
    await expect(
      applyStatusChange(stores, statusChanged('PROCESSING', 'COMPLETE_STEP', '2025-03-03T09:00:00')),
    ).rejects.toBeInstanceOf(NotReadyError);
    await expect(applyDecision(stores, decided('2025-03-07T16:00:00', '2025-03-10T17:00:00'))).rejects.toBeInstanceOf(
      NotReadyError,
    );
    await expect(
      applyReturn(stores, {
        dossierId: DOSSIER,
        method: 'COUNTER',
        returnedAt: at('2025-03-08T08:00:00'),
        actor: null,
      }),
    ).rejects.toBeInstanceOf(NotReadyError);
  });

  it('a decision before the due day is EARLY, counted once though the status change 9 announces it too; then returned and rated', async () => {
    await recordSubmission(stores, submitted());
    await applyDecision(stores, decided('2025-03-07T16:00:00', '2025-03-10T17:00:00'));
    await applyStatusChange(
      stores,
      statusChanged('RESOLVED', 'DECIDE', '2025-03-07T16:00:00', {
        resolvedAt: at('2025-03-07T16:00:00'),
        dueAt: at('2025-03-10T17:00:00'),
      }),
    );
    const days = new WorkingCalendar().workingDaysBetween(
      new Date(at('2025-03-03T08:00:00')),
      new Date(at('2025-03-07T16:00:00')),
    );
    expect(fact()).toMatchObject({
      state: 'RESOLVED',
      nationalStatusCode: 9,
      outcome: 'EARLY',
      decision: 'APPROVED',
      processingDays: days,
    });
    expect(stores.countsOn(CENTRE, '2025-03-07')).toMatchObject({ resolvedEarly: 1, processingDays: days });
    // The overdue +1 of the due day and its -1 at the resolution cancel out: no longer open.
    expect(stores.totals(CENTRE)).toMatchObject({
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedLate: 0,
      overdueDelta: 0,
    });

    await applyReturn(stores, {
      dossierId: DOSSIER,
      method: 'COUNTER',
      returnedAt: at('2025-03-08T08:00:00'),
      actor: null,
    });
    await applyRating(stores, { dossierId: DOSSIER, overall: 'NOT_SATISFIED', ratedAt: at('2025-03-08T09:00:00') });
    await applyRating(stores, { dossierId: DOSSIER, overall: 'SATISFIED', ratedAt: at('2025-03-09T09:00:00') });
    expect(fact()).toMatchObject({ state: 'RETURNED', nationalStatusCode: 10, satisfaction: 'SATISFIED' });
    // A re-rating replaces the first one.
    expect(stores.totals(CENTRE)).toMatchObject({ ratings: 1, ratingsSatisfied: 1 });
  });

  it("an apology's new appointment excuses nothing: the decision is judged LATE against the statutory date", async () => {
    await recordSubmission(stores, submitted({ dueAt: at('2025-03-05T17:00:00') }));
    await applyApology(stores, {
      dossierId: DOSSIER,
      code: 'H57-0001',
      reason: 'chậm',
      newDueAt: at('2025-03-12T17:00:00'),
      issuedAt: at('2025-03-05T09:00:00'),
      actor: { id: 'l', name: 'l', role: 'LEADER' },
    });
    // A publisher that sends no statutoryDueAt: the apology's status change says nothing about the statutory date.
    await applyStatusChange(
      stores,
      statusChanged('PROCESSING', 'APOLOGISE', '2025-03-05T09:00:01', { dueAt: at('2025-03-12T17:00:00') }),
    );
    expect(fact().dueAt).toEqual(new Date(at('2025-03-05T17:00:00')));
    await applyDecision(stores, decided('2025-03-11T10:00:00', '2025-03-12T17:00:00'));
    expect(fact().outcome).toBe('LATE');
    expect(stores.totals(CENTRE)).toMatchObject({ resolvedLate: 1, overdueDelta: 0 });
  });

  it('a supplementation pause stops the due date; the resumption sets the statutory one it carries', async () => {
    await recordSubmission(stores, submitted());
    await applyStatusChange(stores, statusChanged('SUPPLEMENT_REQUESTED', 'REQUEST_SUPPLEMENT', '2025-03-04T10:00:00'));
    expect(fact()).toMatchObject({
      state: 'SUPPLEMENT_REQUESTED',
      nationalStatusCode: 5,
      dueAt: null,
      overdueFrom: null,
    });
    expect(stores.countsOn(CENTRE, '2025-03-10').overdueDelta).toBe(0);
    await applyStatusChange(
      stores,
      statusChanged('PROCESSING', 'SUBMIT_SUPPLEMENT', '2025-03-06T10:00:00', {
        dueAt: at('2025-03-12T17:00:00'),
        statutoryDueAt: at('2025-03-12T17:00:00'),
      }),
    );
    expect(fact()).toMatchObject({
      state: 'PROCESSING',
      dueAt: new Date(at('2025-03-12T17:00:00')),
      overdueFrom: '2025-03-12',
    });
    expect(stores.countsOn(CENTRE, '2025-03-12').overdueDelta).toBe(1);
  });

  it('withdrawn after reception: closed unresolved; an older change arriving late is ignored; a transfer follows the processing centre', async () => {
    await recordSubmission(stores, submitted());
    await applyStatusChange(
      stores,
      statusChanged('PROCESSING', 'TRANSFER', '2025-03-04T08:00:00', {
        processingCentreId: OTHER_CENTRE,
        statutoryDueAt: at('2025-03-10T17:00:00'),
      }),
    );
    expect(fact().processingCentreId).toBe(OTHER_CENTRE);
    await applyStatusChange(
      stores,
      statusChanged('WITHDRAWN', 'WITHDRAW', '2025-03-05T09:00:00', { processingCentreId: OTHER_CENTRE }),
    );
    await applyStatusChange(
      stores,
      statusChanged('PROCESSING', 'COMPLETE_STEP', '2025-03-04T09:00:00', { processingCentreId: OTHER_CENTRE }),
    );
    expect(fact()).toMatchObject({
      state: 'WITHDRAWN',
      nationalStatusCode: 7,
      closedAt: new Date(at('2025-03-05T09:00:00')),
    });
    expect(stores.countsOn(CENTRE, '2025-03-05')).toMatchObject({ closedUnresolved: 1 });
    expect(stores.totals(CENTRE)).toMatchObject({
      receivedOffline: 1,
      closedUnresolved: 1,
      overdueDelta: 0,
      resolvedEarly: 0,
    });
  });

  it("a declared day off shortens the processing time; the catalogue's label replaces a reception's of the same version", async () => {
    await applyCalendarDayChanged(stores, { date: '2025-03-05', kind: 'HOLIDAY', name: 'Nghỉ bù' });
    await recordSubmission(stores, submitted());
    await applyDecision(stores, decided('2025-03-07T16:00:00', '2025-03-10T17:00:00'));
    const plain = new WorkingCalendar().workingDaysBetween(
      new Date(at('2025-03-03T08:00:00')),
      new Date(at('2025-03-07T16:00:00')),
    );
    expect(fact().processingDays).toBeCloseTo(plain - 1, 4);

    await applyProcedureChanged(stores, {
      procedureId: 'p-1',
      code: 'PA',
      name: 'Tên mới',
      sector: 'Tư pháp',
      levels: ['PROVINCE'],
      version: 1,
      processingTime: { amount: 5, unit: 'WORKING_DAYS' },
    });
    await recordSubmission(stores, submitted({ dossierId: '6f0c2a52-1f43-4a4e-9f0e-2d1a7c1d9b02' }));
    expect(stores.state.labels.get('PA')!.name).toBe('Tên mới');
  });
});
