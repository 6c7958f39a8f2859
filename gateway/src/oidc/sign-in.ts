import type { Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { createLogger, type Caller } from '@onestop/service-kit';
import { mapClaims, type ClaimMapping } from './claim-mapping';
import type { SessionStore } from './session-store';

export interface OidcConfig {
  /** The provider (AUTH_OIDC_ISSUER); its discovery document names every endpoint. */
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** This gateway's /auth/callback as registered at the provider (AUTH_OIDC_REDIRECT_URL). */
  redirectUrl: string;
  /** Where the provider sends the browser after logout (AUTH_OIDC_POST_LOGOUT_URL); the redirect URL's origin by default. */
  postLogoutUrl?: string;
  /** The `aud` every access token must name (AUTH_OIDC_AUDIENCE); the client id by default. */
  audience?: string;
  /** AUTH_OIDC_SCOPES; `openid profile` by default. */
  scopes?: string;
  mapping: ClaimMapping;
  /**
   * Where the gateway itself reaches the provider (AUTH_OIDC_BACKCHANNEL_URL) when the issuer's
   * address is one only browsers can reach (compose: localhost:8080 outside, keycloak:8080 inside).
   */
  backchannelUrl?: string;
}

/** What the gateway keeps of a signed-in user: the cookie names it, the page never sees it. */
interface StoredSession {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** The access token's `exp` and `iat` (ms). */
  expiresAt: number;
  issuedAt: number;
  /** The session's absolute end (ms): the cookie's lifetime. */
  endsAt: number;
}

interface SignInUnderWay {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

export type CallbackOutcome =
  | { kind: 'signed-in'; sessionId: string; returnTo: string; endsAt: number }
  /** The provider knows the user, the mapping gives them no role: no session. */
  | { kind: 'no-role' }
  | { kind: 'failed'; reason: string };

/** A session lasts at most this long; the provider's refresh token may end it sooner. */
export const SESSION_SECONDS = 12 * 3600;
const SIGN_IN_SECONDS = 600;

export class TokenRefusedError extends Error {}

/**
 * Sign-in through an OpenID provider: authorization code flow with PKCE, tokens kept server-side
 * by session id, refreshed shortly before the access token expires, revoked at logout.
 * openid-client checks the exchange (state, PKCE, nonce, the ID token's claims); the signatures of
 * both tokens are checked here against the provider's key set, since openid-client leaves the
 * ID token's to the TLS of the token endpoint and never reads an access token.
 */
export class OidcSignIn {
  private discovered?: Promise<{ config: client.Configuration; jwks: ReturnType<typeof createRemoteJWKSet> }>;
  private readonly refreshing = new Map<string, Promise<StoredSession | undefined>>();

  /** `logger`: the gateway's (at its configured LOG_LEVEL). */
  constructor(
    readonly settings: OidcConfig,
    private readonly store: SessionStore,
    private readonly logger: Logger = createLogger('gateway'),
  ) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  /** The gateway's own requests to the provider, sent to its backchannel address when there is one. */
  private backchannel(url: string): string {
    const { backchannelUrl, issuer } = this.settings;
    if (!backchannelUrl) return url;
    const from = new URL(issuer).origin;
    return url.startsWith(from) ? new URL(backchannelUrl).origin + url.slice(from.length) : url;
  }

  /** Discovery on first use, not at start: the gateway comes up while the provider is still starting. */
  private provider() {
    this.discovered ??= (async () => {
      const fetchVia: client.CustomFetch = (url, options) => fetch(this.backchannel(url), options as RequestInit);
      const insecure = new URL(this.settings.issuer).protocol === 'http:';
      const config = await client.discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        // plain http only for a provider on this machine or in compose; production's is https
        { [client.customFetch]: fetchVia, execute: insecure ? [client.allowInsecureRequests] : [] },
      );
      config[client.customFetch] = fetchVia;
      const jwksUri = config.serverMetadata().jwks_uri;
      if (!jwksUri) throw new Error(`${this.settings.issuer} publishes no jwks_uri`);
      return { config, jwks: createRemoteJWKSet(new URL(this.backchannel(jwksUri))) };
    })().catch((err) => {
      this.discovered = undefined;
      throw err;
    });
    return this.discovered;
  }

  /** The provider's sign-in page for a new sign-in, kept under `state` for the callback. */
  async authorizationUrl(returnTo: string): Promise<{ url: URL; state: string }> {
    const { config } = await this.provider();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await this.store.set(
      `signin:${state}`,
      { codeVerifier, nonce, returnTo } satisfies SignInUnderWay,
      SIGN_IN_SECONDS,
    );
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes ?? 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /** The provider's redirect back: code → tokens → checked → mapped → a session, or a reason why not. */
  async callback(query: string, state: string | undefined): Promise<CallbackOutcome> {
    if (!state) return { kind: 'failed', reason: 'no sign-in under way in this browser' };
    const flow = await this.store.get<SignInUnderWay>(`signin:${state}`);
    if (!flow) return { kind: 'failed', reason: 'the sign-in expired or was already used' };
    await this.store.delete(`signin:${state}`);
    const { config } = await this.provider();
    let tokens: client.TokenEndpointResponse;
    try {
      const currentUrl = new URL(this.settings.redirectUrl);
      currentUrl.search = query;
      tokens = await client.authorizationCodeGrant(
        config,
        currentUrl,
        { pkceCodeVerifier: flow.codeVerifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true },
        { redirect_uri: this.settings.redirectUrl },
      );
    } catch (err) {
      return { kind: 'failed', reason: (err as Error).message };
    }
    let caller: Caller | undefined;
    let claims: JWTPayload;
    try {
      await this.verifyIdToken(tokens.id_token!);
      claims = await this.verifyAccessToken(tokens.access_token);
      caller = mapClaims(claims, this.settings.mapping);
    } catch (err) {
      await this.revoke(tokens);
      return { kind: 'failed', reason: (err as Error).message };
    }
    if (!caller) {
      // nothing to do here for this user: the provider keeps no grant for us either
      await this.revoke(tokens);
      return { kind: 'no-role' };
    }
    const sessionId = randomBytes(32).toString('base64url');
    const endsAt = Date.now() + SESSION_SECONDS * 1000;
    await this.store.set(
      sessionId,
      {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        idToken: tokens.id_token,
        expiresAt: claims.exp! * 1000,
        issuedAt: (claims.iat ?? claims.exp!) * 1000,
        endsAt,
      } satisfies StoredSession,
      SESSION_SECONDS,
    );
    this.logger.info({ user: caller.id, role: caller.role }, 'signed in through the identity provider');
    return { kind: 'signed-in', sessionId, returnTo: flow.returnTo, endsAt };
  }

  /** The ID token: the provider's signature, `iss`, `aud` = this client, `exp`, `nbf`. */
  private async verifyIdToken(idToken: string): Promise<JWTPayload> {
    const { jwks } = await this.provider();
    try {
      return (
        await jwtVerify(idToken, jwks, {
          issuer: this.settings.issuer,
          audience: this.settings.clientId,
          requiredClaims: ['exp'],
        })
      ).payload;
    } catch (err) {
      throw new TokenRefusedError(`ID token refused: ${(err as Error).message}`);
    }
  }

  /**
   * An access token of this provider (a session's, or a bearer's): signature, `iss`, `aud`, `exp`,
   * `nbf`. An ID token names this client as its audience too, but is no access token.
   */
  async verifyAccessToken(token: string): Promise<JWTPayload> {
    const { jwks } = await this.provider();
    let payload: JWTPayload;
    try {
      payload = (
        await jwtVerify(token, jwks, {
          issuer: this.settings.issuer,
          audience: this.settings.audience ?? this.settings.clientId,
          requiredClaims: ['exp'],
        })
      ).payload;
    } catch (err) {
      throw new TokenRefusedError(`Access token refused: ${(err as Error).message}`);
    }
    // RFC 9068's header type, or Keycloak's `typ` claim; an ID token says `ID` or carries a nonce
    const header = decodeProtectedHeader(token);
    if (payload.typ === 'ID' || (header.typ !== 'at+jwt' && payload.typ !== 'Bearer' && 'nonce' in payload)) {
      throw new TokenRefusedError('Access token refused: it is an ID token');
    }
    return payload;
  }

  /** A bearer token of this provider as the contract's caller. */
  async callerOf(token: string): Promise<Caller> {
    const caller = mapClaims(await this.verifyAccessToken(token), this.settings.mapping);
    if (!caller) throw new TokenRefusedError('Token maps to no role on this platform');
    return caller;
  }

  /**
   * The session's access token, refreshed when it is about to expire (a quarter of its lifetime,
   * at most 30 s, before); undefined when the session is gone, ended, or its refresh was refused.
   */
  async accessTokenOf(sessionId: string): Promise<string | undefined> {
    const session = await this.store.get<StoredSession>(sessionId);
    if (!session) return undefined;
    const margin = Math.min(30_000, (session.expiresAt - session.issuedAt) / 4);
    if (session.expiresAt - margin > Date.now()) return session.accessToken;
    // one refresh per session at a time: a page's parallel requests share it (a refresh token may be single-use)
    let refresh = this.refreshing.get(sessionId);
    if (!refresh) {
      refresh = this.refresh(sessionId, session).finally(() => this.refreshing.delete(sessionId));
      this.refreshing.set(sessionId, refresh);
    }
    return (await refresh)?.accessToken;
  }

  private async refresh(sessionId: string, session: StoredSession): Promise<StoredSession | undefined> {
    if (!session.refreshToken) {
      await this.store.delete(sessionId);
      return undefined;
    }
    try {
      const { config } = await this.provider();
      const tokens = await client.refreshTokenGrant(config, session.refreshToken);
      const claims = await this.verifyAccessToken(tokens.access_token);
      // the user's roles may have changed at the provider since: a user who lost them is signed out
      if (!mapClaims(claims, this.settings.mapping)) throw new TokenRefusedError('the user no longer maps to a role');
      if (tokens.id_token) await this.verifyIdToken(tokens.id_token);
      const renewed: StoredSession = {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? session.refreshToken,
        idToken: tokens.id_token ?? session.idToken,
        expiresAt: claims.exp! * 1000,
        issuedAt: (claims.iat ?? claims.exp!) * 1000,
        endsAt: session.endsAt,
      };
      const ttl = (session.endsAt - Date.now()) / 1000;
      if (ttl <= 0) throw new TokenRefusedError('the session reached its end');
      await this.store.set(sessionId, renewed, ttl);
      return renewed;
    } catch (err) {
      // refused (an OAuth error, a token that fails its checks): the session ends. The provider
      // out of reach: the session stays, this request is anonymous, the next one tries again.
      if (!(err instanceof client.ResponseBodyError || err instanceof TokenRefusedError)) {
        this.logger.warn(
          { err: (err as Error).message },
          'could not refresh a session: the identity provider is out of reach',
        );
        return undefined;
      }
      this.logger.info({ reason: err.message }, 'session ended: its refresh was refused');
      await this.store.delete(sessionId);
      return undefined;
    }
  }

  /**
   * Ends the session here and its tokens at the provider (revocation, where offered); the answer
   * is the provider's end-session page, where the browser ends the user's sign-in there too.
   */
  async logout(sessionId: string): Promise<URL | undefined> {
    const session = await this.store.get<StoredSession>(sessionId);
    await this.store.delete(sessionId);
    if (!session) return undefined;
    const { config } = await this.provider();
    await this.revoke({ refresh_token: session.refreshToken, access_token: session.accessToken });
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      ...(session.idToken ? { id_token_hint: session.idToken } : {}),
      post_logout_redirect_uri: this.settings.postLogoutUrl ?? `${new URL(this.settings.redirectUrl).origin}/`,
    });
  }

  private async revoke(tokens: { refresh_token?: string; access_token?: string }): Promise<void> {
    const { config } = await this.provider();
    if (!config.serverMetadata().revocation_endpoint) return;
    // the refresh token first: revoking it ends the provider's grant to us
    for (const [hint, token] of [
      ['refresh_token', tokens.refresh_token],
      ['access_token', tokens.access_token],
    ] as const) {
      if (!token) continue;
      await client.tokenRevocation(config, token, { token_type_hint: hint }).catch((err: Error) => {
        this.logger.warn({ err: err.message, hint }, 'the identity provider did not revoke a token');
      });
    }
  }
}

/** AUTH_OIDC_*: unset AUTH_OIDC_ISSUER means no sign-in through a provider. */
export function oidcFromEnv(
  env: NodeJS.ProcessEnv,
  mapping: (path: string | undefined) => ClaimMapping,
): OidcConfig | undefined {
  if (!env.AUTH_OIDC_ISSUER) return undefined;
  if (!env.AUTH_OIDC_CLIENT_ID) throw new Error('AUTH_OIDC_ISSUER is set: AUTH_OIDC_CLIENT_ID must be too');
  return {
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET || undefined,
    redirectUrl: env.AUTH_OIDC_REDIRECT_URL || `http://localhost:${env.PORT ?? 4000}/auth/callback`,
    postLogoutUrl: env.AUTH_OIDC_POST_LOGOUT_URL || undefined,
    audience: env.AUTH_OIDC_AUDIENCE || undefined,
    scopes: env.AUTH_OIDC_SCOPES || undefined,
    backchannelUrl: env.AUTH_OIDC_BACKCHANNEL_URL || undefined,
    mapping: mapping(env.AUTH_OIDC_CLAIM_MAPPING || undefined),
  };
}
