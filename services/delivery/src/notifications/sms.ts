import type { Logger } from 'pino';
import { MessageRecord, NoTransport } from './record';

export interface OutgoingSms {
  /** The notification id, for providers that deduplicate by client reference. */
  id: string;
  to: string;
  text: string;
}

/** An SMS gateway (a telecom's brandname SMS API in production). */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}

export interface RecordedSms extends OutgoingSms {
  sentAt: string;
}

/** Development and tests: records each message in `<dataDir>/sms/sent.jsonl` (and the latest in memory). */
export class RecordingSmsSender implements SmsSender {
  private readonly record: MessageRecord<RecordedSms>;
  /** Development and tests: recipients whose messages fail, as if unreachable. */
  readonly unreachable = new Set<string>();

  constructor(recordFile?: string, keep?: number) {
    this.record = new MessageRecord(recordFile, keep);
  }

  /** The latest messages recorded, oldest first. */
  get sent(): readonly RecordedSms[] {
    return this.record.sent;
  }

  async send(sms: OutgoingSms): Promise<void> {
    if (this.unreachable.has(sms.to)) {
      throw new Error('SMS gateway unavailable (simulated)');
    }
    await this.record.add({ ...sms, sentAt: new Date().toISOString() });
  }
}

/**
 * SMS as configured (read once at start). No SMS gateway adapter is configured in this release:
 * outside production the development recorder writes messages down; in production nothing would
 * send them, so each SMS notification is marked NOT_SENT (never SENT) and the service says so when
 * it starts. `SMS=off` turns SMS off anywhere, without the warning.
 */
export function smsSenderFromEnv(env: NodeJS.ProcessEnv, recordFile: string, logger: Pick<Logger, 'warn' | 'info'>): SmsSender {
  if (env.SMS === 'off') {
    logger.info('SMS is off (SMS=off): SMS notifications are marked NOT_SENT');
    return new NoTransport('SMS is off (SMS=off)');
  }
  if (env.SMS) throw new Error(`SMS=${env.SMS} is not understood; the only setting is SMS=off`);
  if (env.NODE_ENV === 'production') {
    logger.warn('No SMS gateway is configured: SMS notifications are NOT sent and are marked NOT_SENT (set SMS=off to turn SMS off)');
    return new NoTransport('no SMS gateway is configured');
  }
  return new RecordingSmsSender(recordFile);
}
