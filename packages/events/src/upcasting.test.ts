import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { LATEST_VERSION, SUBSCRIPTIONS, type DossierStatusChangedV1, type EventType } from './catalogue';
import type { EventEnvelope } from './envelope';
import { EventConsumer, type EventHandler, type HandlerContext } from './event-consumer';
import type { QueueConnection } from './queue-connection';
import { currentVersion, upcast, UnknownEventVersionError, UPCASTERS, type Upcasters } from './upcasting';

/**
 * A v2 of DossierStatusChanged defined for this test only: the appointment shown to the applicant
 * renamed (`dueAt` → `appointmentAt`) and the statutory due date always present (a v1 from a
 * publisher that did not send it falls back to `dueAt`, as statistics did by hand).
 */
interface DossierStatusChangedV2 extends Omit<DossierStatusChangedV1, 'dueAt' | 'statutoryDueAt'> {
  appointmentAt: string | null;
  statutoryDueAt: string | null;
}
const WITH_V2: Upcasters = {
  DossierStatusChanged: {
    1: ({ dueAt, statutoryDueAt, ...rest }: DossierStatusChangedV1): DossierStatusChangedV2 => ({
      ...rest,
      appointmentAt: dueAt,
      statutoryDueAt: statutoryDueAt ?? dueAt,
    }),
  },
};

const V1: DossierStatusChangedV1 = {
  dossierId: '6f0c2a52-1f43-4a4e-9f0e-2d1a7c1d9b01',
  code: 'H57-0001',
  action: 'COMPLETE_STEP',
  status: 'PROCESSING',
  nationalStatusCode: 4,
  at: '2025-03-03T02:00:00.000Z',
  dueAt: '2025-03-10T10:00:00.000Z',
  resolvedAt: null,
  processingCentreId: '0b6c3a52-1f43-4a4e-9f0e-2d1a7c1d9b00',
  remainingWorkingMinutes: null,
  reason: null,
  actor: null,
};

const envelope = (version: number, payload: unknown, id = '11111111-1111-4111-8111-111111111111'): EventEnvelope => ({
  id,
  type: 'DossierStatusChanged',
  version,
  sequence: 1,
  source: 'processing',
  aggregateId: V1.dossierId,
  occurredAt: V1.at,
  correlationId: null,
  payload,
});

/** Just enough of a DataSource for the consumer: every event is new to the inbox, each transaction runs its work. */
function fakeDatabase(): DataSource {
  const manager = {
    query: async (sql: string, params: unknown[][]) =>
      sql.includes('processed_event') ? params[0].map((event_id) => ({ event_id })) : [],
  } as unknown as EntityManager;
  return {
    transaction: (work: (m: EntityManager) => Promise<unknown>) => work(manager),
    query: async () => [],
  } as unknown as DataSource;
}

function consumerWith(handler: EventHandler, upcasters?: Upcasters) {
  return new EventConsumer({
    service: 'statistics',
    dataSource: fakeDatabase(),
    connection: {} as QueueConnection,
    logger: pino({ level: 'silent' }),
    handlers: { DossierStatusChanged: handler as never },
    upcasters,
  });
}

describe('upcasting: consumers accept every version they were sent', () => {
  it('a v1 event still applies once a v2 exists: the handler sees the v2 shape', async () => {
    const seen: Array<{ version: number; payload: unknown }> = [];
    const consumer = consumerWith(
      async ({ event }) => void seen.push({ version: event.version, payload: event.payload }),
      WITH_V2,
    );
    await consumer.apply({ data: envelope(1, V1) });
    const { dueAt, statutoryDueAt, ...rest } = V1;
    const v2: DossierStatusChangedV2 = { ...rest, appointmentAt: dueAt, statutoryDueAt: dueAt };
    await consumer.apply({ data: envelope(2, v2, '22222222-2222-4222-8222-222222222222') });
    expect(seen).toEqual([
      { version: 2, payload: v2 },
      { version: 2, payload: v2 },
    ]);
    expect(statutoryDueAt).toBeUndefined();
  });

  it('a run of mixed versions applies each at the current one, and hands the run its context', async () => {
    const seen: Array<{ version: number; run: unknown }> = [];
    const consumer = new EventConsumer({
      service: 'statistics',
      dataSource: fakeDatabase(),
      connection: {} as QueueConnection,
      logger: pino({ level: 'silent' }),
      upcasters: WITH_V2,
      handlers: {
        DossierStatusChanged: (async ({ event, run }: HandlerContext<unknown>) =>
          void seen.push({ version: event.version, run })) as never,
      },
      runWrites: {
        open: () => ({ run: 'context' }),
        flush: async (_m, run) => void expect(run).toEqual({ run: 'context' }),
      },
    });
    await consumer.applyRun([envelope(1, V1), envelope(1, V1, '33333333-3333-4333-8333-333333333333')]);
    expect(seen).toEqual([
      { version: 2, run: { run: 'context' } },
      { version: 2, run: { run: 'context' } },
    ]);
  });

  it('upcast: the current version unchanged, older ones brought up step by step, a newer one refused', () => {
    const event = envelope(1, V1);
    expect(upcast(event)).toBe(event); // the catalogue's own: DossierStatusChanged is at version 1
    const twoSteps: Upcasters = {
      DossierStatusChanged: { ...WITH_V2.DossierStatusChanged, 2: (p: DossierStatusChangedV2) => ({ ...p, v3: true }) },
    };
    expect(upcast(event, twoSteps)).toMatchObject({ version: 3, payload: { appointmentAt: V1.dueAt, v3: true } });
    expect(() => upcast(envelope(3, V1), WITH_V2)).toThrow(UnknownEventVersionError);
    expect(() => upcast(envelope(1, V1), { DossierStatusChanged: { 2: (p) => p } })).toThrow(/no step from v1/);
  });

  it("the catalogue's versions and its steps agree: every version after 1 has its step from the one before", () => {
    for (const type of Object.keys(SUBSCRIPTIONS) as EventType[]) {
      expect(currentVersion(type, UPCASTERS)).toBe(LATEST_VERSION[type]);
      for (let from = 1; from < LATEST_VERSION[type]; from++) expect(UPCASTERS[type]?.[from]).toBeInstanceOf(Function);
    }
  });
});
