import http from 'node:http';
import { CourierRefusal, HttpCourier, SimulatedCourier } from './courier';

const request = {
  reference: 'a6c4e3f2-1111-4222-8333-444455556666',
  dossierCode: 'H57-260305-0001',
  recipientName: 'Nguyễn Văn An',
  recipientPhone: '0905123456',
  address: '12 Lê Lợi, Huế',
};

describe('simulated courier', () => {
  it('fails as often as told, then books with the same tracking number for the same dossier', async () => {
    const courier = new SimulatedCourier(2);
    await expect(courier.book(request)).rejects.toThrow(/unavailable/);
    await expect(courier.book(request)).rejects.toThrow(/unavailable/);
    const first = await courier.book(request);
    expect(first.trackingNumber).toMatch(/^SIM\d{9}VN$/);
    expect(await courier.book(request)).toEqual(first);
    expect((await courier.book({ ...request, reference: 'other' })).trackingNumber).not.toBe(first.trackingNumber);
  });
});

describe('HTTP courier', () => {
  let server: http.Server;
  let baseUrl: string;
  const received: Array<{ headers: http.IncomingHttpHeaders; body: any }> = [];
  let answers: Array<[number, string]> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: req.url === '/api/bookings' ? JSON.parse(data) : null });
        const [status, body] = answers.shift() ?? [201, JSON.stringify({ trackingNumber: 'EP000123456VN' })];
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    received.length = 0;
    answers = [];
  });

  it('posts the booking with its credentials and idempotency key and reads the tracking number', async () => {
    const courier = new HttpCourier({ baseUrl, apiKey: 'k-123' });
    expect(await courier.book(request)).toEqual({ trackingNumber: 'EP000123456VN' });
    expect(received).toHaveLength(1);
    expect(received[0].headers.authorization).toBe('Bearer k-123');
    expect(received[0].headers['idempotency-key']).toBe(request.reference);
    expect(received[0].body).toEqual(request);
  });

  it('uses basic credentials when configured so', async () => {
    await new HttpCourier({ baseUrl, username: 'centre', password: 's3cret' }).book(request);
    expect(received[0].headers.authorization).toBe(`Basic ${Buffer.from('centre:s3cret').toString('base64')}`);
  });

  it('lets a server error be retried and stops at a refusal', async () => {
    const courier = new HttpCourier({ baseUrl });
    answers = [
      [503, 'busy'],
      [422, '{"error":"address"}'],
      [200, '{}'],
    ];
    const busy = await courier.book(request).catch((e) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(CourierRefusal);
    await expect(courier.book(request)).rejects.toBeInstanceOf(CourierRefusal);
    await expect(courier.book(request)).rejects.toThrow(/without a tracking number/);
  });
});
