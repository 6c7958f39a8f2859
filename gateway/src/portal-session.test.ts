import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { generateIdentityKeys } from '@onestop/service-kit';
import { Fixtures, TestPlatform } from '@onestop/test-kit';
import { startGateway, type RunningGateway } from './gateway-server';
import { servePortal } from './portal-routes';
import { SESSION_COOKIE } from './session';

const APPLICANT = `{ applicant(identityNumber: "046090009999") { id } }`;
const json = (cookie?: string, contentType = 'application/json') => ({
  'content-type': contentType,
  ...(cookie ? { cookie } : {}),
});
const sessionOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));

describe("the portal's session on the gateway", () => {
  let platform: TestPlatform;
  let production: RunningGateway;

  beforeAll(async () => {
    platform = await TestPlatform.start({ workers: [] });
    // the officers' centre must exist: a token naming no centre is refused (FORBIDDEN), cookie or not
    await new Fixtures(platform).centre({ code: '000.00.12.H57' });
    production = await startGateway({
      port: 0,
      production: true,
      jwtSecret: platform.jwtSecret,
      identityPrivateJwk: (await generateIdentityKeys()).privateJwk,
      portalDir: false,
      subgraphs: Object.entries(platform.services).map(([name, s]) => ({ name, url: s.url! })),
    });
  });
  afterAll(async () => {
    await production?.stop();
    await platform?.stop();
  });

  it('POST /auth/session turns a bearer token into an HttpOnly, SameSite cookie that /graphql accepts', async () => {
    const token = await platform.token({ role: 'INTAKE_OFFICER', centre: '000.00.12.H57' });
    const res = await fetch(`${platform.url}/auth/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
    const cookie = sessionOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const pair = cookie.split(';')[0];
    const anonymous = (await (
      await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        headers: json(),
        body: JSON.stringify({ query: APPLICANT }),
      })
    ).json()) as any;
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const signedIn = (await (
      await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        headers: json(pair),
        body: JSON.stringify({ query: APPLICANT }),
      })
    ).json()) as any;
    expect(signedIn).toEqual({ data: { applicant: null } });
    const me = (await (await fetch(`${platform.url}/auth/me`, { headers: { cookie: pair } })).json()) as any;
    expect(me.user).toMatchObject({ role: 'INTAKE_OFFICER', centre: '000.00.12.H57' });
    expect(JSON.stringify(me)).not.toContain(token);
  });

  it('keeps the CSRF prevention for cookie sessions: a simple cross-site POST is refused', async () => {
    const token = await platform.token({ role: 'INTAKE_OFFICER', centre: '000.00.12.H57' });
    const pair = sessionOf(
      await fetch(`${platform.url}/auth/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }),
    )!.split(';')[0];
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: json(pair, 'text/plain'),
      body: JSON.stringify({ query: APPLICANT }),
    });
    expect(res.status).toBe(400);
    const logout = await fetch(`${platform.url}/auth/logout`, {
      method: 'POST',
      headers: json(pair, 'text/plain'),
      body: '{}',
    });
    expect(logout.status).toBe(400);
  });

  it('refuses a bad token at /auth/session and ignores a forged cookie (the visitor is anonymous)', async () => {
    expect(
      (await fetch(`${platform.url}/auth/session`, { method: 'POST', headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: json(`${SESSION_COOKIE}=forged`),
      body: JSON.stringify({ query: APPLICANT }),
    });
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(sessionOf(res)).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('signs a demo user in development, and has no demo users in production', async () => {
    const { users } = (await (await fetch(`${platform.url}/auth/demo-users`)).json()) as any;
    expect(
      users.filter((u: { role: string }) => ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'].includes(u.role)),
    ).toHaveLength(27);
    const res = await fetch(`${platform.url}/auth/demo-session`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ userId: 'demo-leader-000.00.13.H57' }),
    });
    expect(res.status).toBe(204);
    const me = (await (
      await fetch(`${platform.url}/auth/me`, { headers: { cookie: sessionOf(res)!.split(';')[0] } })
    ).json()) as any;
    expect(me.user).toMatchObject({ role: 'LEADER', centre: '000.00.13.H57' });

    expect((await fetch(`${production.url}/auth/demo-users`)).status).toBe(404);
    const forged = await fetch(`${production.url}/auth/demo-session`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ userId: 'demo-leader-000.00.13.H57' }),
    });
    expect(forged.status).toBe(404);
    expect(sessionOf(forged)).toBeUndefined();
  });

  it('logs out: the cookie is cleared', async () => {
    const res = await fetch(`${platform.url}/auth/logout`, { method: 'POST', headers: json(), body: '{}' });
    expect(res.status).toBe(204);
    expect(sessionOf(res)).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});

describe('serving the built portal', () => {
  const SCRIPT = `export const page = ${JSON.stringify('Trang chủ '.repeat(200))};`;
  const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'page-abc.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'page-abc.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dist, 'assets', 'page-abc.js.gz'), gzipSync(SCRIPT));
    const app = express();
    app.post('/graphql', (_req, res) => void res.json({ api: true }));
    servePortal(app, dist);
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/counter',
    '/dossiers/8a7f0c9e-1111-4222-8333-944444444444',
    '/track?code=000.00.12.H57-260101-0001',
    '/admin/centres',
  ])('answers a deep link or reload of %s with index.html', async (path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>portal</title>');
  });

  it.each(['/graphql', '/healthz', '/intake/receipts/x', '/admin/queues', '/auth/me', '/assets/missing.js'])(
    'leaves %s to the API (no index.html)',
    async (path) => {
      const res = await fetch(url + path);
      expect(await res.text()).not.toContain('<title>portal</title>');
    },
  );

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', null],
  ])('sends a script compressed as the browser accepts (%s), with its own type', async (accept, encoding) => {
    const res = await fetch(`${url}/assets/page-abc.js`, { headers: { 'accept-encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe(SCRIPT);
  });
});
