import express from 'express';
import { decodeJwt } from 'jose';
import { signToken } from '@onestop/service-kit';
import type { Caller } from '@onestop/service-kit';
import { DEMO_USERS } from './demo-users';

/**
 * The portal's session: the user's token in an HttpOnly cookie, so that it never reaches the
 * page's JavaScript. A request with the cookie and no Authorization header is authenticated as if
 * it carried the token as a bearer; Apollo's CSRF prevention (JSON content type or
 * apollo-require-preflight) still guards /graphql, and SameSite=Lax keeps the cookie off
 * cross-site POSTs.
 */
export const SESSION_COOKIE = 'onestop_session';

export interface SessionOptions {
  verifyUser: (token: string) => Promise<Caller>;
  /** HS256 secret: lets development sign the demo users' tokens. */
  jwtSecret?: string;
  production: boolean;
  /** The identity provider's sign-in page (production); /auth/login redirects there. */
  loginUrl?: string;
}

const isLocal = (req: express.Request) => ['localhost', '127.0.0.1', '::1'].includes(req.hostname);

function setSessionCookie(req: express.Request, res: express.Response, token: string): void {
  const exp = decodeJwt(token).exp;
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLocal(req),
    path: '/',
    ...(exp ? { maxAge: Math.max(0, exp * 1000 - Date.now()) } : {}),
  });
}

function readCookie(req: express.Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** A form posted from another site must not sign anyone in or out: the portal sends JSON. */
const sentByThePortal = (req: express.Request) => req.is('application/json') === 'application/json' || !!req.headers['apollo-require-preflight'];

export function mountSession(app: express.Express, opts: SessionOptions): void {
  // The cookie stands in for the header; a stale or forged one is dropped, not an error, so the
  // public pages keep working for a visitor whose session has expired.
  app.use(async (req, res, next) => {
    const token = readCookie(req);
    if (!token || req.headers.authorization) return next();
    try {
      await opts.verifyUser(token);
      req.headers.authorization = `Bearer ${token}`;
    } catch {
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    next();
  });

  app.post('/auth/session', async (req, res) => {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return void res.status(401).json({ error: 'Authorization must be "Bearer <token>"' });
    try {
      await opts.verifyUser(token);
    } catch (err) {
      return void res.status(401).json({ error: (err as Error).message });
    }
    setSessionCookie(req, res, token);
    res.status(204).end();
  });

  app.post('/auth/logout', (req, res) => {
    if (!sentByThePortal(req)) return void res.status(400).json({ error: 'Send application/json' });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  /** Who the cookie says the user is (never the token itself), for the portal's menus. */
  app.get('/auth/me', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    const token = readCookie(req);
    if (!token) return void res.status(200).json({ user: null });
    try {
      const caller = await opts.verifyUser(token);
      // a citizen's own identity number: their pages fill forms and find their records with it
      res.json({ user: { id: caller.id, name: caller.name, role: caller.role, centre: caller.centre ?? null, identityNumber: caller.identityNumber ?? null } });
    } catch {
      res.json({ user: null });
    }
  });

  /** Production: the identity provider's sign-in. The provider's callback ends in POST /auth/session. */
  app.get('/auth/login', (_req, res) => {
    if (opts.loginUrl) return void res.redirect(302, opts.loginUrl);
    res.status(501).json({ error: 'No identity provider is configured (AUTH_LOGIN_URL)' });
  });

  if (opts.production || !opts.jwtSecret) return;

  app.get('/auth/demo-users', (_req, res) => void res.json({ users: DEMO_USERS }));

  /** Development only: signs the demo user's token here, so the page never holds one. */
  app.post('/auth/demo-session', express.json({ limit: '1kb' }), async (req, res) => {
    if (!sentByThePortal(req)) return void res.status(400).json({ error: 'Send application/json' });
    const user = DEMO_USERS.find((u) => u.id === req.body?.userId);
    if (!user) return void res.status(404).json({ error: 'No such demo user' });
    const token = await signToken(opts.jwtSecret!, { sub: user.id, name: user.name, role: user.role, centre: user.centre, identityNumber: user.identityNumber }, '12h');
    setSessionCookie(req, res, token);
    res.status(204).end();
  });
}
