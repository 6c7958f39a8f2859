import http from 'node:http';

export interface ProviderMessage {
  messageId: string;
  key: string;
  from: string;
  to: string;
  text: string;
  clientReference: string;
  at: number;
}

/**
 * A brandname SMS gateway on a local port, behaving as the real ones do: credentials checked,
 * one message per Idempotency-Key (a repeat is answered with the message first accepted, and
 * not sent again), throttling and failures on cue, delivery receipts by message id.
 * Cues by destination number: the next answers for a number are taken from `script` first.
 */
export class LocalSmsProvider {
  readonly accepted: ProviderMessage[] = [];
  /** Every POST, repeats and refusals included, in order. */
  readonly requests: Array<{ key: string; to: string; status: number; at: number }> = [];
  /** Scripted answers per destination (84…), consumed one per request. */
  readonly script = new Map<string, Array<{ status: number; retryAfter?: string }>>();
  /** Delivery status per destination (DELIVERED unless set). */
  readonly receipts = new Map<string, { status: string; error?: string }>();
  private readonly byKey = new Map<string, ProviderMessage>();
  private server?: http.Server;
  url = '';

  constructor(private readonly apiKey: string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => this.handle(req, data, res));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/api/v1`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private handle(req: http.IncomingMessage, data: string, res: http.ServerResponse) {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return json(401, { error: 'invalid credentials' });
    const receipt = /^\/api\/v1\/messages\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && receipt) {
      const message = this.accepted.find((m) => m.messageId === decodeURIComponent(receipt[1]));
      if (!message) return json(404, { error: 'no such message' });
      return json(200, { messageId: message.messageId, ...(this.receipts.get(message.to) ?? { status: 'DELIVERED' }) });
    }
    if (req.method !== 'POST' || req.url !== '/api/v1/messages') return json(404, { error: 'not found' });
    const body = JSON.parse(data);
    const key = String(req.headers['idempotency-key'] ?? '');
    const answer = (status: number) => this.requests.push({ key, to: body.to, status, at: Date.now() });
    const cue = this.script.get(body.to)?.shift();
    if (cue) {
      answer(cue.status);
      return json(
        cue.status,
        { error: `scripted ${cue.status}` },
        cue.retryAfter ? { 'retry-after': cue.retryAfter } : {},
      );
    }
    if (!key) {
      answer(400);
      return json(400, { error: 'Idempotency-Key is required' });
    }
    const first = this.byKey.get(key);
    if (first) {
      answer(200);
      return json(200, { messageId: first.messageId, status: 'ACCEPTED', duplicate: true });
    }
    const message: ProviderMessage = {
      messageId: `M${this.accepted.length + 1}`,
      key,
      from: body.from,
      to: body.to,
      text: body.text,
      clientReference: body.clientReference,
      at: Date.now(),
    };
    this.byKey.set(key, message);
    this.accepted.push(message);
    answer(202);
    return json(202, { messageId: message.messageId, status: 'ACCEPTED' });
  }
}
