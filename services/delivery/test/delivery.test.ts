import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileBlobStore } from '@onestop/blob-store';
import {
  NotReadyError,
  type DossierDecidedV1,
  type DossierSubmittedV1,
  type EventEnvelope,
  type EventType,
} from '@onestop/events';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import type { DeliveryDeps, SimulatedCourier } from '@onestop/delivery';
import type { NodemailerMailer } from '../src/notifications/mailer';
import type { RecordingSmsSender } from '../src/notifications/sms';
import { signLink, linkPath } from '../src/domain/download-link';

/** Fast retries for the test; read by delivery when it starts. */
const ENV = {
  NOTIFICATION_ATTEMPTS: '3',
  NOTIFICATION_BACKOFF_MS: '20',
  BOOKING_ATTEMPTS: '5',
  BOOKING_BACKOFF_MS: '50',
};

describe('delivery: results back to citizens at the counter, by post and online', () => {
  let platform: TestPlatform;
  let deps: DeliveryDeps;
  let admin: string;
  let officer: string;
  let otherOfficer: string;
  let centre: { id: string; code: string };
  let sequence = 0;
  let applicants = 0;

  beforeAll(async () => {
    Object.assign(process.env, ENV);
    platform = await TestPlatform.start();
    deps = platform.services.delivery.deps;
    admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57' });
    otherOfficer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57.01' });
    ({ createCentre: centre } = await platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'H57', name: 'Trung tâm PVHCC tỉnh Thừa Thiên Huế', level: 'PROVINCE' } },
      admin,
    ));
    await platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id } }`,
      { input: { code: 'H57.01', name: 'Bộ phận một cửa xã Phú Vang', level: 'COMMUNE', parentId: centre.id } },
      admin,
    );
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-01',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 200000,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    // Delivery keeps a replica of the centres for its access checks.
    await waitFor(
      async () => (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 2,
      { what: 'centre replica' },
    );
  });
  afterAll(async () => {
    await platform?.stop();
    for (const key of Object.keys(ENV)) delete process.env[key];
  });

  const mailer = () => deps.mailer as NodemailerMailer;
  const sms = () => deps.sms as RecordingSmsSender;
  const courier = () => deps.courier as SimulatedCourier;

  async function submit(
    method: 'COUNTER' | 'POST' | 'ONLINE',
    contact: { email?: string | null; phone?: string | null } = {},
    procedureCode = 'LLTP-01',
  ) {
    applicants += 1;
    const identityNumber = `0460900${String(10000 + applicants).slice(-5)}`;
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
      {
        input: {
          procedureCode,
          centreId: centre.id,
          channel: 'COUNTER',
          applicant: {
            kind: 'CITIZEN',
            identityNumber,
            fullName: 'Nguyễn Văn An',
            email: contact.email === undefined ? `an${applicants}@example.vn` : contact.email,
            phone: contact.phone === undefined ? '0905123456' : contact.phone,
          },
          delivery: { method, address: method === 'POST' ? '12 Lê Lợi, Huế' : null },
        },
      },
      officer,
    );
    await waitFor(() => deliveryOf(submitDossier.id), { what: 'delivery to learn of the dossier' });
    const citizen = await platform.token({ role: 'CITIZEN', identityNumber });
    return { ...(submitDossier as { id: string; code: string }), identityNumber, citizen };
  }

  function envelope<T extends EventType>(
    type: T,
    aggregateId: string,
    payload: unknown,
    source: EventEnvelope['source'] = 'processing',
  ): EventEnvelope {
    sequence += 1;
    return {
      id: randomUUID(),
      type,
      version: 1,
      sequence,
      source,
      aggregateId,
      occurredAt: new Date().toISOString(),
      correlationId: null,
      payload,
    };
  }

  /** Processing's decision, as its DossierDecided event (the result's content is in the shared blob store). */
  async function decide(
    dossier: { id: string; code: string },
    content: Buffer | null = Buffer.from(`%PDF-1.4 Phiếu lý lịch tư pháp ${dossier.code}`),
  ) {
    const blob = content ? await new FileBlobStore(join(platform.dataDir, 'blobs')).put(content) : null;
    const payload: DossierDecidedV1 = {
      dossierId: dossier.id,
      code: dossier.code,
      decision: 'APPROVED',
      reason: null,
      resolvedAt: new Date().toISOString(),
      dueAt: new Date(Date.now() + 86400_000).toISOString(),
      processingCentreId: centre.id,
      result: blob && {
        recordId: randomUUID(),
        documentType: 'PHIEU_LLTP',
        title: 'Phiếu lý lịch tư pháp số 1',
        sha256: blob.sha256,
        sizeBytes: blob.sizeBytes,
        mimeType: 'application/pdf',
        validUntil: null,
      },
      actor: { id: 'leader-1', name: 'Trần Thị Bình', role: 'LEADER', centre: 'H57' },
    };
    await platform.services.delivery.consumer!.apply({ data: envelope('DossierDecided', dossier.id, payload) });
    return blob;
  }

  async function deliveryOf(id: string, token = admin) {
    const data = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { delivery { method status counterFallback trackingNumber downloadUrl
         notifications { kind channel status } postalEvents { status note } rating { overall } } } }`,
      { id },
      token,
    );
    return data.dossier?.delivery ?? null;
  }

  const sentNotifications = async (id: string, kind: string, count = 2) =>
    waitFor(
      async () => {
        const d = await deliveryOf(id);
        const sent = d.notifications.filter(
          (n: { kind: string; status: string }) => n.kind === kind && n.status === 'SENT',
        );
        return sent.length >= count ? d : null;
      },
      { what: `${kind} notifications sent` },
    );

  const published = async (dossierId: string, type: string) =>
    (
      await platform.services.delivery.db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND type = $2`, [
        dossierId,
        type,
      ])
    ).map((r: { payload: unknown }) => r.payload);

  const mailsTo = (code: string) => mailer().sent.filter((m) => m.subject.includes(code));

  it('tolerates a decision that arrives before the reception (NotReadyError, nothing applied)', async () => {
    const dossierId = randomUUID();
    const event = envelope('DossierDecided', dossierId, {
      dossierId,
      code: 'H57-260305-9999',
      decision: 'APPROVED',
      result: null,
    } as Partial<DossierDecidedV1>);
    await expect(platform.services.delivery.consumer!.apply({ data: event })).rejects.toBeInstanceOf(NotReadyError);
    expect(
      await platform.services.delivery.db.query(`SELECT 1 FROM processed_event WHERE event_id = $1`, [event.id]),
    ).toEqual([]);
  });

  it('COUNTER: tells the applicant of reception and result, and an officer of the receiving centre hands the result over (status 10)', async () => {
    const dossier = await submit('COUNTER');
    const received = await sentNotifications(dossier.id, 'RECEIVED');
    expect(received).toMatchObject({ method: 'COUNTER', status: 'AWAITING_RESULT' });
    expect(received.notifications).toEqual(
      expect.arrayContaining([
        { kind: 'RECEIVED', channel: 'EMAIL', status: 'SENT' },
        { kind: 'RECEIVED', channel: 'SMS', status: 'SENT' },
      ]),
    );
    expect(sms().sent.some((s) => s.text.includes(dossier.code) && s.to === '0905123456')).toBe(true);

    const notYet = await platform.graphql(
      `mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`,
      { id: dossier.id },
      officer,
    );
    expect(notYet.errors?.[0].extensions?.code).toBe('CONFLICT');

    await decide(dossier);
    const ready = await sentNotifications(dossier.id, 'RESULT_READY');
    expect(ready.status).toBe('READY');
    expect(mailsTo(dossier.code).find((m) => m.subject.includes('đã có kết quả'))?.text).toContain('nhận tại quầy');

    const pickup = `mutation($id: ID!) { confirmPickup(dossierId: $id) { id status nationalStatusCode delivery { method status } } }`;
    for (const token of [otherOfficer, dossier.citizen, admin]) {
      expect((await platform.graphql(pickup, { id: dossier.id }, token)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await platform.graphql(pickup, { id: dossier.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { confirmPickup } = await platform.ok(pickup, { id: dossier.id }, officer);
    expect(confirmPickup).toEqual({
      id: dossier.id,
      status: 'RETURNED',
      nationalStatusCode: 10,
      delivery: { method: 'COUNTER', status: 'PICKED_UP' },
    });
    expect((await platform.graphql(pickup, { id: dossier.id }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await published(dossier.id, 'ResultReturned')).toEqual([
      expect.objectContaining({ dossierId: dossier.id, method: 'COUNTER' }),
    ]);
    await sentNotifications(dossier.id, 'RETURNED');

    const { trackDossier } = await platform.ok(
      `query($code: String!, $v: String!) { trackDossier(code: $code, verifier: $v) { code deliveryStatus } }`,
      { code: dossier.code, v: dossier.identityNumber.slice(-4) },
    );
    expect(trackDossier).toEqual({ code: dossier.code, deliveryStatus: 'PICKED_UP' });
  });

  it('the applicant rates the service once, after the result was returned; statistics hears of it', async () => {
    const rate = `mutation($id: ID!, $r: SatisfactionInput!) { rateService(dossierId: $id, rating: $r) { dossierId overall } }`;
    const dossier = await submit('COUNTER');
    await decide(dossier);
    await waitFor(async () => (await deliveryOf(dossier.id)).status === 'READY', { what: 'result ready' });
    const rating = { overall: 'VERY_SATISFIED', comment: 'Cán bộ nhiệt tình' };
    expect(
      (await platform.graphql(rate, { id: dossier.id, r: rating }, dossier.citizen)).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    await platform.ok(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`, { id: dossier.id }, officer);

    const stranger = await platform.token({ role: 'CITIZEN', identityNumber: '046090099999' });
    expect((await platform.graphql(rate, { id: dossier.id, r: rating }, stranger)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await platform.graphql(rate, { id: dossier.id, r: rating }, officer)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await platform.graphql(
          rate,
          { id: dossier.id, r: { overall: 'SATISFIED', comment: 'x'.repeat(2001) } },
          dossier.citizen,
        )
      ).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await platform.ok(rate, { id: dossier.id, r: rating }, dossier.citizen)).rateService).toEqual({
      dossierId: dossier.id,
      overall: 'VERY_SATISFIED',
    });
    expect(
      (await platform.graphql(rate, { id: dossier.id, r: rating }, dossier.citizen)).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    expect((await deliveryOf(dossier.id, dossier.citizen)).rating).toEqual({ overall: 'VERY_SATISFIED' });
    expect(await published(dossier.id, 'ServiceRated')).toEqual([
      { dossierId: dossier.id, overall: 'VERY_SATISFIED', ratedAt: expect.any(String) },
    ]);
  });

  const postal = `mutation($t: String!, $e: PostalEventInput!) { recordPostalEvent(trackingNumber: $t, event: $e) { method status trackingNumber } }`;

  it('POST: a courier that fails twice books on the third attempt; its callbacks carry the parcel to the applicant (status 10)', async () => {
    const dossier = await submit('POST');
    courier().failNext(2);
    const callsBefore = courier().calls;
    await decide(dossier, null);
    const booked = await waitFor(
      async () => {
        const d = await deliveryOf(dossier.id);
        return d.status === 'BOOKED' ? d : null;
      },
      { what: 'the shipment booked' },
    );
    expect(courier().calls - callsBefore).toBe(3);
    expect(booked.trackingNumber).toMatch(/^SIM\d{9}VN$/);
    const t = booked.trackingNumber;
    await sentNotifications(dossier.id, 'RESULT_READY');
    expect(mailsTo(dossier.code).find((m) => m.subject.includes('đã có kết quả'))?.text).toContain(`mã vận đơn ${t}`);

    expect(
      (await platform.graphql(postal, { t, e: { status: 'ACCEPTED' } }, officer)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    // The courier's callback takes the courier's credential, not a user's token, an ADMIN's included.
    expect((await platform.graphql(postal, { t, e: { status: 'ACCEPTED' } }, admin)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await platform.graphql(postal, { t: 'NOPE123', e: { status: 'ACCEPTED' } }, platform.courierCredential))
        .errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    const at = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    expect(
      (await platform.ok(postal, { t, e: { status: 'ACCEPTED', at: at(1) } }, platform.courierCredential))
        .recordPostalEvent,
    ).toEqual({ method: 'POST', status: 'ACCEPTED', trackingNumber: t });
    expect(
      (
        await platform.ok(
          postal,
          { t, e: { status: 'IN_TRANSIT', at: at(2), note: 'Bưu cục Huế' } },
          platform.courierCredential,
        )
      ).recordPostalEvent.status,
    ).toBe('IN_TRANSIT');
    // A courier's late repeat is kept in the history without moving the parcel back.
    expect(
      (await platform.ok(postal, { t, e: { status: 'ACCEPTED', at: at(1) } }, platform.courierCredential))
        .recordPostalEvent.status,
    ).toBe('IN_TRANSIT');
    expect(
      (await platform.ok(postal, { t, e: { status: 'DELIVERED', at: at(3) } }, platform.courierCredential))
        .recordPostalEvent.status,
    ).toBe('DELIVERED');
    expect(
      (await platform.ok(postal, { t, e: { status: 'DELIVERED', at: at(3) } }, platform.courierCredential))
        .recordPostalEvent.status,
    ).toBe('DELIVERED');
    expect(
      (await platform.graphql(postal, { t, e: { status: 'RETURNED' } }, platform.courierCredential)).errors?.[0]
        .extensions?.code,
    ).toBe('CONFLICT');
    expect(await published(dossier.id, 'ResultReturned')).toEqual([expect.objectContaining({ method: 'POST' })]);
    expect((await deliveryOf(dossier.id)).postalEvents.map((e: { status: string }) => e.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'IN_TRANSIT',
      'DELIVERED',
      'DELIVERED',
    ]);
  });

  it('POST: a parcel that comes back waits READY at the counter, the applicant is told, and picks it up there', async () => {
    const dossier = await submit('POST');
    await decide(dossier);
    const { trackingNumber: t } = await waitFor(
      async () => {
        const d = await deliveryOf(dossier.id);
        return d.status === 'BOOKED' ? d : null;
      },
      { what: 'the shipment booked' },
    );
    await platform.ok(postal, { t, e: { status: 'IN_TRANSIT' } }, platform.courierCredential);
    const back = (
      await platform.ok(
        postal,
        { t, e: { status: 'RETURNED', note: 'Người nhận vắng nhà' } },
        platform.courierCredential,
      )
    ).recordPostalEvent;
    expect(back).toEqual({ method: 'POST', status: 'READY', trackingNumber: t });
    expect(await published(dossier.id, 'ResultReturned')).toEqual([]);
    const told = await sentNotifications(dossier.id, 'PARCEL_RETURNED');
    expect(told).toMatchObject({ status: 'READY', counterFallback: true });
    expect(mailsTo(dossier.code).find((m) => m.subject.includes('không phát được'))?.text).toContain('quầy một cửa');

    const { confirmPickup } = await platform.ok(
      `mutation($id: ID!) { confirmPickup(dossierId: $id) { status nationalStatusCode delivery { method status } } }`,
      { id: dossier.id },
      officer,
    );
    expect(confirmPickup).toEqual({
      status: 'RETURNED',
      nationalStatusCode: 10,
      delivery: { method: 'POST', status: 'PICKED_UP' },
    });
  });

  it('ONLINE: the applicant downloads the result through a signed link; the first download returns the dossier', async () => {
    const dossier = await submit('ONLINE');
    const content = Buffer.from(`%PDF-1.4 kết quả ${dossier.code}`);
    await decide(dossier, content);
    const ready = await sentNotifications(dossier.id, 'RESULT_READY');
    expect(ready.status).toBe('READY');
    const mailed = mailsTo(dossier.code).find((m) => m.subject.includes('đã có kết quả'))!;
    expect(mailed.text).toMatch(/\/delivery\/results\//);

    const stranger = await platform.token({ role: 'CITIZEN', identityNumber: '046090099998' });
    const peek = await platform.graphql(
      `query($id: ID!) { dossier(id: $id) { delivery { downloadUrl } } }`,
      { id: dossier.id },
      stranger,
    );
    expect(peek.data?.dossier?.delivery?.downloadUrl ?? null).toBeNull();
    const url: string = (await deliveryOf(dossier.id, dossier.citizen)).downloadUrl;
    expect(url).toMatch(/^\/delivery\/results\/.+expires=\d+&signature=[0-9a-f]{64}$/);

    // Change the signature's first character to one it is not, whatever it was.
    const tampered = await fetch(
      platform.url + url.replace(/signature=(.)/, (_m: string, c: string) => `signature=${c === '0' ? '1' : '0'}`),
    );
    expect(tampered.status).toBe(403);
    const expired = await fetch(
      platform.url + linkPath(signLink(deps.links.secret, dossier.id, new Date(Date.now() - 1000))),
    );
    expect(expired.status).toBe(410);
    expect((await deliveryOf(dossier.id)).status).toBe('READY');

    const first = await fetch(platform.url + url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(content);
    expect((await deliveryOf(dossier.id)).status).toBe('DOWNLOADED');
    const again = await fetch(platform.url + url);
    expect(again.status).toBe(200);
    expect(await published(dossier.id, 'ResultReturned')).toEqual([expect.objectContaining({ method: 'ONLINE' })]);
    await sentNotifications(dossier.id, 'RETURNED');
  });

  it('ONLINE: content that no longer matches its hash is never served and the dossier is not returned', async () => {
    const dossier = await submit('ONLINE');
    const blob = (await decide(dossier, Buffer.from(`%PDF-1.4 bản gốc ${dossier.code}`)))!;
    await waitFor(async () => (await deliveryOf(dossier.id)).status === 'READY', { what: 'result ready' });
    writeFileSync(
      join(platform.dataDir, 'blobs', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256),
      'bị sửa đổi',
    );
    const url: string = (await deliveryOf(dossier.id, dossier.citizen)).downloadUrl;
    const res = await fetch(platform.url + url);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('bị sửa đổi');
    expect((await deliveryOf(dossier.id)).status).toBe('READY');
    expect(await published(dossier.id, 'ResultReturned')).toEqual([]);
  });

  it('a notification that failed every attempt stays listed for ADMIN and can be resent', async () => {
    sms().unreachable.add('0912000111');
    const dossier = await submit('COUNTER', { email: null, phone: '0912000111' });
    const failed = `query { failedNotifications { id dossierCode kind channel status recipient attempts lastError } }`;
    const listed = await waitFor(
      async () =>
        (await platform.ok(failed, {}, admin)).failedNotifications.find(
          (n: { dossierCode: string }) => n.dossierCode === dossier.code,
        ),
      { what: 'the failed notification listed' },
    );
    expect(listed).toMatchObject({
      kind: 'RECEIVED',
      channel: 'SMS',
      status: 'FAILED',
      recipient: '09*****111',
      attempts: 3,
      lastError: expect.stringContaining('unavailable'),
    });
    expect((await deliveryOf(dossier.id)).notifications).toEqual([
      { kind: 'RECEIVED', channel: 'SMS', status: 'FAILED' },
    ]);
    expect((await platform.graphql(failed, {}, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    sms().unreachable.delete('0912000111');
    const resend = `mutation($id: ID!) { resendNotification(id: $id) { id status } }`;
    expect((await platform.ok(resend, { id: listed.id }, admin)).resendNotification).toEqual({
      id: listed.id,
      status: 'QUEUED',
    });
    await sentNotifications(dossier.id, 'RECEIVED', 1);
    expect(sms().sent.filter((s) => s.id === listed.id)).toHaveLength(1);
    expect((await platform.graphql(resend, { id: listed.id }, admin)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(
      (await platform.ok(failed, {}, admin)).failedNotifications.some((n: { id: string }) => n.id === listed.id),
    ).toBe(false);
  });

  it('through the real flow: processing decides, delivery returns the result, processing shows the dossier returned (10)', async () => {
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-02',
          name: 'Cấp Phiếu lý lịch tư pháp số 2',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 200000,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    await platform.ok(
      `mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode } }`,
      {
        input: {
          procedureCode: 'LLTP-02',
          steps: [
            { code: 'RECEIVE', name: 'Tiếp nhận, chuyển hồ sơ', role: 'INTAKE_OFFICER', durationHours: 4 },
            { code: 'SIGN', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
          ],
        },
      },
      admin,
    );
    const leader = await platform.token({ role: 'LEADER', centre: 'H57' });
    const status = `query($id: ID!) { dossier(id: $id) { status nationalStatusCode delivery { status } } }`;

    const decideForReal = async (dossier: { id: string }, content: Buffer) => {
      await waitFor(async () => (await platform.ok(status, { id: dossier.id }, admin)).dossier.status === 'RECEIVED', {
        what: 'processing to receive',
      });
      await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: dossier.id }, officer);
      await platform.ok(
        `mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`,
        {
          input: {
            dossierId: dossier.id,
            decision: 'APPROVED',
            result: {
              documentType: 'PHIEU_LLTP',
              title: 'Phiếu lý lịch tư pháp số 2',
              upload: { fileName: 'lltp.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') },
            },
          },
        },
        leader,
      );
      return waitFor(
        async () => {
          const d = (await platform.ok(status, { id: dossier.id }, admin)).dossier;
          return d.delivery.status === 'READY' ? d : null;
        },
        { what: 'the result ready' },
      );
    };
    const returned = (id: string) =>
      waitFor(
        async () => {
          const d = (await platform.ok(status, { id }, admin)).dossier;
          return d.nationalStatusCode === 10 ? d : null;
        },
        { what: 'processing to apply ResultReturned' },
      );

    const atCounter = await submit('COUNTER', {}, 'LLTP-02');
    expect(await decideForReal(atCounter, Buffer.from('%PDF-1.4 tại quầy'))).toMatchObject({
      status: 'RESOLVED',
      nationalStatusCode: 9,
    });
    await platform.ok(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`, { id: atCounter.id }, officer);
    expect(await returned(atCounter.id)).toEqual({
      status: 'RETURNED',
      nationalStatusCode: 10,
      delivery: { status: 'PICKED_UP' },
    });

    const online = await submit('ONLINE', {}, 'LLTP-02');
    const content = Buffer.from('%PDF-1.4 kết quả trực tuyến, do processing lưu');
    await decideForReal(online, content);
    const url: string = (await deliveryOf(online.id, online.citizen)).downloadUrl;
    const res = await fetch(platform.url + url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(content);
    expect(await returned(online.id)).toEqual({
      status: 'RETURNED',
      nationalStatusCode: 10,
      delivery: { status: 'DOWNLOADED' },
    });
  });

  it('500 notifications queued while the worker stops and restarts are each sent exactly once', async () => {
    const worker = deps.notificationWorker!;
    const realMailer = mailer();
    // A slower SMTP server, so that the stop lands in the middle of the work.
    deps.mailer = {
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 10));
        await realMailer.send(m);
      },
    };
    try {
      await worker.close();
      const consumer = platform.services.delivery.consumer!;
      const dossierIds: string[] = [];
      for (let i = 0; i < 500; i++) {
        const dossierId = randomUUID();
        dossierIds.push(dossierId);
        const payload: DossierSubmittedV1 = {
          dossierId,
          code: `H57-260305-${String(5000 + i)}`,
          status: 2,
          channel: 'COUNTER',
          submittedAt: new Date().toISOString(),
          receivedAt: new Date().toISOString(),
          receptionDay: '2026-03-05',
          dueAt: new Date().toISOString(),
          procedure: {
            id: randomUUID(),
            code: 'LLTP-01',
            name: 'Cấp Phiếu lý lịch tư pháp',
            sector: 'Tư pháp',
            version: 1,
            processingTime: { amount: 10, unit: 'WORKING_DAYS' },
          },
          receivingCentre: { id: centre.id, code: 'H57', level: 'PROVINCE' },
          applicant: {
            id: randomUUID(),
            kind: 'CITIZEN',
            identityNumber: '046090001234',
            fullName: 'Lê Thị Cúc',
            phone: null,
            email: `bulk${i}@example.vn`,
          },
          delivery: { method: 'COUNTER', address: null },
        };
        await consumer.apply({ data: envelope('DossierSubmitted', dossierId, payload, 'intake') });
      }
      const counts = async () => {
        const rows: Array<{ status: string; n: string }> = await platform.services.delivery.db.query(
          `SELECT status, count(*) AS n FROM notification WHERE dossier_id = ANY($1::uuid[]) GROUP BY status`,
          [dossierIds],
        );
        return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      };
      expect(await counts()).toEqual({ QUEUED: 500 });

      worker.start();
      await waitFor(async () => ((await counts()).SENT ?? 0) >= 100, { what: '100 sent' });
      await worker.close();
      const atStop = await counts();
      expect(atStop.QUEUED).toBeGreaterThan(0);

      // A job run again after a crash (its SENT already recorded) sends nothing.
      const [sentOne] = await platform.services.delivery.db.query(
        `SELECT id FROM notification WHERE dossier_id = ANY($1::uuid[]) AND status = 'SENT' LIMIT 1`,
        [dossierIds],
      );
      expect(
        await worker.process({
          data: { notificationId: sentOne.id },
          attemptsMade: 0,
          opts: { attempts: 3 },
          timestamp: Date.now(),
          moveToDelayed: async () => undefined,
        }),
      ).toBe('already sent');

      worker.start();
      await waitFor(async () => (await counts()).SENT === 500, { what: 'all 500 sent', timeoutMs: 60_000 });
      const ids: Array<{ id: string }> = await platform.services.delivery.db.query(
        `SELECT id FROM notification WHERE dossier_id = ANY($1::uuid[])`,
        [dossierIds],
      );
      const perId = new Map<string, number>();
      for (const m of realMailer.sent) perId.set(m.id, (perId.get(m.id) ?? 0) + 1);
      expect(ids.map((r) => perId.get(r.id) ?? 0)).toEqual(new Array(500).fill(1));
    } finally {
      deps.mailer = realMailer;
      if (!worker.running) worker.start();
    }
  }, 120_000);
});
