import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import type { DeliveryDeps } from '@onestop/delivery';
import { PermanentRefusal, Throttled } from '../src/notifications/record';
import { HttpSmsGateway, RecordingSmsSender, smsGatewayConfig, smsSenderFromEnv } from '../src/notifications/sms';
import { LocalSmsProvider } from './sms-provider';

const API_KEY = 'sms-key-123';
const quiet = pino({ level: 'silent' });

describe('brandname SMS gateway adapter, against a local provider', () => {
  let provider: LocalSmsProvider;
  let gateway: HttpSmsGateway;
  beforeAll(async () => {
    provider = await new LocalSmsProvider(API_KEY).start();
    gateway = new HttpSmsGateway({ url: provider.url, brandname: 'TTHCC-HUE', apiKey: API_KEY });
  });
  afterAll(() => provider.stop());

  it('sends from the brandname to the 84… number, and a message handed over twice with the same key is accepted once', async () => {
    const first = await gateway.send({ id: 'n-100', to: '0905123456', text: 'Ho so da duoc tiep nhan' });
    const again = await gateway.send({ id: 'n-100', to: '0905123456', text: 'Ho so da duoc tiep nhan' });
    expect(again).toEqual(first);
    expect(provider.accepted.filter((m) => m.key === 'n-100')).toEqual([
      expect.objectContaining({
        from: 'TTHCC-HUE',
        to: '84905123456',
        text: 'Ho so da duoc tiep nhan',
        clientReference: 'n-100',
      }),
    ]);
    expect(provider.requests.filter((r) => r.key === 'n-100')).toHaveLength(2);
  });

  it('tells throttling (with its Retry-After), failures worth retrying and refusals apart', async () => {
    provider.script.set('84900000001', [{ status: 429, retryAfter: '2' }, { status: 503 }, { status: 422 }]);
    const sms = { id: 'n-101', to: '0900000001', text: 'x' };
    const throttled = await gateway.send(sms).catch((e) => e);
    expect(throttled).toBeInstanceOf(Throttled);
    expect(throttled.retryAfterMs).toBe(2000);
    const busy = await gateway.send(sms).catch((e) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(PermanentRefusal);
    expect(busy).not.toBeInstanceOf(Throttled);
    await expect(gateway.send(sms)).rejects.toBeInstanceOf(PermanentRefusal);
    await expect(
      new HttpSmsGateway({ url: provider.url, brandname: 'TTHCC-HUE', apiKey: 'wrong' }).send(sms),
    ).rejects.toBeInstanceOf(PermanentRefusal);
    expect(provider.accepted.filter((m) => m.key === 'n-101')).toEqual([]);
  });

  it('reads delivery receipts', async () => {
    provider.receipts.set('84900000002', { status: 'UNDELIVERED', error: 'subscriber unknown' });
    const { providerMessageId } = await gateway.send({ id: 'n-102', to: '0900000002', text: 'x' });
    expect(await gateway.receipt(providerMessageId!)).toEqual({
      outcome: 'UNDELIVERED',
      detail: 'UNDELIVERED: subscriber unknown',
    });
    const ok = await gateway.send({ id: 'n-103', to: '0905123456', text: 'x' });
    expect((await gateway.receipt(ok.providerMessageId!)).outcome).toBe('DELIVERED');
  });

  it('reads its configuration once, and refuses one that cannot work with the reason', () => {
    const env = { SMS_GATEWAY_URL: 'https://sms.example.vn/api', SMS_BRANDNAME: 'TTHCC-HUE', SMS_GATEWAY_API_KEY: 'k' };
    expect(smsSenderFromEnv({ ...env, NODE_ENV: 'production' }, '/nonexistent', quiet)).toBeInstanceOf(HttpSmsGateway);
    expect(
      smsGatewayConfig({ ...env, SMS_GATEWAY_API_KEY: '', SMS_GATEWAY_USERNAME: 'centre', SMS_GATEWAY_PASSWORD: 'p' }),
    ).toEqual({ url: env.SMS_GATEWAY_URL, brandname: 'TTHCC-HUE', username: 'centre', password: 'p' });
    expect(() => smsGatewayConfig({ ...env, SMS_GATEWAY_URL: 'sms.example.vn' })).toThrow(/is not a URL/);
    expect(() => smsGatewayConfig({ ...env, SMS_BRANDNAME: undefined })).toThrow(/SMS_BRANDNAME is empty/);
    expect(() => smsGatewayConfig({ ...env, SMS_BRANDNAME: 'TRUNGTAMHCCHUE' })).toThrow(/longer than 11/);
    expect(() => smsGatewayConfig({ ...env, SMS_GATEWAY_API_KEY: undefined })).toThrow(/without credentials/);
    expect(() => smsGatewayConfig({ ...env, SMS_GATEWAY_TIMEOUT_MS: 'soon' })).toThrow(/SMS_GATEWAY_TIMEOUT_MS/);
    expect(smsSenderFromEnv({}, '/nonexistent', quiet)).toBeInstanceOf(RecordingSmsSender);
  });
});

/** Read by delivery when it starts: fast retries and receipts, the gateway on the local provider. */
const ENV = {
  NOTIFICATION_ATTEMPTS: '3',
  NOTIFICATION_BACKOFF_MS: '50',
  SMS_RECEIPT_POLL_SECONDS: '0.2',
  SMS_BRANDNAME: 'TTHCC-HUE',
  SMS_GATEWAY_API_KEY: API_KEY,
};

describe('SMS notifications through the gateway (real PostgreSQL and Redis)', () => {
  let platform: TestPlatform;
  let provider: LocalSmsProvider;
  let deps: DeliveryDeps;
  let admin: string;
  let officer: string;
  let centreId: string;
  let applicants = 0;

  beforeAll(async () => {
    provider = await new LocalSmsProvider(API_KEY).start();
    Object.assign(process.env, ENV, { SMS_GATEWAY_URL: provider.url });
    platform = await TestPlatform.start();
    deps = platform.services.delivery.deps;
    admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57' });
    ({
      createCentre: { id: centreId },
    } = await platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id } }`,
      { input: { code: 'H57', name: 'Trung tâm PVHCC tỉnh Thừa Thiên Huế', level: 'PROVINCE' } },
      admin,
    ));
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-01',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 0,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    await waitFor(
      async () => (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 1,
      { what: 'centre replica' },
    );
  });
  afterAll(async () => {
    await platform?.stop();
    await provider?.stop();
    for (const key of [...Object.keys(ENV), 'SMS_GATEWAY_URL']) delete process.env[key];
  });

  /** A dossier received for an applicant with this phone (and no email): its RECEIVED SMS notification's row. */
  async function receivedSms(phone: string) {
    applicants += 1;
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id } }`,
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId,
          channel: 'COUNTER',
          delivery: { method: 'COUNTER' },
          applicant: {
            kind: 'CITIZEN',
            identityNumber: `0460900${String(20000 + applicants).slice(-5)}`,
            fullName: 'Nguyễn Văn An',
            phone,
            email: null,
          },
        },
      },
      officer,
    );
    return waitFor(
      async () => {
        const [n] = await platform.services.delivery.db.query(
          `SELECT * FROM notification WHERE dossier_id = $1 AND channel = 'SMS' AND kind = 'RECEIVED'`,
          [submitDossier.id],
        );
        return n ?? null;
      },
      { what: 'the RECEIVED SMS notification' },
    );
  }

  const row = async (id: string) =>
    (await platform.services.delivery.db.query(`SELECT * FROM notification WHERE id = $1`, [id]))[0];
  const settled = (id: string, status: string) =>
    waitFor(
      async () => {
        const n = await row(id);
        return n.status === status ? n : null;
      },
      { what: `notification ${status}`, timeoutMs: 20_000 },
    );
  const failedNotifications = async () =>
    (await platform.ok(`{ failedNotifications { id status lastError channel } }`, {}, admin)).failedNotifications;

  it('sends through the gateway once, keeps its message id and records the delivery receipt', async () => {
    const n = await receivedSms('0905000001');
    const sent = await settled(n.id, 'SENT');
    expect(provider.accepted.filter((m) => m.key === n.id)).toEqual([
      expect.objectContaining({ from: 'TTHCC-HUE', to: '84905000001', text: n.body }),
    ]);
    expect(sent.provider_message_id).toMatch(/^M\d+$/);
    await waitFor(async () => (await row(n.id)).delivered_at !== null, { what: 'the delivery receipt' });
  });

  it('waits as long as a throttling gateway asks, without spending an attempt, and retries a server error', async () => {
    provider.script.set('84905000002', [{ status: 429, retryAfter: '1' }, { status: 503 }]);
    const n = await receivedSms('0905000002');
    const sent = await settled(n.id, 'SENT');
    const requests = provider.requests.filter((r) => r.key === n.id);
    expect(requests.map((r) => r.status)).toEqual([429, 503, 202]);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(900);
    expect(sent.attempts).toBe(2); // the 503 and the success; the 429 spent none
  });

  it('marks a refused message FAILED at once, for the administrators to see', async () => {
    provider.script.set('84905000003', [{ status: 400 }]);
    const n = await receivedSms('0905000003');
    const failed = await settled(n.id, 'FAILED');
    expect(failed.attempts).toBe(1);
    expect(provider.requests.filter((r) => r.key === n.id)).toHaveLength(1);
    expect(await failedNotifications()).toContainEqual({
      id: n.id,
      status: 'FAILED',
      channel: 'SMS',
      lastError: expect.stringMatching(/SMS gateway answered 400/),
    });
  });

  it('turns a message the receipt says never arrived FAILED; a resend is a new message to the gateway', async () => {
    provider.receipts.set('84905000004', { status: 'UNDELIVERED', error: 'subscriber unknown' });
    const n = await receivedSms('0905000004');
    await settled(n.id, 'FAILED');
    expect(await failedNotifications()).toContainEqual({
      id: n.id,
      status: 'FAILED',
      channel: 'SMS',
      lastError: expect.stringMatching(/undelivered \(UNDELIVERED: subscriber unknown\)/),
    });
    provider.receipts.delete('84905000004');
    await platform.ok(`mutation($id: ID!) { resendNotification(id: $id) { id } }`, { id: n.id }, admin);
    await waitFor(async () => (await row(n.id)).delivered_at !== null, { what: 'the resent message delivered' });
    expect(provider.accepted.filter((m) => m.to === '84905000004').map((m) => m.key)).toEqual([n.id, `${n.id}.1`]);
  });

  describe('a worker that handed a message over and could not record it sends it again: the receiver accepts it once', () => {
    // The recording fails for real, in PostgreSQL: a trigger refuses the first SENT write of the marked recipients,
    // as if the worker had died between the hand-over and the write. The job runs again and hands the message over again.
    beforeAll(async () => {
      await platform.services.delivery.db.query(`
        CREATE TABLE crash_once (recipient text PRIMARY KEY);
        -- a sequence, because it is not rolled back with the failed write: the second try goes through
        CREATE SEQUENCE crash_count;
        CREATE FUNCTION crash_after_send() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'SENT' AND OLD.status <> 'SENT' AND EXISTS (SELECT 1 FROM crash_once WHERE recipient = NEW.recipient)
             AND nextval('crash_count') % 2 = 1 THEN
            RAISE EXCEPTION 'worker died before recording SENT (simulated)';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER crash_after_send BEFORE UPDATE ON notification FOR EACH ROW EXECUTE FUNCTION crash_after_send();
        INSERT INTO crash_once VALUES ('0905000005'), ('0905000006');`);
    });

    it('through the HTTP gateway', async () => {
      const n = await receivedSms('0905000005');
      await settled(n.id, 'SENT');
      expect(provider.requests.filter((r) => r.key === n.id)).toHaveLength(2);
      expect(provider.accepted.filter((m) => m.key === n.id)).toHaveLength(1);
    });

    it('through the development recorder, whose record other processes share', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'sms-record-'));
      const gateway = deps.sms;
      deps.sms = new RecordingSmsSender(join(folder, 'sent.jsonl'));
      try {
        const n = await receivedSms('0905000006');
        await settled(n.id, 'SENT');
        // a second recorder on the same folder, as a restarted worker process would have
        const restarted = new RecordingSmsSender(join(folder, 'sent.jsonl'));
        await restarted.send({ id: n.id, to: '0905000006', text: n.body });
        expect((deps.sms as RecordingSmsSender).sent.filter((m) => m.id === n.id)).toHaveLength(1);
        expect((deps.sms as RecordingSmsSender).dropped).toBe(1);
        expect(restarted.sent).toEqual([]);
        expect(restarted.dropped).toBe(1);
      } finally {
        deps.sms = gateway;
      }
    });
  });
});
