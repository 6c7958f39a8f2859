import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedCourier } from '../courier/courier';
import { NodemailerMailer } from './mailer';
import { RecordingSmsSender } from './sms';

const folder = (name: string) => join(mkdtempSync(join(tmpdir(), `${name}-`)), name);
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('development receivers drop a message handed over again under the same key, as real providers do', () => {
  it('SMS: accepted once, also by another process sharing the record, also when both hand it over at once', async () => {
    const dir = folder('sms');
    const one = new RecordingSmsSender(join(dir, 'sent.jsonl'));
    const other = new RecordingSmsSender(join(dir, 'sent.jsonl'));
    const sms = { id: 'a6c4e3f2-1111-4222-8333-444455556666', to: '0905123456', text: 'Ho so da duoc tiep nhan' };
    await one.send(sms);
    await one.send(sms);
    await other.send(sms);
    await Promise.all([one.send({ ...sms, id: 'n-2' }), other.send({ ...sms, id: 'n-2' })]);
    expect(lines(join(dir, 'sent.jsonl')).map((l) => JSON.parse(l).id)).toEqual([sms.id, 'n-2']);
    expect(readdirSync(join(dir, 'accepted')).sort()).toEqual([`${sms.id}.json`, 'n-2.json']);
    expect(lines(join(dir, 'dropped.jsonl'))).toHaveLength(3);
    expect(one.sent.length + other.sent.length).toBe(2);
  });

  it('SMS without a record file (tests): in memory', async () => {
    const recorder = new RecordingSmsSender();
    await recorder.send({ id: 'k', to: '0905123456', text: 'x' });
    await recorder.send({ id: 'k', to: '0905123456', text: 'x' });
    expect(recorder.sent).toHaveLength(1);
    expect(recorder.dropped).toBe(1);
  });

  it('mail: accepted once per Message-ID', async () => {
    const dir = folder('mail');
    const mailer = new NodemailerMailer({ from: 'no-reply@onestop.local', recordFile: join(dir, 'sent.jsonl') });
    const mail = { id: 'm-1', to: 'an@example.vn', subject: 'Hồ sơ', text: 'Đã tiếp nhận' };
    await mailer.send(mail);
    await mailer.send(mail);
    const restarted = new NodemailerMailer({ from: 'no-reply@onestop.local', recordFile: join(dir, 'sent.jsonl') });
    await restarted.send(mail);
    mailer.close();
    restarted.close();
    expect(lines(join(dir, 'sent.jsonl'))).toHaveLength(1);
    expect(mailer.dropped).toBe(1);
  });

  it('courier: a booking repeated under the same dossier id books one parcel, with the same tracking number', async () => {
    const dir = folder('courier');
    const request = {
      reference: 'a6c4e3f2-1111-4222-8333-444455556666',
      dossierCode: 'H57-260305-0001',
      recipientName: 'Nguyễn Văn An',
      recipientPhone: null,
      address: '12 Lê Lợi, Huế',
    };
    const courier = new SimulatedCourier(0, join(dir, 'bookings.jsonl'));
    const first = await courier.book(request);
    expect(await courier.book(request)).toEqual(first);
    expect(await new SimulatedCourier(0, join(dir, 'bookings.jsonl')).book(request)).toEqual(first);
    expect(courier.bookings).toHaveLength(1);
    expect(lines(join(dir, 'bookings.jsonl'))).toHaveLength(1);
  });
});
