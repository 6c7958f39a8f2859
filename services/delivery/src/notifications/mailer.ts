import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** The notification id: also the Message-ID, so a receiving server can drop a duplicate. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface RecordedMail extends OutgoingMail {
  sentAt: string;
}

/**
 * Email over SMTP with nodemailer. Without SMTP_URL (development and tests) it uses nodemailer's
 * JSON transport, which builds the message without sending it, and records every message in
 * memory and in a JSON-lines file (`<dataDir>/mail/sent.jsonl`) for a developer to read.
 */
export class NodemailerMailer implements Mailer {
  readonly sent: RecordedMail[] = [];
  private readonly transport: Transporter;
  private readonly development: boolean;
  /** Development and tests: recipients whose messages fail, as if unreachable. */
  readonly unreachable = new Set<string>();

  constructor(private readonly opts: { smtpUrl?: string; from: string; recordFile?: string }) {
    this.development = !opts.smtpUrl;
    this.transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.unreachable.has(mail.to)) {
      throw new Error('SMTP server unavailable (simulated)');
    }
    await this.transport.sendMail({
      from: this.opts.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@onestop.local>`,
    });
    if (this.development) await this.record({ ...mail, sentAt: new Date().toISOString() });
  }

  private async record(mail: RecordedMail): Promise<void> {
    this.sent.push(mail);
    if (this.opts.recordFile) {
      await mkdir(dirname(this.opts.recordFile), { recursive: true });
      await appendFile(this.opts.recordFile, `${JSON.stringify(mail)}\n`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
