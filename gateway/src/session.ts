import express from 'express';
import { decodeJwt } from 'jose';
import { signToken } from '@onestop/service-kit';
import type { Caller } from '@onestop/service-kit';
import { DEMO_USERS } from './demo-users';
import type { OidcSignIn } from './oidc/sign-in';

/**
 * The portal's session: the user's token in an HttpOnly cookie, so that it never reaches the
 * page's JavaScript. A request with the cookie and no Authorization header is authenticated as if
 * it carried the token as a bearer; Apollo's CSRF prevention (JSON content type or
 * apollo-require-preflight) still guards /graphql, and SameSite=Lax keeps the cookie off
 * cross-site POSTs.
 */
export const SESSION_COOKIE = 'onestop_session';
/** The sign-in under way in this browser (its OAuth `state`): a callback without it is someone else's. */
export const SIGN_IN_COOKIE = 'onestop_signin';

export interface SessionOptions {
  verifyUser: (token: string) => Promise<Caller>;
  /** HS256 secret: lets development sign the demo users' tokens. */
  jwtSecret?: string;
  production: boolean;
  /** The identity provider's sign-in page, when the gateway does not run the sign-in itself (AUTH_LOGIN_URL). */
  loginUrl?: string;
  /** Sign-in through an OpenID provider (AUTH_OIDC_ISSUER): the cookie then names a session the gateway keeps. */
  oidc?: OidcSignIn;
  /** Told why a sign-in failed (the user sees only that it did). */
  onSignInFailure?: (reason: string) => void;
}

const isLocal = (req: express.Request) => ['localhost', '127.0.0.1', '::1'].includes(req.hostname);

function setSessionCookie(
  req: express.Request,
  res: express.Response,
  token: string,
  endsAt = (decodeJwt(token).exp ?? 0) * 1000,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLocal(req),
    path: '/',
    ...(endsAt ? { maxAge: Math.max(0, endsAt - Date.now()) } : {}),
  });
}

function readCookie(req: express.Request, cookie = SESSION_COOKIE): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** A session the gateway keeps (an id) rather than a token carried whole (a JWT has dots). */
const isSessionId = (value: string) => !value.includes('.');

/** Back to a page of this portal only: `//evil.example` or a full URL would be an open redirect. */
const portalPath = (value: unknown) => (typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/');

/** A form posted from another site must not sign anyone in or out: the portal sends JSON. */
const sentByThePortal = (req: express.Request) =>
  req.is('application/json') === 'application/json' || !!req.headers['apollo-require-preflight'];

export function mountSession(app: express.Express, opts: SessionOptions): void {
  // The cookie stands in for the header; a stale or forged one is dropped, not an error, so the
  // public pages keep working for a visitor whose session has expired.
  /** The token the cookie stands for: carried whole, or the kept session's (refreshed when due). */
  const tokenOfCookie = async (req: express.Request): Promise<string | undefined> => {
    const cookie = readCookie(req);
    if (!cookie) return undefined;
    if (!isSessionId(cookie)) return cookie;
    return opts.oidc ? await opts.oidc.accessTokenOf(cookie) : undefined;
  };

  app.use(async (req, res, next) => {
    if (!readCookie(req) || req.headers.authorization) return next();
    try {
      const token = await tokenOfCookie(req);
      if (!token) throw new Error('The session has ended');
      await opts.verifyUser(token);
      req.headers.authorization = `Bearer ${token}`;
    } catch {
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    next();
  });

  /** What /login offers: the identity provider's sign-in, the demo users (development). */
  app.get('/auth/options', (_req, res) => {
    res.json({ identityProvider: !!opts.oidc || !!opts.loginUrl, demoUsers: !opts.production && !!opts.jwtSecret });
  });

  app.post('/auth/session', async (req, res) => {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      return void res.status(401).json({ error: 'Authorization must be "Bearer <token>"' });
    try {
      await opts.verifyUser(token);
    } catch (err) {
      return void res.status(401).json({ error: (err as Error).message });
    }
    setSessionCookie(req, res, token);
    res.status(204).end();
  });

  /**
   * Ends the session. A session of the identity provider ends here and its tokens there; the answer
   * then names the provider's end-session page (`redirect`), where the portal sends the browser so
   * that the user's sign-in at the provider ends too.
   */
  app.post('/auth/logout', async (req, res) => {
    if (!sentByThePortal(req)) return void res.status(400).json({ error: 'Send application/json' });
    const cookie = readCookie(req);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    const endSession = cookie && isSessionId(cookie) && opts.oidc ? await opts.oidc.logout(cookie) : undefined;
    if (endSession) return void res.status(200).json({ redirect: endSession.href });
    res.status(204).end();
  });

  /** Who the cookie says the user is (never the token itself), for the portal's menus. */
  app.get('/auth/me', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    try {
      const token = await tokenOfCookie(req);
      if (!token) return void res.status(200).json({ user: null });
      const caller = await opts.verifyUser(token);
      // a citizen's own identity number: their pages fill forms and find their records with it
      res.json({
        user: {
          id: caller.id,
          name: caller.name,
          role: caller.role,
          centre: caller.centre ?? null,
          identityNumber: caller.identityNumber ?? null,
        },
      });
    } catch {
      res.json({ user: null });
    }
  });

  /** The identity provider's sign-in; `returnTo` is the portal page to come back to. */
  app.get('/auth/login', async (req, res) => {
    if (opts.oidc) {
      const started = await opts.oidc.authorizationUrl(portalPath(req.query.returnTo)).catch((err: Error) => {
        opts.onSignInFailure?.(`the identity provider is out of reach: ${err.message}`);
        return undefined;
      });
      if (!started) return void res.redirect(302, '/login?error=failed');
      const { url, state } = started;
      res.cookie(SIGN_IN_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: !isLocal(req),
        path: '/auth/callback',
        maxAge: 600_000,
      });
      res.setHeader('cache-control', 'no-store');
      return void res.redirect(302, url.href);
    }
    if (opts.loginUrl) return void res.redirect(302, opts.loginUrl);
    res.status(501).json({ error: 'No identity provider is configured (AUTH_OIDC_ISSUER)' });
  });

  /** The provider sends the browser back here: a session and the page it came from, or /login saying why not. */
  app.get('/auth/callback', async (req, res) => {
    if (!opts.oidc)
      return void res.status(404).json({ error: 'No identity provider is configured (AUTH_OIDC_ISSUER)' });
    res.clearCookie(SIGN_IN_COOKIE, { path: '/auth/callback' });
    res.setHeader('cache-control', 'no-store');
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const outcome = await opts.oidc.callback(query, readCookie(req, SIGN_IN_COOKIE)).catch((err: Error) => ({
      kind: 'failed' as const,
      reason: `the identity provider is out of reach: ${err.message}`,
    }));
    if (outcome.kind === 'signed-in') {
      setSessionCookie(req, res, outcome.sessionId, outcome.endsAt);
      return void res.redirect(302, outcome.returnTo);
    }
    if (outcome.kind === 'failed') opts.onSignInFailure?.(outcome.reason);
    res.redirect(302, `/login?error=${outcome.kind}`);
  });

  if (opts.production || !opts.jwtSecret) return;

  app.get('/auth/demo-users', (_req, res) => void res.json({ users: DEMO_USERS }));

  /** Development only: signs the demo user's token here, so the page never holds one. */
  app.post('/auth/demo-session', express.json({ limit: '1kb' }), async (req, res) => {
    if (!sentByThePortal(req)) return void res.status(400).json({ error: 'Send application/json' });
    const user = DEMO_USERS.find((u) => u.id === req.body?.userId);
    if (!user) return void res.status(404).json({ error: 'No such demo user' });
    const token = await signToken(
      opts.jwtSecret!,
      { sub: user.id, name: user.name, role: user.role, centre: user.centre, identityNumber: user.identityNumber },
      '12h',
    );
    setSessionCookie(req, res, token);
    res.status(204).end();
  });
}
