/**
 * The chaos audit's check of what went out (scripts/lib/chaos-receivers.ts), on the development
 * recorders themselves: a message handed over twice under its key is no duplicate (the receiver
 * dropped it), the same message under two keys is one, and a SENT notification nobody accepted is a loss.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingSmsSender } from '../services/delivery/src/notifications/sms';
import { readReceiver, receiverProblems } from '../scripts/lib/chaos-receivers';

const A = 'a6c4e3f2-1111-4222-8333-444455556666';
const B = 'b6c4e3f2-1111-4222-8333-444455556666';
const message = { to: '0905123456', text: 'Ho so H57-261203-0001 da duoc tiep nhan.' };

describe('chaos audit of the receivers', () => {
  it('counts a message handed over again under its key once (the receiver dropped the repeat)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-sms-'));
    await new RecordingSmsSender(join(dir, 'sent.jsonl')).send({ id: A, ...message });
    await new RecordingSmsSender(join(dir, 'sent.jsonl')).send({ id: A, ...message }); // the worker restarted after a kill
    const record = readReceiver(dir);
    expect(record.accepted).toHaveLength(1);
    expect(record.dropped).toBe(1);
    expect(receiverProblems('sms', 'SMS', record, [{ id: A, channel: 'SMS', status: 'SENT' }])).toEqual([]);
  });

  it('still finds a real duplicate: the same notification accepted under two different keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-sms-'));
    const sender = new RecordingSmsSender(join(dir, 'sent.jsonl'));
    await sender.send({ id: A, ...message });
    await sender.send({ id: `${A}-retry`, ...message }); // a sender that made up a new key for its retry
    expect(receiverProblems('sms', 'SMS', readReceiver(dir), [{ id: A, channel: 'SMS', status: 'SENT' }])).toEqual([
      `sms: accepted a message under key ${A}-retry, which is no SMS notification`,
      `1 sms messages sent twice (accepted under different keys, e.g. ${A}, ${A}-retry)`,
    ]);
  });

  it('finds a notification claimed SENT that the receiver never accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-sms-'));
    await new RecordingSmsSender(join(dir, 'sent.jsonl')).send({ id: A, ...message });
    expect(
      receiverProblems('sms', 'SMS', readReceiver(dir), [
        { id: A, channel: 'SMS', status: 'SENT' },
        { id: B, channel: 'SMS', status: 'SENT' },
        { id: 'c', channel: 'SMS', status: 'NOT_SENT' },
      ]),
    ).toEqual([`1 SMS notifications SENT that the receiver never accepted (e.g. ${B})`]);
  });
});
