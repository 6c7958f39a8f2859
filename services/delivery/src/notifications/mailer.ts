import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { MessageRecord, NoTransport } from './record';

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
 * JSON transport, which builds the message without sending it, and records every message in a
 * JSON-lines file (`<dataDir>/mail/sent.jsonl`) for a developer to read (the latest also in memory),
 * dropping a message whose Message-ID (the notification id) it accepted before, as a receiving
 * server that deduplicates by Message-ID does (see record.ts).
 */
export class NodemailerMailer implements Mailer {
  private readonly record: MessageRecord<RecordedMail>;
  private readonly transport: Transporter;
  private readonly development: boolean;
  /** Development and tests: recipients whose messages fail, as if unreachable. */
  readonly unreachable = new Set<string>();

  constructor(private readonly opts: { smtpUrl?: string; from: string; recordFile?: string; keep?: number }) {
    this.development = !opts.smtpUrl;
    this.transport = opts.smtpUrl
      ? nodemailer.createTransport(opts.smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
    this.record = new MessageRecord(opts.recordFile, opts.keep);
  }

  /** Development: the latest messages recorded, oldest first. */
  get sent(): readonly RecordedMail[] {
    return this.record.sent;
  }

  /** Development: repeats of an accepted Message-ID that this recorder dropped. */
  get dropped(): number {
    return this.record.dropped;
  }

  async send(mail: OutgoingMail): Promise<void> {
    // Development only: `.invalid` is a top-level domain that never exists (RFC 2606), so a mail
    // server could never deliver there; it lets a demo or a browser test produce a failed notification.
    if (this.unreachable.has(mail.to) || (this.development && /\.invalid$/i.test(mail.to))) {
      throw new Error('SMTP server unavailable (simulated)');
    }
    await this.transport.sendMail({
      from: this.opts.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@onestop.local>`,
    });
    if (this.development) await this.record.add(mail.id, { ...mail, sentAt: new Date().toISOString() });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Email as configured (read once at start): SMTP at SMTP_URL; without it, the development recorder,
 * except in production, where a recorded message is not a sent one: each email notification is
 * marked NOT_SENT and the service says so when it starts.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv, recordFile: string, logger: Pick<Logger, 'warn'>): Mailer {
  const from = env.MAIL_FROM ?? 'Trung tâm Phục vụ hành chính công <no-reply@onestop.local>';
  if (env.SMTP_URL) return new NodemailerMailer({ smtpUrl: env.SMTP_URL, from });
  if (env.NODE_ENV === 'production') {
    logger.warn('SMTP_URL is unset: email notifications are NOT sent and are marked NOT_SENT');
    return new NoTransport('no SMTP server is configured (SMTP_URL)');
  }
  return new NodemailerMailer({ from, recordFile });
}
