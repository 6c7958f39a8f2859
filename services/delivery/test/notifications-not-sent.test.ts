import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { mailerFromEnv, NodemailerMailer } from '../src/notifications/mailer';
import { NotSentError, RECENT_KEPT } from '../src/notifications/record';
import { RecordingSmsSender, smsSenderFromEnv } from '../src/notifications/sms';

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg),
  };
}

const PRODUCTION = { NODE_ENV: 'production' };
const sms = { id: 'n-1', to: '0905123456', text: 'Hồ sơ đã được tiếp nhận' };
const mail = { id: 'n-2', to: 'an@example.vn', subject: 'Hồ sơ', text: 'Hồ sơ đã được tiếp nhận' };

describe('notifications without a transport: never claimed as sent', () => {
  it('production without an SMS gateway starts with a warning and refuses every SMS as not sent', async () => {
    const { logger, warnings } = capturedLogger();
    const sender = smsSenderFromEnv(PRODUCTION, join(mkdtempSync(join(tmpdir(), 'sms-')), 'sent.jsonl'), logger);
    expect(warnings()).toEqual([expect.stringMatching(/No SMS gateway is configured: SMS notifications are NOT sent/)]);
    await expect(sender.send(sms)).rejects.toEqual(new NotSentError('no SMS gateway is configured'));
  });

  it('SMS=off turns SMS off anywhere, without the warning; another value is refused at start', async () => {
    const { logger, warnings } = capturedLogger();
    await expect(
      smsSenderFromEnv({ ...PRODUCTION, SMS: 'off' }, '/nonexistent/sent.jsonl', logger).send(sms),
    ).rejects.toEqual(new NotSentError('SMS is off (SMS=off)'));
    await expect(smsSenderFromEnv({ SMS: 'off' }, '/nonexistent/sent.jsonl', logger).send(sms)).rejects.toBeInstanceOf(
      NotSentError,
    );
    expect(warnings()).toEqual([]);
    expect(() => smsSenderFromEnv({ SMS: 'on' }, '/nonexistent/sent.jsonl', logger)).toThrow(
      /SMS=on is not understood/,
    );
  });

  it('production without SMTP_URL starts with a warning and refuses every email as not sent', async () => {
    const { logger, warnings } = capturedLogger();
    const mailer = mailerFromEnv(PRODUCTION, '/nonexistent/sent.jsonl', logger);
    expect(warnings()).toEqual([expect.stringMatching(/SMTP_URL is unset: email notifications are NOT sent/)]);
    await expect(mailer.send(mail)).rejects.toBeInstanceOf(NotSentError);
  });

  it('outside production the development recorders write every message to their file and keep only the latest in memory', async () => {
    const { logger } = capturedLogger();
    const folder = mkdtempSync(join(tmpdir(), 'recorders-'));
    const recorder = smsSenderFromEnv({}, join(folder, 'sms', 'sent.jsonl'), logger) as RecordingSmsSender;
    const mailer = mailerFromEnv({}, join(folder, 'mail', 'sent.jsonl'), logger) as NodemailerMailer;
    expect(recorder).toBeInstanceOf(RecordingSmsSender);
    expect(mailer).toBeInstanceOf(NodemailerMailer);
    const total = RECENT_KEPT + 50;
    for (let i = 0; i < total; i++) {
      await recorder.send({ ...sms, id: `sms-${i}` });
      await mailer.send({ ...mail, id: `mail-${i}` });
    }
    mailer.close();
    for (const [kept, kind] of [
      [recorder.sent, 'sms'],
      [mailer.sent, 'mail'],
    ] as const) {
      expect(kept).toHaveLength(RECENT_KEPT);
      expect(kept[0].id).toBe(`${kind}-50`);
      expect(kept[kept.length - 1].id).toBe(`${kind}-${total - 1}`);
      const lines = readFileSync(join(folder, kind, 'sent.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(total);
    }
  });
});

describe('delivery in production without an SMS gateway or SMTP server, through the gateway', () => {
  let platform: TestPlatform;
  const saved = { ...process.env };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    // Delivery alone restarts as deployed, with neither SMTP_URL nor an SMS gateway; it reads its configuration when it starts.
    await platform.stopService('delivery');
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DOWNLOAD_LINK_SECRET: 'a-secret-for-this-test',
      LOG_LEVEL: 'silent',
    });
    delete process.env.SMTP_URL;
    delete process.env.SMS;
    try {
      await platform.startService('delivery');
    } finally {
      for (const key of ['NODE_ENV', 'DOWNLOAD_LINK_SECRET', 'LOG_LEVEL']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('marks the reception notifications NOT_SENT with the reason, never SENT, and records nothing', async () => {
    const fixtures = new Fixtures(platform);
    const centre = await fixtures.centre({ code: 'H57' });
    const procedure = await fixtures.procedure();
    const admin = await fixtures.admin('H57');
    await waitFor(
      async () => (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 1,
      { what: 'delivery to know the centre' },
    );
    const dossier = await fixtures.receiveDossier({ centre, procedureCode: procedure.code });

    const notifications = await waitFor(
      async () => {
        const { dossier: d } = await platform.ok(
          `query($id: ID!) { dossier(id: $id) { delivery { notifications { kind channel status lastError sentAt } } } }`,
          { id: dossier.id },
          admin,
        );
        const received = (d?.delivery?.notifications ?? []).filter(
          (n: { kind: string; status: string }) => n.kind === 'RECEIVED' && n.status !== 'QUEUED',
        );
        return received.length === 2 ? received : null;
      },
      { what: 'the reception notifications to be settled' },
    );
    expect(notifications).toEqual(
      expect.arrayContaining([
        {
          kind: 'RECEIVED',
          channel: 'SMS',
          status: 'NOT_SENT',
          lastError: 'no SMS gateway is configured',
          sentAt: null,
        },
        {
          kind: 'RECEIVED',
          channel: 'EMAIL',
          status: 'NOT_SENT',
          lastError: 'no SMTP server is configured (SMTP_URL)',
          sentAt: null,
        },
      ]),
    );
    expect(existsSync(join(platform.dataDir, 'sms', 'sent.jsonl'))).toBe(false);
    expect(existsSync(join(platform.dataDir, 'mail', 'sent.jsonl'))).toBe(false);
  });
});
