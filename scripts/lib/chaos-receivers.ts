/**
 * The chaos audit of what went out to the world: what the development receivers (mail and SMS
 * recorders, services/delivery/src/notifications/record.ts) accepted, against the notifications.
 * A receiver drops a message handed over again under a key it accepted, as real providers do, so
 * a worker killed between handing over and recording is no duplicate. What still is one: the same
 * message accepted under two keys (a sender that does not reuse its key), a key that is no
 * notification of the channel, or a notification SENT that its receiver never accepted (loss).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notificationOfKey } from '../../services/delivery/src/domain/idempotency';

export interface AcceptedMessage {
  key: string;
  message: { to: string; subject?: string; text: string };
}

export interface ReceiverRecord {
  accepted: AcceptedMessage[];
  /** Repeats of an accepted key that the receiver dropped. */
  dropped: number;
}

/** A development receiver's folder: one file per accepted key under `accepted/`, and `dropped.jsonl`. */
export function readReceiver(folder: string): ReceiverRecord {
  const dir = join(folder, 'accepted');
  const accepted = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AcceptedMessage)
    : [];
  const droppedFile = join(folder, 'dropped.jsonl');
  const dropped = existsSync(droppedFile) ? readFileSync(droppedFile, 'utf8').split('\n').filter(Boolean).length : 0;
  return { accepted, dropped };
}

/** Problems with what one channel's receiver accepted, given every notification's id, channel and status. */
export function receiverProblems(
  label: string,
  channel: string,
  record: ReceiverRecord,
  notifications: ReadonlyArray<{ id: string; channel: string; status: string }>,
): string[] {
  const problems: string[] = [];
  const byId = new Map(notifications.map((n) => [n.id, n]));
  const byContent = new Map<string, string[]>();
  for (const { key, message } of record.accepted) {
    const n = byId.get(notificationOfKey(key));
    if (!n || n.channel !== channel)
      problems.push(`${label}: accepted a message under key ${key}, which is no ${channel} notification`);
    const content = JSON.stringify([message.to, message.subject ?? null, message.text]);
    byContent.set(content, [...(byContent.get(content) ?? []), key]);
  }
  const twice = [...byContent.values()].filter((keys) => keys.length > 1).map((keys) => keys.sort());
  if (twice.length)
    problems.push(
      `${twice.length} ${label} messages sent twice (accepted under different keys, e.g. ${twice[0].join(', ')})`,
    );
  const acceptedIds = new Set(record.accepted.map((m) => notificationOfKey(m.key)));
  const lost = notifications.filter((n) => n.channel === channel && n.status === 'SENT' && !acceptedIds.has(n.id));
  if (lost.length)
    problems.push(`${lost.length} ${channel} notifications SENT that the receiver never accepted (e.g. ${lost[0].id})`);
  return problems;
}
