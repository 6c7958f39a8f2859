import type { Logger } from 'pino';
import { checkBrandname, internationalNumber, receiptOutcome, retryAfterMs, type ReceiptOutcome } from '../domain/sms';
import { MessageRecord, NoTransport, PermanentRefusal, Throttled } from './record';

export interface OutgoingSms {
  /** The notification id: the gateway's idempotency key, so a message handed over again is dropped, not sent twice. */
  id: string;
  to: string;
  text: string;
}

/** What the gateway answered for an accepted message: its own id, to ask for the delivery receipt. */
export interface SmsAccepted {
  providerMessageId?: string;
}

export interface SmsReceipt {
  outcome: ReceiptOutcome;
  /** The gateway's status and reason, for the operator when the message never arrived. */
  detail: string;
}

/** An SMS gateway (a telecom's brandname SMS API in production). */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<SmsAccepted | void>;
  /** Gateways with delivery receipts: the receipt of an accepted message. */
  receipt?(providerMessageId: string): Promise<SmsReceipt>;
}

export interface RecordedSms extends OutgoingSms {
  sentAt: string;
}

/**
 * Development and tests: records each message in `<dataDir>/sms/sent.jsonl` (and the latest in
 * memory), dropping a message whose id it accepted before, as a gateway does (record.ts).
 */
export class RecordingSmsSender implements SmsSender {
  private readonly record: MessageRecord<RecordedSms>;
  /** Development and tests: recipients whose messages fail, as if unreachable. */
  readonly unreachable = new Set<string>();

  constructor(recordFile?: string, keep?: number) {
    this.record = new MessageRecord(recordFile, keep);
  }

  /** The latest messages accepted, oldest first. */
  get sent(): readonly RecordedSms[] {
    return this.record.sent;
  }

  /** Repeats of an accepted id that this recorder dropped. */
  get dropped(): number {
    return this.record.dropped;
  }

  async send(sms: OutgoingSms): Promise<void> {
    if (this.unreachable.has(sms.to)) {
      throw new Error('SMS gateway unavailable (simulated)');
    }
    await this.record.add(sms.id, { ...sms, sentAt: new Date().toISOString() });
  }
}

export interface HttpSmsConfig {
  /** The gateway's API root: messages go to `POST {url}/messages`. */
  url: string;
  /** The registered sender name (brandname) shown on the handset. */
  brandname: string;
  /** `Authorization: Bearer <apiKey>`… */
  apiKey?: string;
  /** …or HTTP Basic credentials. */
  username?: string;
  password?: string;
  timeoutMs?: number;
}

/**
 * A brandname SMS gateway's REST API (the shape the Vietnamese brandname gateways share, behind
 * the same interface as email):
 *
 * - `POST {url}/messages` with `{ from, to, text, clientReference }` (to as 84…), the notification
 *   id as `Idempotency-Key` and as `clientReference`; 200/201/202 `{ messageId }`. A repeated key
 *   is answered with the message first accepted (200, or 409 with its `messageId`): accepted once.
 * - 429: throttled, with Retry-After (seconds or a date) — sent again then, without spending an attempt.
 * - 5xx, 408 and network errors or timeouts: retried with backoff. Other 4xx: refused for good.
 * - `GET {url}/messages/{messageId}` → `{ status, error? }`: the delivery receipt, polled
 *   (receipts.ts) so that no inbound route has to be opened to the provider.
 */
export class HttpSmsGateway implements SmsSender {
  constructor(readonly config: HttpSmsConfig) {}

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    else if (this.config.username)
      headers.authorization = `Basic ${Buffer.from(`${this.config.username}:${this.config.password ?? ''}`).toString('base64')}`;
    return headers;
  }

  private url(path: string): string {
    return `${this.config.url.replace(/\/$/, '')}${path}`;
  }

  async send(sms: OutgoingSms): Promise<SmsAccepted> {
    const res = await fetch(this.url('/messages'), {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json', 'idempotency-key': sms.id },
      body: JSON.stringify({
        from: this.config.brandname,
        to: internationalNumber(sms.to),
        text: sms.text,
        clientReference: sms.id,
      }),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    if (res.ok || res.status === 409) {
      const messageId = parseJson(text)?.messageId;
      if (res.status === 409 && typeof messageId !== 'string')
        throw new PermanentRefusal(`SMS gateway answered 409: ${text.slice(0, 200)}`);
      return { providerMessageId: typeof messageId === 'string' && messageId ? messageId : undefined };
    }
    const message = `SMS gateway answered ${res.status}: ${text.slice(0, 200)}`;
    if (res.status === 429) throw new Throttled(message, retryAfterMs(res.headers.get('retry-after'), new Date()));
    if (res.status >= 400 && res.status < 500 && res.status !== 408) throw new PermanentRefusal(message);
    throw new Error(message);
  }

  async receipt(providerMessageId: string): Promise<SmsReceipt> {
    const res = await fetch(this.url(`/messages/${encodeURIComponent(providerMessageId)}`), {
      headers: this.headers(),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(
        `SMS gateway answered ${res.status} for the receipt of ${providerMessageId}: ${text.slice(0, 200)}`,
      );
    const body = parseJson(text);
    const status = typeof body?.status === 'string' ? body.status : '';
    const error = typeof body?.error === 'string' ? body.error : '';
    return { outcome: receiptOutcome(status), detail: error ? `${status}: ${error}` : status };
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The SMS gateway settings, read once at start; a configuration that cannot work stops the service with the reason. */
export function smsGatewayConfig(env: NodeJS.ProcessEnv): HttpSmsConfig | undefined {
  const url = env.SMS_GATEWAY_URL;
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`SMS_GATEWAY_URL=${url} is not a URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new Error('SMS_GATEWAY_URL must be an http(s) URL');
  if (parsed.username || parsed.password)
    throw new Error(
      'SMS_GATEWAY_URL must not hold credentials: use SMS_GATEWAY_API_KEY or SMS_GATEWAY_USERNAME/SMS_GATEWAY_PASSWORD',
    );
  const brandname = env.SMS_BRANDNAME ?? '';
  const wrong = checkBrandname(brandname);
  if (wrong) throw new Error(`SMS_BRANDNAME ${wrong}: set the sender name registered with the operators`);
  const apiKey = env.SMS_GATEWAY_API_KEY || undefined;
  const username = env.SMS_GATEWAY_USERNAME || undefined;
  if (!apiKey && !username)
    throw new Error(
      'SMS_GATEWAY_URL is set without credentials: set SMS_GATEWAY_API_KEY or SMS_GATEWAY_USERNAME/SMS_GATEWAY_PASSWORD',
    );
  const timeoutMs = env.SMS_GATEWAY_TIMEOUT_MS ? Number(env.SMS_GATEWAY_TIMEOUT_MS) : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new Error('SMS_GATEWAY_TIMEOUT_MS must be a positive number of milliseconds');
  return { url, brandname, apiKey, username, password: env.SMS_GATEWAY_PASSWORD || undefined, timeoutMs };
}

/**
 * SMS as configured (read once at start): the brandname gateway at SMS_GATEWAY_URL; without it,
 * outside production, the development recorder writes messages down; in production nothing would
 * send them, so each SMS notification is marked NOT_SENT (never SENT) and the service says so when
 * it starts. `SMS=off` turns SMS off anywhere, without the warning.
 */
export function smsSenderFromEnv(
  env: NodeJS.ProcessEnv,
  recordFile: string,
  logger: Pick<Logger, 'warn' | 'info'>,
): SmsSender {
  if (env.SMS === 'off') {
    logger.info('SMS is off (SMS=off): SMS notifications are marked NOT_SENT');
    return new NoTransport('SMS is off (SMS=off)');
  }
  if (env.SMS) throw new Error(`SMS=${env.SMS} is not understood; the only setting is SMS=off`);
  const gateway = smsGatewayConfig(env);
  if (gateway) {
    logger.info(`SMS through the gateway at ${new URL(gateway.url).origin} as ${gateway.brandname}`);
    return new HttpSmsGateway(gateway);
  }
  if (env.NODE_ENV === 'production') {
    logger.warn(
      'No SMS gateway is configured: SMS notifications are NOT sent and are marked NOT_SENT (set SMS_GATEWAY_URL, or SMS=off to turn SMS off)',
    );
    return new NoTransport('no SMS gateway is configured');
  }
  return new RecordingSmsSender(recordFile);
}
