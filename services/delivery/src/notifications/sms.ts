import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

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

/** Development and tests: records each message in memory and in `<dataDir>/sms/sent.jsonl`. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: RecordedSms[] = [];
  /** Development and tests: recipients whose messages fail, as if unreachable. */
  readonly unreachable = new Set<string>();

  constructor(private readonly recordFile?: string) {}

  async send(sms: OutgoingSms): Promise<void> {
    if (this.unreachable.has(sms.to)) {
      throw new Error('SMS gateway unavailable (simulated)');
    }
    const recorded = { ...sms, sentAt: new Date().toISOString() };
    this.sent.push(recorded);
    if (this.recordFile) {
      await mkdir(dirname(this.recordFile), { recursive: true });
      await appendFile(this.recordFile, `${JSON.stringify(recorded)}\n`);
    }
  }
}
