import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { MessageRecord } from '../notifications/record';

/** What the courier needs to pick up a result at the centre and bring it to the applicant. */
export interface BookingRequest {
  /** The dossier id: the courier's idempotency key, so a booking retried after a timeout books one parcel. */
  reference: string;
  dossierCode: string;
  recipientName: string;
  recipientPhone: string | null;
  address: string;
}

export interface Booking {
  trackingNumber: string;
}

/** An express-post courier (dịch vụ bưu chính công ích). */
export interface Courier {
  book(request: BookingRequest): Promise<Booking>;
}

/** A refusal that retrying cannot fix (a bad address, rejected credentials): the booking stops at once. */
export class CourierRefusal extends UnrecoverableError {}

/**
 * The built-in courier for development and tests: books at once with a tracking number derived
 * from the reference, after failing as many times as it was told to. It honours the idempotency
 * key as a real courier does: booking the same dossier again gives the same number and books no
 * second parcel — across processes too when it keeps a record file (`<dataDir>/courier/`, record.ts).
 */
export class SimulatedCourier implements Courier {
  private readonly record: MessageRecord<BookingRequest>;
  calls = 0;

  constructor(
    private failures = 0,
    recordFile?: string,
  ) {
    this.record = new MessageRecord(recordFile);
  }

  /** The parcels booked (latest kept), one per reference. */
  get bookings(): readonly BookingRequest[] {
    return this.record.sent;
  }

  /** The next `count` bookings fail as if the courier's API were down. */
  failNext(count: number): void {
    this.failures = count;
  }

  async book(request: BookingRequest): Promise<Booking> {
    this.calls += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Courier unavailable (simulated)');
    }
    await this.record.add(request.reference, request);
    const digits =
      BigInt(`0x${createHash('sha256').update(request.reference).digest('hex').slice(0, 12)}`) % 1_000_000_000n;
    return { trackingNumber: `SIM${digits.toString().padStart(9, '0')}VN` };
  }
}

export interface HttpCourierConfig {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Or HTTP Basic credentials. */
  username?: string;
  password?: string;
  timeoutMs?: number;
}

/**
 * A courier's HTTP API: `POST {baseUrl}/bookings` with the booking as JSON and the dossier id as
 * `Idempotency-Key`; the answer carries `trackingNumber`. 5xx, 408, 429 and network errors are
 * retried; other 4xx are refusals.
 */
export class HttpCourier implements Courier {
  constructor(private readonly config: HttpCourierConfig) {}

  async book(request: BookingRequest): Promise<Booking> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': request.reference,
    };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    else if (this.config.username) {
      headers.authorization = `Basic ${Buffer.from(`${this.config.username}:${this.config.password ?? ''}`).toString('base64')}`;
    }
    const res = await fetch(`${this.config.baseUrl.replace(/\/$/, '')}/bookings`, {
      method: 'POST',
      headers,
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    if (!res.ok) {
      const message = `Courier answered ${res.status}: ${text.slice(0, 200)}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        throw new CourierRefusal(message);
      throw new Error(message);
    }
    let body: { trackingNumber?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error('Courier answered without JSON');
    }
    if (typeof body.trackingNumber !== 'string' || !body.trackingNumber)
      throw new Error('Courier answered without a tracking number');
    return { trackingNumber: body.trackingNumber };
  }
}

/** The courier's variables, as delivery's configuration parsed them (deps.ts). */
export interface CourierSettings {
  COURIER_BASE_URL?: string;
  COURIER_API_KEY?: string;
  COURIER_USERNAME?: string;
  COURIER_PASSWORD?: string;
  COURIER_TIMEOUT_MS?: number;
  COURIER_SIMULATED_FAIL_FIRST?: number;
}

/** COURIER_BASE_URL selects the HTTP courier (with COURIER_API_KEY or COURIER_USERNAME/COURIER_PASSWORD); otherwise the simulated one. */
export function courierFromSettings(env: CourierSettings, recordFile?: string): Courier {
  if (env.COURIER_BASE_URL) {
    return new HttpCourier({
      baseUrl: env.COURIER_BASE_URL,
      apiKey: env.COURIER_API_KEY || undefined,
      username: env.COURIER_USERNAME || undefined,
      password: env.COURIER_PASSWORD || undefined,
      timeoutMs: env.COURIER_TIMEOUT_MS,
    });
  }
  return new SimulatedCourier(env.COURIER_SIMULATED_FAIL_FIRST ?? 0, recordFile);
}
