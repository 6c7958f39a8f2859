import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { SmsSender } from './sms';

/**
 * Delivery receipts of SMS, polled from the gateway (no inbound route for the provider to call,
 * which a province's data centre rarely opens): every `intervalMs`, the SENT messages with a
 * gateway id and no receipt yet, from the last `windowHours` (gateways keep receipts about that
 * long). DELIVERED sets `delivered_at`; an undeliverable one turns the notification FAILED, with the
 * gateway's reason, so that it shows in `failedNotifications` and an operator can resend it.
 * Replicas may poll the same rows: each update is conditional on the row still waiting.
 */
export class SmsReceiptPoller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly opts: {
      db: DataSource;
      sms: () => SmsSender;
      logger: Logger;
      intervalMs: number;
      windowHours?: number;
      batch?: number;
    },
  ) {}

  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.poll()
          .then(
            () => undefined,
            (err) => this.opts.logger.warn({ err: (err as Error).message }, 'SMS receipts not read'),
          )
          .finally(() => (this.running = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round; how many notifications it settled (delivered or undelivered). */
  async poll(): Promise<number> {
    const sms = this.opts.sms();
    if (!sms.receipt) return 0;
    const rows: Array<{ id: string; provider_message_id: string }> = await this.opts.db.query(
      `SELECT id, provider_message_id FROM notification
        WHERE status = 'SENT' AND delivered_at IS NULL AND provider_message_id IS NOT NULL AND sent_at > now() - make_interval(hours => $1)
        ORDER BY sent_at LIMIT $2`,
      [this.opts.windowHours ?? 72, this.opts.batch ?? 200],
    );
    let settled = 0;
    for (const row of rows) {
      let receipt;
      try {
        receipt = await sms.receipt(row.provider_message_id);
      } catch (err) {
        this.opts.logger.warn({ notificationId: row.id, err: (err as Error).message }, 'SMS receipt not read');
        continue;
      }
      if (receipt.outcome === 'DELIVERED') {
        await this.opts.db.query(
          `UPDATE notification SET delivered_at = now() WHERE id = $1 AND status = 'SENT' AND provider_message_id = $2`,
          [row.id, row.provider_message_id],
        );
        settled += 1;
      } else if (receipt.outcome === 'UNDELIVERED') {
        await this.opts.db.query(
          `UPDATE notification SET status = 'FAILED', last_error = $3 WHERE id = $1 AND status = 'SENT' AND provider_message_id = $2`,
          [
            row.id,
            row.provider_message_id,
            `The SMS gateway reports the message undelivered (${receipt.detail})`.slice(0, 500),
          ],
        );
        settled += 1;
      }
    }
    return settled;
  }
}
