import { randomUUID } from 'node:crypto';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import type { DeliveryDeps } from '@onestop/delivery';

/**
 * What the administrators' pages (/admin/*) need beyond the contract, through the gateway:
 * renaming a centre (the 2025 mergers), failed notifications including those never sent for want
 * of a transport, and the events' dead letters with their replay.
 */
jest.setTimeout(180_000);

const ENV = { SMS: 'off', NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '20' };
let platform: TestPlatform;
let admin: string;
let communeAdmin: string;
const province = { id: '', code: 'ADM.P' };
const commune = { id: '', code: 'ADM.P.01' };

beforeAll(async () => {
  Object.assign(process.env, ENV);
  platform = await TestPlatform.start();
  admin = await platform.token({ role: 'ADMIN', centre: province.code });
  communeAdmin = await platform.token({ role: 'ADMIN', centre: commune.code });
  const create = `mutation($input: CentreInput!) { createCentre(input: $input) { id } }`;
  province.id = (
    await platform.ok(create, { input: { code: province.code, name: 'Tỉnh Thử nghiệm', level: 'PROVINCE' } }, admin)
  ).createCentre.id;
  commune.id = (
    await platform.ok(
      create,
      { input: { code: commune.code, name: 'Xã Phú Mỹ', level: 'COMMUNE', parentId: province.id } },
      admin,
    )
  ).createCentre.id;
  await platform.ok(
    `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
    {
      input: {
        code: 'ADM-01',
        name: 'Chứng thực bản sao',
        sector: 'Tư pháp',
        levels: ['PROVINCE', 'COMMUNE'],
        feeVnd: 0,
        processingTime: { amount: 2, unit: 'WORKING_DAYS' },
      },
    },
    admin,
  );
  await waitFor(async () => (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 2, {
    what: 'delivery to learn of the centres',
  });
});
afterAll(async () => {
  await platform?.stop();
  for (const key of Object.keys(ENV)) delete process.env[key];
});

async function receive(email: string | null, phone: string | null) {
  const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: commune.code });
  const { submitDossier } = await platform.ok(
    `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
    {
      input: {
        procedureCode: 'ADM-01',
        centreId: commune.id,
        channel: 'COUNTER',
        documents: [],
        delivery: { method: 'COUNTER' },
        applicant: {
          kind: 'CITIZEN',
          identityNumber: `04609${String(Date.now()).slice(-7)}`,
          fullName: 'Lê Thị Hoa',
          email,
          phone,
        },
      },
    },
    officer,
  );
  return submitDossier as { id: string; code: string };
}

describe('renaming a centre (a merger keeps the code, changes the name)', () => {
  const rename = `mutation($id: ID!, $name: String!) { renameCentre(centreId: $id, name: $name) { id code name } }`;

  it('the new name shows in the tree, the code and dossier codes stay, and the other services learn it', async () => {
    const before = await receive(null, null);
    expect((await platform.ok(rename, { id: commune.id, name: '  Phường Phú Mỹ  ' }, admin)).renameCentre).toEqual({
      id: commune.id,
      code: commune.code,
      name: 'Phường Phú Mỹ',
    });
    const { centres } = await platform.ok(`{ centres { code name parent { code } } }`);
    expect(centres).toContainEqual({ code: commune.code, name: 'Phường Phú Mỹ', parent: { code: province.code } });
    expect(before.code.startsWith(`${commune.code}-`)).toBe(true);
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT name FROM centre_replica WHERE id = $1`, [commune.id]))[0]
          ?.name === 'Phường Phú Mỹ',
      { what: 'processing to learn of the new name' },
    );
  });

  it('a commune ADMIN renames their own centre but not the province above it; an empty name is refused in words', async () => {
    expect((await platform.ok(rename, { id: commune.id, name: 'Xã Phú Mỹ' }, communeAdmin)).renameCentre.name).toBe(
      'Xã Phú Mỹ',
    );
    expect(
      (await platform.graphql(rename, { id: province.id, name: 'Tỉnh khác' }, communeAdmin)).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const empty = await platform.graphql(rename, { id: commune.id, name: '   ' }, admin);
    expect(empty.errors?.[0]).toMatchObject({
      message: 'A centre name is required',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await platform.graphql(rename, { id: randomUUID(), name: 'X' }, admin)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('notifications not sent and failed', () => {
  const failed = `query($all: Boolean) { failedNotifications(includeNotSent: $all) { id dossierCode channel status recipient lastError } }`;

  it('an SMS never sent (SMS=off) is listed on request and resent once a gateway is there; an email to a .invalid domain fails in development', async () => {
    const dossier = await receive('hoa@example.invalid', '0912000222');
    const mine = async (all: boolean) =>
      (
        (await platform.ok(failed, { all }, admin)).failedNotifications as Array<{
          dossierCode: string;
          channel: string;
          status: string;
          id: string;
        }>
      ).filter((n) => n.dossierCode === dossier.code);
    const listed = await waitFor(
      async () => {
        const l = await mine(true);
        return l.length === 2 ? l : undefined;
      },
      { what: 'both notifications to end' },
    );
    expect(listed.map((n) => `${n.channel}:${n.status}`).sort()).toEqual(['EMAIL:FAILED', 'SMS:NOT_SENT']);
    expect((await mine(false)).map((n) => n.channel)).toEqual(['EMAIL']);

    // An SMS gateway now exists (swapped in as the operator's configuration would): the resend goes out.
    const deps = platform.services.delivery.deps as DeliveryDeps;
    const sent: string[] = [];
    const off = deps.sms;
    deps.sms = {
      send: async (sms) => {
        sent.push(sms.id);
      },
    };
    try {
      const sms = listed.find((n) => n.channel === 'SMS')!;
      expect(
        (await platform.ok(`mutation($id: ID!) { resendNotification(id: $id) { id status } }`, { id: sms.id }, admin))
          .resendNotification,
      ).toEqual({ id: sms.id, status: 'QUEUED' });
      await waitFor(() => sent.includes(sms.id), { what: 'the SMS to be sent' });
      await waitFor(async () => !(await mine(true)).some((n) => n.id === sms.id), {
        what: 'the SMS to leave the list',
      });
    } finally {
      deps.sms = off;
    }
  });
});

describe('failed events (dead letters)', () => {
  it('a root ADMIN sees an event that exhausted its retries, masked, and puts it back in line; others may not', async () => {
    // A job that fails at once (one attempt): a DossierSubmitted without its dossier's data.
    const id = randomUUID();
    const deps = platform.services.delivery.deps as DeliveryDeps;
    await deps.events.of('statistics').add(
      'DossierSubmitted',
      {
        id,
        type: 'DossierSubmitted',
        version: 1,
        sequence: 1,
        source: 'intake',
        aggregateId: id,
        occurredAt: new Date().toISOString(),
        correlationId: null,
        payload: { dossierId: id, applicantName: 'Lê Thị Hoa', identityNumber: '046090001234' },
      } as never,
      { jobId: id, attempts: 1 },
    );
    const query = `query($service: EventSubscriber) { failedEvents(service: $service) { id service type aggregateId attempts error failedAt payload } }`;
    const event = await waitFor(
      async () =>
        (await platform.ok(query, { service: 'STATISTICS' }, admin)).failedEvents.find(
          (e: { id: string }) => e.id === id,
        ),
      { what: 'the dead letter' },
    );
    expect(event).toMatchObject({ id, service: 'STATISTICS', type: 'DossierSubmitted', aggregateId: id, attempts: 1 });
    expect(event.error.length).toBeGreaterThan(0);
    expect(event.payload).not.toContain('Lê Thị Hoa');
    expect(event.payload).not.toContain('046090001234');
    expect((await platform.ok(query, {}, admin)).failedEvents.map((e: { id: string }) => e.id)).toContain(id);

    const replay = `mutation($ids: [ID!]) { replayFailedEvents(service: STATISTICS, eventIds: $ids) }`;
    expect((await platform.graphql(replay, { ids: [id] }, communeAdmin)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await platform.graphql(query, {}, communeAdmin)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await platform.ok(replay, { ids: [randomUUID()] }, admin)).replayFailedEvents).toBe(0);
    expect((await platform.ok(replay, { ids: [id] }, admin)).replayFailedEvents).toBe(1);
    // Back in line: the consumer takes it again (and, still broken, it fails again, with one more attempt).
    await waitFor(
      async () => {
        const again = (await platform.ok(query, { service: 'STATISTICS' }, admin)).failedEvents.find(
          (e: { id: string }) => e.id === id,
        );
        return again && again.failedAt > event.failedAt;
      },
      { what: 'the replayed event to be tried again' },
    );
  });
});
