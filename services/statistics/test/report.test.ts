import { randomUUID } from 'node:crypto';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import {
  NATIONAL_STATUS_CODES,
  type DossierStatus,
  type EventType,
  type LatestPayload,
  type LifecycleAction,
  type ServiceName,
} from '@onestop/events';
import { buildReport } from '../src/persistence/report-reads';
import { rebuildStatistics } from '../src/commands/rebuild';
import { reconcileStatistics } from '../src/commands/reconcile';
import { SectorCounters1764000000420 } from '../src/persistence/migrations/1764000000420-sector-counters';

/**
 * A known set of dossiers across three centres (province H57 > district D01 > commune C01), two
 * procedures, the three channels and every outcome, applied to the statistics consumer as events
 * with controlled timestamps (each also written to its source's outbox, as the relay would have
 * found it, so that the rebuild replays the same history). Every figure is computed by hand below.
 */
const REPORT = `query Report($input: ReportInput!) {
  report(input: $input) {
    rows { key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate
      closedUnresolved inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate }
    total { key received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate
      closedUnresolved inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate }
  }
}`;

const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const PA = {
  id: randomUUID(),
  code: 'PA',
  name: 'Cấp Phiếu lý lịch tư pháp',
  sector: 'Tư pháp',
  version: 1,
  processingTime: { amount: 10, unit: 'WORKING_DAYS' as const },
};
const PB = {
  id: randomUUID(),
  code: 'PB',
  name: 'Đăng ký đất đai',
  sector: 'Đất đai',
  version: 1,
  processingTime: { amount: 7, unit: 'WORKING_DAYS' as const },
};

describe('the II.06a report, every column by hand', () => {
  let platform: TestPlatform;
  let observer: string;
  const centre = {} as Record<
    'P' | 'D' | 'C',
    { id: string; code: string; level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' }
  >;

  /** An event in its source's outbox (as the relay would have found it, for the rebuild), as the consumer receives it. */
  async function published<T extends EventType>(
    source: ServiceName,
    type: T,
    aggregateId: string,
    payload: LatestPayload<T>,
    occurredAt: string,
  ) {
    const id = randomUUID();
    const [{ sequence }] = await platform.services[source].db.query(
      `INSERT INTO outbox (id, type, version, aggregate_id, payload, occurred_at, relayed_at) VALUES ($1, $2, 1, $3, $4, $5, now()) RETURNING sequence`,
      [id, type, aggregateId, JSON.stringify(payload), occurredAt],
    );
    return {
      id,
      type,
      version: 1,
      sequence: Number(sequence),
      source,
      aggregateId,
      occurredAt,
      correlationId: null,
      payload,
    };
  }
  /** Set while a test gathers events into a run instead of applying each at once. */
  let gathered: Array<Awaited<ReturnType<typeof published>>> | undefined;
  async function emit<T extends EventType>(
    source: ServiceName,
    type: T,
    aggregateId: string,
    payload: LatestPayload<T>,
    occurredAt: string,
  ) {
    const event = await published(source, type, aggregateId, payload, occurredAt);
    if (gathered) gathered.push(event);
    else await platform.services.statistics.consumer!.apply({ data: event });
  }
  async function asRun(emitting: () => Promise<void>) {
    gathered = [];
    try {
      await emitting();
      await platform.services.statistics.consumer!.applyRun(gathered as never);
    } finally {
      gathered = undefined;
    }
  }

  async function submitted(
    id: string,
    c: keyof typeof centre,
    procedure: typeof PA,
    channel: 'COUNTER' | 'ONLINE' | 'POST',
    submittedAt: string,
    receivedAt: string | null,
    dueAt: string | null,
  ) {
    await emit(
      'intake',
      'DossierSubmitted',
      id,
      {
        dossierId: id,
        code: `${centre[c].code}-${id.slice(0, 4)}`,
        status: receivedAt ? 2 : 1,
        channel,
        submittedAt: at(submittedAt),
        receivedAt: receivedAt && at(receivedAt),
        receptionDay: receivedAt && receivedAt.slice(0, 10),
        dueAt: dueAt && at(dueAt),
        procedure,
        receivingCentre: centre[c],
        applicant: {
          id: randomUUID(),
          kind: 'CITIZEN',
          identityNumber: '046090001234',
          fullName: 'Nguyễn Văn An',
          phone: null,
          email: null,
        },
        delivery: { method: 'COUNTER', address: null },
      },
      at(submittedAt),
    );
  }
  const accepted = (id: string, receivedAt: string, dueAt: string) =>
    emit(
      'intake',
      'DossierAccepted',
      id,
      {
        dossierId: id,
        receivedAt: at(receivedAt),
        receptionDay: receivedAt.slice(0, 10),
        dueAt: at(dueAt),
        actor: { id: 'o', name: 'o', role: 'INTAKE_OFFICER' },
      },
      at(receivedAt),
    );
  // One processing centre for every synthetic event, as processing would announce for a dossier it keeps.
  const PROCESSING_CENTRE = randomUUID();
  const status = (
    id: string,
    to: DossierStatus,
    action: LifecycleAction,
    when: string,
    dueAt: string | null,
    statutoryDueAt = dueAt,
  ) =>
    emit(
      'processing',
      'DossierStatusChanged',
      id,
      {
        dossierId: id,
        code: id,
        action,
        status: to,
        nationalStatusCode: NATIONAL_STATUS_CODES[to],
        at: at(when),
        dueAt: dueAt && at(dueAt),
        statutoryDueAt: statutoryDueAt && at(statutoryDueAt),
        resolvedAt: null,
        processingCentreId: PROCESSING_CENTRE,
        remainingWorkingMinutes: null,
        reason: null,
        actor: null,
      },
      at(when),
    );
  const decided = (id: string, resolvedAt: string, dueAt: string) =>
    emit(
      'processing',
      'DossierDecided',
      id,
      {
        dossierId: id,
        code: id,
        decision: 'APPROVED',
        reason: null,
        resolvedAt: at(resolvedAt),
        dueAt: at(dueAt),
        processingCentreId: PROCESSING_CENTRE,
        result: null,
        actor: { id: 'l', name: 'l', role: 'LEADER' },
      },
      at(resolvedAt),
    );
  const rated = (id: string, overall: 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED', when: string) =>
    emit('delivery', 'ServiceRated', id, { dossierId: id, overall, ratedAt: at(when) }, at(when));

  const d = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i + 1}`, randomUUID()])) as Record<
    string,
    string
  >;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    const admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    const create = async (code: string, level: string, parentId?: string) =>
      (
        await platform.ok(
          `mutation($input: CentreInput!) { createCentre(input: $input) { id code level } }`,
          { input: { code, name: `Trung tâm ${code}`, level, parentId } },
          admin,
        )
      ).createCentre;
    centre.P = await create('H57', 'PROVINCE');
    centre.D = await create('D01', 'DISTRICT', centre.P.id);
    centre.C = await create('C01', 'COMMUNE', centre.D.id);
    await waitFor(
      async () =>
        (await platform.services.statistics.db.query(`SELECT 1 FROM centre_replica WHERE code = 'C01'`)).length > 0,
      { what: 'statistics to replicate the centres' },
    );
    observer = await platform.token({ role: 'OBSERVER', centre: 'H57' });

    // A declared day off on Friday 7 March 2025: processing times skip it.
    await emit(
      'intake',
      'CalendarDayChanged',
      '2025-03-07',
      { date: '2025-03-07', kind: 'HOLIDAY', name: 'Nghỉ bù' },
      at('2025-02-01T08:00:00'),
    );

    // d1 P PA COUNTER: received 20 Feb, due 5 Mar, resolved 4 Mar 17:00 → carried over, EARLY, 9 working days; rated SATISFIED.
    await submitted(d.d1, 'P', PA, 'COUNTER', '2025-02-20T07:30:00', '2025-02-20T07:30:00', '2025-03-05T17:00:00');
    await decided(d.d1, '2025-03-04T17:00:00', '2025-03-05T17:00:00');
    await emit(
      'delivery',
      'ResultReturned',
      d.d1,
      { dossierId: d.d1, method: 'COUNTER', returnedAt: at('2025-03-05T08:00:00'), actor: null },
      at('2025-03-05T08:00:00'),
    );
    await rated(d.d1, 'SATISFIED', '2025-03-05T09:00:00');
    // d2 P PA ONLINE: submitted 2 Mar, accepted 3 Mar 07:30, due 10 Mar, resolved 10 Mar 17:00 → ON_TIME, 5 days (7 Mar off); rated in April.
    await submitted(d.d2, 'P', PA, 'ONLINE', '2025-03-02T10:00:00', null, null);
    await accepted(d.d2, '2025-03-03T07:30:00', '2025-03-10T17:00:00');
    await status(d.d2, 'PROCESSING', 'COMPLETE_STEP', '2025-03-03T08:00:00', '2025-03-10T17:00:00');
    await decided(d.d2, '2025-03-10T17:00:00', '2025-03-10T17:00:00');
    await rated(d.d2, 'VERY_SATISFIED', '2025-04-02T09:00:00');
    // d3 P PB POST: received 5 Mar 13:30, due 12 Mar; apology on 13 Mar to 20 Mar; resolved 14 Mar 11:30 → LATE, 6 days; NOT_SATISFIED.
    await submitted(d.d3, 'P', PB, 'POST', '2025-03-05T13:30:00', '2025-03-05T13:30:00', '2025-03-12T17:00:00');
    await emit(
      'processing',
      'ApologyIssued',
      d.d3,
      {
        dossierId: d.d3,
        code: d.d3,
        reason: 'Chậm',
        newDueAt: at('2025-03-20T17:00:00'),
        statutoryDueAt: at('2025-03-12T17:00:00'),
        issuedAt: at('2025-03-13T09:00:00'),
        actor: { id: 'l', name: 'l', role: 'LEADER' },
      },
      at('2025-03-13T09:00:00'),
    );
    await status(d.d3, 'PROCESSING', 'APOLOGISE', '2025-03-13T09:00:01', '2025-03-20T17:00:00', '2025-03-12T17:00:00');
    await decided(d.d3, '2025-03-14T11:30:00', '2025-03-12T17:00:00');
    await rated(d.d3, 'NOT_SATISFIED', '2025-03-15T09:00:00');
    // d4 P PB COUNTER: received 20 Mar, due 28 Mar, open → in progress, overdue at the end of March.
    await submitted(d.d4, 'P', PB, 'COUNTER', '2025-03-20T10:00:00', '2025-03-20T10:00:00', '2025-03-28T17:00:00');
    // d5 P PA ONLINE: accepted 25 Mar, due 8 Apr → in progress, not due.
    await submitted(d.d5, 'P', PA, 'ONLINE', '2025-03-24T20:00:00', null, null);
    await accepted(d.d5, '2025-03-25T08:00:00', '2025-04-08T17:00:00');
    // d6 D PA COUNTER: received 10 Feb, resolved 25 Feb (due 24 Feb) → LATE in February, 12 days; nothing in March.
    await submitted(d.d6, 'D', PA, 'COUNTER', '2025-02-10T07:30:00', '2025-02-10T07:30:00', '2025-02-24T17:00:00');
    await decided(d.d6, '2025-02-25T17:00:00', '2025-02-24T17:00:00');
    // d7 D PB COUNTER: received 26 Feb, withdrawn 6 Mar → carried over, closed without a decision.
    await submitted(d.d7, 'D', PB, 'COUNTER', '2025-02-26T09:00:00', '2025-02-26T09:00:00', '2025-03-12T17:00:00');
    await status(d.d7, 'WITHDRAWN', 'WITHDRAW', '2025-03-06T09:00:00', null);
    // d8 C PA ONLINE: accepted 10 Mar, due 17 Mar; supplementation requested 12 Mar (clock stopped) → in progress, not due.
    await submitted(d.d8, 'C', PA, 'ONLINE', '2025-03-09T21:00:00', null, null);
    await accepted(d.d8, '2025-03-10T08:00:00', '2025-03-17T17:00:00');
    await status(
      d.d8,
      'SUPPLEMENT_REQUESTED',
      'REQUEST_SUPPLEMENT',
      '2025-03-12T10:00:00',
      null,
      '2025-03-17T17:00:00',
    );
    // d9 C PB COUNTER: received 27 Feb, due 6 Mar, still open → carried over, overdue at the end.
    await submitted(d.d9, 'C', PB, 'COUNTER', '2025-02-27T09:00:00', '2025-02-27T09:00:00', '2025-03-06T17:00:00');
    // d10 P PA ONLINE: submitted 15 Mar, refused 16 Mar (3) → never received, never counted.
    await submitted(d.d10, 'P', PA, 'ONLINE', '2025-03-15T09:00:00', null, null);
    await status(d.d10, 'NOT_ACCEPTED', 'REFUSE', '2025-03-16T09:00:00', null);
    // d11 D PA COUNTER: received 2 April → after the period.
    await submitted(d.d11, 'D', PA, 'COUNTER', '2025-04-02T09:00:00', '2025-04-02T09:00:00', '2025-04-16T17:00:00');
    // d12 P PB COUNTER: received 31 Mar 16:00 local (09:00 UTC) → in the period, in progress, not due.
    await submitted(d.d12, 'P', PB, 'COUNTER', '2025-03-31T16:00:00', '2025-03-31T16:00:00', '2025-04-10T17:00:00');
  });
  afterAll(() => platform?.stop());

  const report = async (input: Record<string, unknown>) => (await platform.ok(REPORT, { input }, observer)).report;
  const zero = {
    received: 0,
    receivedOnline: 0,
    receivedOffline: 0,
    carriedOver: 0,
    resolved: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    closedUnresolved: 0,
    inProgress: 0,
    inProgressNotDue: 0,
    inProgressOverdue: 0,
    onTimeRate: null,
    averageProcessingDays: null,
    ratings: 0,
    satisfactionRate: null,
  };

  const MARCH_P = {
    ...zero,
    received: 5,
    receivedOnline: 2,
    receivedOffline: 3,
    carriedOver: 1,
    resolved: 3,
    resolvedEarly: 1,
    resolvedOnTime: 1,
    resolvedLate: 1,
    inProgress: 3,
    inProgressNotDue: 2,
    inProgressOverdue: 1,
    onTimeRate: 0.6667,
    averageProcessingDays: 6.67,
    ratings: 2,
    satisfactionRate: 0.5,
  };
  const MARCH_D = { ...zero, carriedOver: 1, closedUnresolved: 1 };
  const MARCH_C = {
    ...zero,
    received: 1,
    receivedOnline: 1,
    carriedOver: 1,
    inProgress: 2,
    inProgressNotDue: 1,
    inProgressOverdue: 1,
  };
  const MARCH_TOTAL = {
    ...zero,
    received: 6,
    receivedOnline: 3,
    receivedOffline: 3,
    carriedOver: 3,
    resolved: 3,
    resolvedEarly: 1,
    resolvedOnTime: 1,
    resolvedLate: 1,
    closedUnresolved: 1,
    inProgress: 5,
    inProgressNotDue: 3,
    inProgressOverdue: 2,
    onTimeRate: 0.6667,
    averageProcessingDays: 6.67,
    ratings: 2,
    satisfactionRate: 0.5,
  };

  // D01 with C01 below it: d7 carried over and withdrawn (D01); d8 received, paused; d9 carried over, overdue (C01).
  const MARCH_D_SUBTREE = {
    ...zero,
    received: 1,
    receivedOnline: 1,
    carriedOver: 2,
    closedUnresolved: 1,
    inProgress: 2,
    inProgressNotDue: 1,
    inProgressOverdue: 1,
  };

  it('groups March by centre with the descendants: the centre itself, and each centre below it with everything below that', async () => {
    const r = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'CENTRE',
    });
    expect(r.rows).toEqual([
      { key: 'D01', label: 'Trung tâm D01', ...MARCH_D_SUBTREE },
      { key: 'H57', label: 'Trung tâm H57', ...MARCH_P },
    ]);
    expect(r.total).toEqual({ key: 'TOTAL', ...MARCH_TOTAL });
    // one level further down: the district's own dossiers, and its commune's
    const district = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.D.id,
      includeDescendants: true,
      groupBy: 'CENTRE',
    });
    expect(district.rows).toEqual([
      { key: 'C01', label: 'Trung tâm C01', ...MARCH_C },
      { key: 'D01', label: 'Trung tâm D01', ...MARCH_D },
    ]);
    expect(district.total).toEqual({ key: 'TOTAL', ...MARCH_D_SUBTREE });
  });

  it('counts only the centre itself without includeDescendants', async () => {
    const r = await report({ from: '2025-03-01', to: '2025-03-31', centreId: centre.P.id, groupBy: 'CENTRE' });
    expect(r.rows).toEqual([{ key: 'H57', label: 'Trung tâm H57', ...MARCH_P }]);
    expect(r.total).toEqual({ key: 'TOTAL', ...MARCH_P });
  });

  it('groups by channel: online, counter and post', async () => {
    const r = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'CHANNEL',
    });
    expect(r.rows).toEqual([
      {
        key: 'COUNTER',
        label: 'Trực tiếp',
        ...zero,
        received: 2,
        receivedOffline: 2,
        carriedOver: 3,
        resolved: 1,
        resolvedEarly: 1,
        closedUnresolved: 1,
        inProgress: 3,
        inProgressNotDue: 1,
        inProgressOverdue: 2,
        onTimeRate: 1,
        averageProcessingDays: 9,
        ratings: 1,
        satisfactionRate: 1,
      },
      {
        key: 'ONLINE',
        label: 'Trực tuyến',
        ...zero,
        received: 3,
        receivedOnline: 3,
        resolved: 1,
        resolvedOnTime: 1,
        inProgress: 2,
        inProgressNotDue: 2,
        onTimeRate: 1,
        averageProcessingDays: 5,
      },
      {
        key: 'POST',
        label: 'Qua bưu chính',
        ...zero,
        received: 1,
        receivedOffline: 1,
        resolved: 1,
        resolvedLate: 1,
        onTimeRate: 0,
        averageProcessingDays: 6,
        ratings: 1,
        satisfactionRate: 0,
      },
    ]);
    expect(r.total).toEqual({ key: 'TOTAL', ...MARCH_TOTAL });
  });

  it('groups by procedure and by sector, labelled by name', async () => {
    const PA_ROW = {
      ...zero,
      received: 3,
      receivedOnline: 3,
      carriedOver: 1,
      resolved: 2,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      inProgress: 2,
      inProgressNotDue: 2,
      onTimeRate: 1,
      averageProcessingDays: 7,
      ratings: 1,
      satisfactionRate: 1,
    };
    const PB_ROW = {
      ...zero,
      received: 3,
      receivedOffline: 3,
      carriedOver: 2,
      resolved: 1,
      resolvedLate: 1,
      closedUnresolved: 1,
      inProgress: 3,
      inProgressNotDue: 1,
      inProgressOverdue: 2,
      onTimeRate: 0,
      averageProcessingDays: 6,
      ratings: 1,
      satisfactionRate: 0,
    };
    const byProcedure = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'PROCEDURE',
    });
    expect(byProcedure.rows).toEqual([
      { key: 'PA', label: PA.name, ...PA_ROW },
      { key: 'PB', label: PB.name, ...PB_ROW },
    ]);
    const bySector = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'SECTOR',
    });
    expect(bySector.rows).toEqual([
      { key: 'Đất đai', label: 'Đất đai', ...PB_ROW },
      { key: 'Tư pháp', label: 'Tư pháp', ...PA_ROW },
    ]);
    expect(bySector.total).toEqual({ key: 'TOTAL', ...MARCH_TOTAL });
  });

  it('carries a history kept before the sector rows into them (migration 1764000000420)', async () => {
    const input = {
      from: '2025-03-07',
      to: '2025-08-19',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'SECTOR',
    };
    const before = await report(input);
    expect(before.total.received).toBeGreaterThan(0);
    const db = platform.services.statistics.db;
    const runner = db.createQueryRunner();
    try {
      await db.query(`DELETE FROM counter WHERE dim = 'S'`);
      expect((await report(input)).rows).toEqual([]);
      await new SectorCounters1764000000420().up(runner);
    } finally {
      await runner.release();
    }
    expect(await report(input)).toEqual(before);
  });

  it('groups by level of the receiving centre', async () => {
    const r = await report({
      from: '2025-03-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'LEVEL',
    });
    expect(r.rows).toEqual([
      { key: 'COMMUNE', label: 'Cấp xã', ...MARCH_C },
      { key: 'DISTRICT', label: 'Cấp huyện', ...MARCH_D },
      { key: 'PROVINCE', label: 'Cấp tỉnh', ...MARCH_P },
    ]);
  });

  it('groups by month, each month a period of its own; the total takes the first carried-over and the last in-progress', async () => {
    const r = await report({
      from: '2025-02-01',
      to: '2025-03-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'MONTH',
    });
    const FEB = {
      ...zero,
      received: 4,
      receivedOffline: 4,
      resolved: 1,
      resolvedLate: 1,
      inProgress: 3,
      inProgressNotDue: 3,
      onTimeRate: 0,
      averageProcessingDays: 12,
    };
    expect(r.rows).toEqual([
      { key: '2025-02', label: '02/2025', ...FEB },
      { key: '2025-03', label: '03/2025', ...MARCH_TOTAL },
    ]);
    expect(r.total).toEqual({
      key: 'TOTAL',
      ...zero,
      received: 10,
      receivedOnline: 3,
      receivedOffline: 7,
      carriedOver: 0,
      resolved: 4,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 2,
      closedUnresolved: 1,
      inProgress: 5,
      inProgressNotDue: 3,
      inProgressOverdue: 2,
      onTimeRate: 0.5,
      averageProcessingDays: 8,
      ratings: 2,
      satisfactionRate: 0.5,
    });
  });

  it('answers a period of a few days inside a month (day buckets), and a later year (year buckets)', async () => {
    const week = await report({ from: '2025-03-07', to: '2025-03-13', centreId: centre.P.id, groupBy: 'CENTRE' });
    expect(week.total).toEqual({
      key: 'TOTAL',
      ...zero,
      carriedOver: 2,
      resolved: 1,
      resolvedOnTime: 1,
      inProgress: 1,
      inProgressOverdue: 1,
      onTimeRate: 1,
      averageProcessingDays: 5,
    });
    const later = await report({
      from: '2026-01-01',
      to: '2026-01-31',
      centreId: centre.P.id,
      includeDescendants: true,
      groupBy: 'CENTRE',
    });
    // open at 1 Jan 2026: d4, d5, d12 (H57), d8, d9 (C01), d11 (D01); all due in 2025 except the paused d8.
    expect(later.total).toEqual({
      key: 'TOTAL',
      ...zero,
      ratings: 0,
      carriedOver: 6,
      inProgress: 6,
      inProgressNotDue: 1,
      inProgressOverdue: 5,
    });
  });

  it("folds March's receptions onto a week (weekday × local hour) for the staffing heat map, averaged over each weekday of the month", async () => {
    const { dailyTraffic } = await platform.ok(
      `query($c: ID!) { dailyTraffic(centreId: $c, from: "2025-03-01", to: "2025-03-31", includeDescendants: true) {
      weekdayHours { weekday hour received atCounter averagePerDay } } }`,
      { c: centre.P.id },
      observer,
    );
    // March 2025: five Mondays, four of every weekday from Tuesday to Thursday. d10 was never received; d1, d6, d7, d9 and d11 fall outside.
    expect(dailyTraffic.weekdayHours).toEqual([
      { weekday: 1, hour: 7, received: 1, atCounter: 0, averagePerDay: 0.2 }, // d2 accepted Mon 3 Mar 07:30 (online)
      { weekday: 1, hour: 8, received: 1, atCounter: 0, averagePerDay: 0.2 }, // d8 at the commune, Mon 10 Mar 08:00 (online)
      { weekday: 1, hour: 16, received: 1, atCounter: 1, averagePerDay: 0.2 }, // d12 Mon 31 Mar 16:00 at the counter
      { weekday: 2, hour: 8, received: 1, atCounter: 0, averagePerDay: 0.25 }, // d5 Tue 25 Mar 08:00 (online)
      { weekday: 3, hour: 13, received: 1, atCounter: 0, averagePerDay: 0.25 }, // d3 Wed 5 Mar 13:30 by post
      { weekday: 4, hour: 10, received: 1, atCounter: 1, averagePerDay: 0.25 }, // d4 Thu 20 Mar 10:00 at the counter
    ]);
    // the commune alone: only d8
    const commune = await platform.ok(
      `query($c: ID!) { dailyTraffic(centreId: $c, from: "2025-03-01", to: "2025-03-31") { weekdayHours { weekday hour received } } }`,
      { c: centre.C.id },
      observer,
    );
    expect(commune.dailyTraffic.weekdayHours).toEqual([{ weekday: 1, hour: 8, received: 1 }]);
  });

  it('gives Dossier.outcome from the facts: EARLY, ON_TIME, LATE once resolved, null before', async () => {
    const db = platform.services.statistics.db;
    const outcomes = await db.query(`SELECT dossier_id, outcome FROM dossier_fact WHERE dossier_id = ANY($1)`, [
      [d.d1, d.d2, d.d3, d.d4],
    ]);
    expect(Object.fromEntries(outcomes.map((o: any) => [o.dossier_id, o.outcome]))).toEqual({
      [d.d1]: 'EARLY',
      [d.d2]: 'ON_TIME',
      [d.d3]: 'LATE',
      [d.d4]: null,
    });
  });

  it('refuses readers outside the centre tree and roles that do not read statistics; validates the period', async () => {
    const input = { from: '2025-03-01', to: '2025-03-31', centreId: centre.P.id };
    const commune = await platform.token({ role: 'LEADER', centre: 'C01' });
    expect((await platform.graphql(REPORT, { input }, commune)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await platform.ok(REPORT, { input: { ...input, centreId: centre.C.id } }, commune)).report.total.received,
    ).toBe(1);
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57' });
    expect((await platform.graphql(REPORT, { input }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await platform.graphql(REPORT, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await platform.graphql(REPORT, { input: { ...input, from: '2025-04-01' } }, observer)).errors?.[0].extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await platform.graphql(REPORT, { input: { ...input, centreId: randomUUID() } }, observer)).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
  });

  it('applies a run that receives at a new centre and moves it as the same events one by one would', async () => {
    const x = { id: randomUUID(), code: 'X01', name: 'Trung tâm X01', level: 'COMMUNE' as const };
    await emit(
      'intake',
      'CentreChanged',
      x.id,
      { centreId: x.id, ...x, parentId: centre.D.id },
      at('2024-05-01T08:00:00'),
    );
    // One run, its counter writes gathered until its end: a 2024 dossier received and decided at X01, then X01 moved under H57.
    const id = randomUUID();
    const run = [
      await published(
        'intake',
        'DossierSubmitted',
        id,
        {
          dossierId: id,
          code: `X01-${id.slice(0, 4)}`,
          status: 2,
          channel: 'COUNTER',
          submittedAt: at('2024-05-02T08:00:00'),
          receivedAt: at('2024-05-02T08:00:00'),
          receptionDay: '2024-05-02',
          dueAt: at('2024-05-10T17:00:00'),
          procedure: PA,
          receivingCentre: x,
          applicant: {
            id: randomUUID(),
            kind: 'CITIZEN',
            identityNumber: '046090001234',
            fullName: 'Nguyễn Văn An',
            phone: null,
            email: null,
          },
          delivery: { method: 'COUNTER', address: null },
        },
        at('2024-05-02T08:00:00'),
      ),
      await published(
        'processing',
        'DossierDecided',
        id,
        {
          dossierId: id,
          code: id,
          decision: 'APPROVED',
          reason: null,
          resolvedAt: at('2024-05-08T10:00:00'),
          dueAt: at('2024-05-10T17:00:00'),
          processingCentreId: randomUUID(),
          result: null,
          actor: { id: 'l', name: 'l', role: 'LEADER' },
        },
        at('2024-05-08T10:00:00'),
      ),
      await published(
        'intake',
        'CentreChanged',
        x.id,
        { centreId: x.id, ...x, parentId: centre.P.id },
        at('2024-06-01T08:00:00'),
      ),
    ];
    await platform.services.statistics.consumer!.applyRun(run as never);
    const year = async (c: { id: string }) =>
      await report({
        from: '2024-01-01',
        to: '2024-12-31',
        centreId: c.id,
        includeDescendants: true,
        groupBy: 'CENTRE',
      });
    expect((await year(centre.P)).rows).toEqual([
      expect.objectContaining({ key: 'X01', received: 1, resolved: 1, resolvedEarly: 1 }),
    ]);
    expect((await year(centre.D)).total).toMatchObject({ received: 0, resolved: 0 });
    expect(
      (await reconcileStatistics(platform.services.statistics.db)).filter((d) => d.check.startsWith('received below')),
    ).toEqual([]);
  });

  it("applies a dossier's life in runs (its fact read and written once per run) as its events one by one", async () => {
    const [single, inRuns] = [randomUUID(), randomUUID()];
    // 2023 at C01: received Thu 1 June, due 9 June; supplementation asked 2 June, supplied 5 June (due 12 June); decided 13 June, late.
    const reception = (id: string) =>
      submitted(id, 'C', PB, 'COUNTER', '2023-06-01T08:00:00', '2023-06-01T08:00:00', '2023-06-09T17:00:00');
    const pause = (id: string) => status(id, 'SUPPLEMENT_REQUESTED', 'REQUEST_SUPPLEMENT', '2023-06-02T09:00:00', null);
    const rest = async (id: string) => {
      await status(id, 'PROCESSING', 'SUBMIT_SUPPLEMENT', '2023-06-05T08:00:00', '2023-06-12T17:00:00');
      await decided(id, '2023-06-13T10:00:00', '2023-06-12T17:00:00');
      await emit(
        'delivery',
        'ResultReturned',
        id,
        { dossierId: id, method: 'COUNTER', returnedAt: at('2023-06-14T08:00:00'), actor: null },
        at('2023-06-14T08:00:00'),
      );
      await rated(id, 'SATISFIED', '2023-06-14T09:00:00');
    };
    await reception(single);
    await pause(single);
    await rest(single);
    await asRun(async () => {
      await reception(inRuns); // a fact new in the run
      await pause(inRuns);
    });
    await asRun(() => rest(inRuns)); // a fact the run reads up front

    const facts = await platform.services.statistics.db.query(
      `SELECT * FROM dossier_fact WHERE dossier_id = ANY($1) ORDER BY dossier_id = $2`,
      [[single, inRuns], inRuns],
    );
    const life = ({ dossier_id, code, ...rest }: Record<string, unknown>) => rest;
    expect(facts.map(life)).toEqual([life(facts[0]), life(facts[0])]);
    expect(facts[1]).toMatchObject({
      state: 'RETURNED',
      national_status_code: 10,
      outcome: 'LATE',
      satisfaction: 'SATISFIED',
      decision: 'APPROVED',
    });
    const june = await report({ from: '2023-06-01', to: '2023-06-30', centreId: centre.C.id, groupBy: 'CHANNEL' });
    expect(june.total).toMatchObject({
      received: 2,
      receivedOffline: 2,
      resolved: 2,
      resolvedLate: 2,
      inProgress: 0,
      ratings: 2,
      satisfactionRate: 1,
    });
    // and the hourly traffic the run gathered: both received at the counter between 8 and 9
    expect(
      await platform.services.statistics.db.query(
        `SELECT hour, received, at_counter FROM traffic_hour WHERE centre_id = $1 AND day = '2023-06-01'`,
        [centre.C.id],
      ),
    ).toEqual([{ hour: 8, received: 2, at_counter: 2 }]);
  });

  it('rebuilds the same read models and the same reports from the event history', async () => {
    const rebuilt = await rebuildStatistics({ databaseUrl: platform.databaseUrl });
    try {
      expect(rebuilt.unapplied).toEqual([]);
      expect(rebuilt.differences).toEqual([]);
      const centreIds = [centre.P.id, centre.D.id, centre.C.id];
      for (const groupBy of ['CENTRE', 'PROCEDURE', 'MONTH'] as const) {
        const q = { from: '2025-01-01', to: '2025-12-31', centreIds, groupBy, now: new Date() };
        expect(await buildReport(rebuilt.dataSource, q)).toEqual(await buildReport(platform.services.statistics.db, q));
      }
      // and a rebuild notices a read model that drifted
      await platform.services.statistics.db.query(
        `UPDATE counter SET received_online = received_online + 1 WHERE dim = 'C' AND grain = 'D' AND bucket = '2025-03-03'`,
      );
      expect(
        await rebuildStatistics({ databaseUrl: platform.databaseUrl }).then(async (r) => {
          await r.dataSource.destroy();
          return r.differences;
        }),
      ).toEqual([{ table: 'counter', onlyLive: 1, onlyRebuilt: 1 }]);
    } finally {
      await rebuilt.dataSource.destroy().catch(() => undefined);
    }
  });

  it('follows a move in the centre tree: the subtree counts leave the former parent and join the new one', async () => {
    const admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    await platform.ok(
      `mutation($c: ID!, $p: ID) { moveCentre(centreId: $c, parentId: $p) { id } }`,
      { c: centre.C.id, p: centre.P.id },
      admin,
    );
    const march = (centreId: string, groupBy: string) =>
      report({ from: '2025-03-01', to: '2025-03-31', centreId, includeDescendants: true, groupBy });
    await waitFor(async () => ((await march(centre.D.id, 'CHANNEL')).total.received === 0 ? true : null), {
      what: 'statistics to apply the move',
    });
    expect((await march(centre.D.id, 'CHANNEL')).total).toEqual({ key: 'TOTAL', ...MARCH_D });
    expect((await march(centre.P.id, 'PROCEDURE')).total).toEqual({ key: 'TOTAL', ...MARCH_TOTAL });
    const rollups = (await reconcileStatistics(platform.services.statistics.db)).filter((d) =>
      d.check.startsWith('received below'),
    );
    expect(rollups).toEqual([]);
    await platform.services.statistics.db.query(
      `UPDATE counter SET received_online = received_online + 1 WHERE NOT own AND dim = 'C' AND grain = 'Y' AND value = 'ONLINE' AND centre_id = $1`,
      [centre.P.id],
    );
    expect(
      (await reconcileStatistics(platform.services.statistics.db)).filter((d) => d.check.startsWith('received below')),
    )
      // below H57: D01's and C01's five, X01's 2024 dossier and C01's two of 2023
      .toEqual([
        {
          check: "received below (subtree counters vs their centres' own)",
          centreId: centre.P.id,
          owner: 8,
          statistics: 9,
        },
      ]);
  });
});
