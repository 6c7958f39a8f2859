import http from 'node:http';
import { randomBytes } from 'node:crypto';
import express from 'express';
import { QueueConnection } from '@onestop/events';
import { createTestDatabase, signToken, TEST_REDIS_URL } from '@onestop/test-kit';
import { mountQueueDashboard, PLATFORM_QUEUES } from './queue-dashboard';
import { createUserTokenVerifier } from './user-token';

describe.each(['redis', 'postgres'] as const)('queue dashboard on the %s backend', (backend) => {
  const secret = randomBytes(16).toString('hex');
  let connection: QueueConnection;
  let server: http.Server;
  let url: string;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (backend === 'redis') {
      connection = new QueueConnection({
        redisUrl: TEST_REDIS_URL,
        databaseUrl: '',
        prefix: `t${randomBytes(5).toString('hex')}`,
      });
    } else {
      const db = await createTestDatabase();
      dropDatabase = db.drop;
      connection = new QueueConnection({ databaseUrl: db.url });
    }
    await connection.waitUntilReady();
    const verify = createUserTokenVerifier({ jwtSecret: secret });
    const app = express();
    mountQueueDashboard(app, {
      connection,
      authenticate: async (req) => {
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        return token ? verify(token) : undefined;
      },
      // The gateway asks intake; here H57 is the root and every other code a commune below it.
      centreRelation: async (caller) => (caller.centre === 'H57' ? 'ROOT_CENTRE' : 'NON_ROOT_CENTRE'),
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/admin/queues`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    if (backend === 'redis') {
      for (const name of PLATFORM_QUEUES)
        await connection
          .queue(name)
          .obliterate({ force: true })
          .catch(() => undefined);
    }
    await connection?.close();
    await dropDatabase?.();
  });

  const get = async (path: string, role?: 'ADMIN' | 'OBSERVER' | 'INTAKE_OFFICER' | 'garbage', centre = 'H57') => {
    const token = role === 'garbage' ? 'not-a-jwt' : role ? await signToken(secret, { role, centre }) : undefined;
    return fetch(url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  };

  it('refuses callers without a valid token (401), every role but ADMIN and an ADMIN below the root (403)', async () => {
    expect((await get('')).status).toBe(401);
    expect((await get('/api/queues', 'garbage')).status).toBe(401);
    expect((await get('', 'OBSERVER')).status).toBe(403);
    expect((await get('/api/queues', 'INTAKE_OFFICER')).status).toBe(403);
    expect((await get('/api/queues', 'ADMIN', 'H57.01')).status).toBe(403);
  });

  it('shows ADMIN the platform queues with their jobs', async () => {
    await connection.queue('delivery-notifications').add('RECEIVED', { notificationId: 'n-1' }, { jobId: 'n-1' });
    const page = await get('', 'ADMIN');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/html/);
    const res = await get('/api/queues', 'ADMIN');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    expect(body.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['events-intake', 'events-delivery', 'delivery-notifications', 'delivery-bookings']),
    );
    const notifications = body.queues.find((q) => q.name === 'delivery-notifications')!;
    expect(notifications.counts.waiting).toBe(1);
  });
});
