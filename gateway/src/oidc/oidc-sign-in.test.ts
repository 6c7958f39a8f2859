import http from 'node:http';
import net from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importJWK, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { Fixtures, TestPlatform } from '@onestop/test-kit';
import { startGateway, type RunningGateway } from '../gateway-server';
import { SESSION_COOKIE } from '../session';
import { KEYCLOAK_MAPPING } from './claim-mapping';

// A real OpenID provider (oidc-provider, a certified implementation) in this process, and a
// gateway signing users in with it over real HTTP: the browser here is fetch and a cookie jar.

const CENTRE = '000.00.12.H57';
const CLIENT_ID = 'onestop-portal';
const RESOURCE = 'urn:onestop:gateway';
const APPLICANT = `{ applicant(identityNumber: "046090009999") { id } }`;

/** The provider's users, with the claims Keycloak would put in their tokens. */
const USERS: Record<string, Record<string, unknown>> = {
  'officer-1': {
    name: 'Trần Văn Bình',
    realm_access: { roles: ['onestop-intake-officer', 'offline_access'] },
    centre: CENTRE,
  },
  'citizen-1': { name: 'Lê Thị Hoa', realm_access: { roles: ['CITIZEN'] }, identityNumber: '046090001111' },
  stranger: { name: 'Người lạ', realm_access: { roles: ['offline_access'] } },
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A browser's cookies for one host (cookies ignore ports, as browsers do): by name, gone when expired. */
class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired =
        attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) ||
        attributes.some((a) => /max-age=0$/i.test(a.trim())) ||
        value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.get(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }

  /** Follows redirects from `res` until a page (200) or a redirect that leaves for `stopAt`. */
  async follow(res: Response, stopAt: string): Promise<Response> {
    while (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location')!, res.url).href;
      if (location.startsWith(stopAt)) return res;
      res = await this.get(location);
    }
    return res;
  }
}

const formOf = (html: string) => {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No form in the provider's page: ${html.slice(0, 300)}`);
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  return { action: action.replace(/&amp;/g, '&'), hidden };
};

describe('sign-in through an OpenID provider', () => {
  let platform: TestPlatform;
  let gateway: RunningGateway;
  let providerServer: http.Server;
  let issuer: string;
  let signingKey: JWK;
  /** What the provider puts in its access tokens, changed by the tests of a wrong audience and of expiry. */
  let audience = CLIENT_ID;
  let accessTokenTTL = 300;
  const grants: string[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.start({ workers: [] });
    await new Fixtures(platform).centre({ code: CENTRE });

    const providerPort = await freePort();
    const gatewayPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    signingKey = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: 'test-key',
      alg: 'RS256',
      use: 'sig',
    } as JWK;

    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: 'test-secret',
          redirect_uris: [`${gatewayUrl}/auth/callback`],
          post_logout_redirect_uris: [`${gatewayUrl}/`],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [signingKey as never] },
      cookies: { keys: ['a-test-cookie-key'] },
      pkce: { required: () => true },
      claims: { openid: ['sub'], profile: ['name'] },
      findAccount: async (_ctx, id) =>
        USERS[id] ? { accountId: id, claims: async () => ({ sub: id, name: USERS[id].name as string }) } : undefined,
      // the platform's claims in the access token, as Keycloak's mappers put them there
      extraTokenClaims: async (_ctx, token) => {
        const user = 'accountId' in token && typeof token.accountId === 'string' ? USERS[token.accountId] : undefined;
        return user
          ? {
              name: user.name,
              realm_access: user.realm_access,
              centre: user.centre,
              identityNumber: user.identityNumber,
            }
          : undefined;
      },
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      features: {
        devInteractions: { enabled: true },
        revocation: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => RESOURCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async () => ({ scope: 'onestop', audience, accessTokenFormat: 'jwt', accessTokenTTL }),
        },
      },
    });
    provider.on('grant.success', (ctx) => grants.push(String(ctx.oidc.params?.grant_type)));
    const answer = provider.callback();
    // void: the provider (Koa) answers every request itself, errors included
    providerServer = http.createServer((req, res) => void answer(req, res));
    await new Promise<void>((r) => providerServer.listen(providerPort, '127.0.0.1', r));

    gateway = await startGateway({
      port: gatewayPort,
      production: true,
      identityPrivateJwk: platform.identityPrivateJwk,
      portalDir: false,
      subgraphs: Object.entries(platform.services).map(([name, s]) => ({ name, url: s.url! })),
      oidc: {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: 'test-secret',
        redirectUrl: `${gatewayUrl}/auth/callback`,
        scopes: 'openid profile onestop',
        mapping: KEYCLOAK_MAPPING,
      },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((r) => providerServer?.close(r));
    await platform?.stop();
  });

  /** The whole sign-in a browser goes through: gateway → provider's login and consent → callback → back. */
  async function signIn(browser: Browser, login: string, returnTo = '/inbox'): Promise<Response> {
    return browser.get(await untilCallback(browser, login, returnTo));
  }

  /** The sign-in up to the provider's redirect back to the gateway: the callback URL, with code and state. */
  async function untilCallback(browser: Browser, login: string, returnTo: string): Promise<string> {
    let res = await browser.follow(
      await browser.get(`${gateway.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`),
      gateway.url,
    );
    for (let step = 0; res.status === 200 && step < 3; step++) {
      const page = await res.text();
      const { action, hidden } = formOf(page);
      const form: Record<string, string> = page.includes('name="login"')
        ? { prompt: 'login', login, password: 'any' }
        : { ...hidden, prompt: 'consent' };
      res = await browser.follow(await browser.post(new URL(action, issuer).href, form), gateway.url);
    }
    expect(res.headers.get('location')).toMatch(new RegExp(`^${gateway.url}/auth/callback\\?`));
    return res.headers.get('location')!;
  }

  /** A query with a browser's cookies, or with a bearer token. */
  const graphql = (as: Browser | { bearer: string } | { cookie: string }) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(as instanceof Browser
          ? { cookie: as.cookieHeader() }
          : 'bearer' in as
            ? { authorization: `Bearer ${as.bearer}` }
            : { cookie: as.cookie }),
      },
      body: JSON.stringify({ query: APPLICANT }),
    }).then((r) => r.json() as Promise<any>);
  const me = async (cookie: string) =>
    ((await (await fetch(`${gateway.url}/auth/me`, { headers: { cookie } })).json()) as any).user;

  it('signs an officer in with code and PKCE: back on the page they came from, with an HttpOnly session that /graphql accepts with the mapped role', async () => {
    const browser = new Browser();
    const back = await signIn(browser, 'officer-1', '/dossiers/42');
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/dossiers/42');
    const cookie = back.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // the cookie names a session: no token reaches the browser
    expect(browser.cookies.get(SESSION_COOKIE)).not.toContain('.');

    expect(await me(browser.cookieHeader())).toEqual({
      id: 'officer-1',
      name: 'Trần Văn Bình',
      role: 'INTAKE_OFFICER',
      centre: CENTRE,
      identityNumber: null,
    });
    expect(await graphql(browser)).toEqual({ data: { applicant: null } });
    expect((await graphql(new Browser())).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('maps a citizen by their identity number', async () => {
    const browser = new Browser();
    await signIn(browser, 'citizen-1');
    expect(await me(browser.cookieHeader())).toMatchObject({
      role: 'CITIZEN',
      identityNumber: '046090001111',
      centre: null,
    });
  });

  it('refreshes the session with the refresh token when the access token expires', async () => {
    accessTokenTTL = 2;
    try {
      const browser = new Browser();
      await signIn(browser, 'officer-1');
      const refreshesBefore = grants.filter((g) => g === 'refresh_token').length;
      await new Promise((r) => setTimeout(r, 2500));
      // the access token signed in with has expired by now: only a refreshed one answers
      expect(await graphql(browser)).toEqual({ data: { applicant: null } });
      expect(grants.filter((g) => g === 'refresh_token').length).toBe(refreshesBefore + 1);
      expect(await me(browser.cookieHeader())).toMatchObject({ role: 'INTAKE_OFFICER' });
    } finally {
      accessTokenTTL = 300;
    }
  });

  it('ends the session of a user who lost their role at the provider, at the next refresh', async () => {
    accessTokenTTL = 2;
    const roles = USERS['officer-1'].realm_access;
    try {
      const browser = new Browser();
      await signIn(browser, 'officer-1');
      USERS['officer-1'].realm_access = { roles: ['offline_access'] };
      await new Promise((r) => setTimeout(r, 2500));
      expect((await graphql(browser)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await me(browser.cookieHeader())).toBeNull();
    } finally {
      USERS['officer-1'].realm_access = roles;
      accessTokenTTL = 300;
    }
  });

  it('logs out: cookie gone, tokens revoked, the provider session ended, and the old cookie refused', async () => {
    const browser = new Browser();
    await signIn(browser, 'officer-1');
    const oldCookie = browser.cookieHeader();
    const res = await browser.get(`${gateway.url}/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    const { redirect } = (await res.json()) as { redirect: string };
    expect(redirect.startsWith(`${issuer}/session/end`)).toBe(true);

    // the portal sends the browser to the provider's end-session page; the user confirms there
    const confirm = await browser.get(redirect);
    const { action, hidden } = formOf(await confirm.text());
    const ended = await browser.post(new URL(action, issuer).href, { ...hidden, logout: 'yes' });
    expect(ended.headers.get('location')).toBe(`${gateway.url}/`);

    expect(await me(oldCookie)).toBeNull();
    expect((await graphql({ cookie: oldCookie })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // signed out at the provider too: a new sign-in asks for the login again
    const again = await browser.follow(await browser.get(`${gateway.url}/auth/login`), gateway.url);
    expect(await again.text()).toContain('name="login"');
  });

  it('signs in nobody whose claims map to no role: /login says so, no session', async () => {
    const browser = new Browser();
    const back = await signIn(browser, 'stranger');
    expect(back.headers.get('location')).toBe('/login?error=no-role');
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await me(browser.cookieHeader())).toBeNull();
  });

  it("refuses a callback in another browser than the one that started the sign-in (the state is bound to the browser's cookie)", async () => {
    const callback = await untilCallback(new Browser(), 'officer-1', '/inbox');
    const elsewhere = new Browser();
    const res = await elsewhere.get(callback);
    expect(res.headers.get('location')).toBe('/login?error=failed');
    expect(elsewhere.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses access tokens made for another audience: no session', async () => {
    audience = 'another-api';
    try {
      const browser = new Browser();
      const back = await signIn(browser, 'officer-1');
      expect(back.headers.get('location')).toBe('/login?error=failed');
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    } finally {
      audience = CLIENT_ID;
    }
  });

  it('sends the user back to /login saying sign-in failed while the provider is out of reach (no error page)', async () => {
    const offline = await startGateway({
      port: 0,
      production: true,
      identityPrivateJwk: platform.identityPrivateJwk,
      portalDir: false,
      subgraphs: Object.entries(platform.services).map(([name, s]) => ({ name, url: s.url! })),
      oidc: {
        issuer: `http://127.0.0.1:${await freePort()}`,
        clientId: CLIENT_ID,
        redirectUrl: 'http://127.0.0.1:1/auth/callback',
        mapping: KEYCLOAK_MAPPING,
      },
    });
    try {
      const res = await fetch(`${offline.url}/auth/login`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/login?error=failed');
    } finally {
      await offline.stop();
    }
  });

  it("checks a bearer token of the provider's: signature, issuer, audience, expiry, not-before", async () => {
    const key = await importJWK(signingKey, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const token = (claims: Record<string, unknown>, signWith = key) =>
      new SignJWT({
        ...USERS['officer-1'],
        sub: 'officer-1',
        iss: issuer,
        aud: CLIENT_ID,
        iat: now,
        exp: now + 60,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' })
        .sign(signWith);
    expect(await graphql({ bearer: await token({}) })).toEqual({ data: { applicant: null } });

    const refused = async (t: string) => (await graphql({ bearer: t })).errors[0];
    expect(await refused(await token({ exp: now - 10 }))).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('"exp"'),
    });
    expect(await refused(await token({ nbf: now + 600 }))).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('"nbf"'),
    });
    expect(await refused(await token({ aud: 'another-api' }))).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('"aud"'),
    });
    expect((await refused(await token({ realm_access: { roles: [] } }))).message).toContain('no role');
    expect((await refused(await token({ typ: 'ID' }))).message).toContain('ID token');
    // the provider's issuer, but not its key
    const forger = await importJWK(
      {
        ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
        alg: 'RS256',
      } as JWK,
      'RS256',
    );
    const forged = await token({}, forger);
    expect((await refused(forged)).message).toMatch(/signature/);
  });
});
