import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Caller, type Role } from '@onestop/service-kit';

export interface UserTokenConfig {
  /** HS256 secret (development and tests). */
  jwtSecret?: string;
  /** An OpenID provider's key set (production). */
  jwksUrl?: string;
  /** The `iss` every token must carry (AUTH_JWT_ISSUER); unchecked when unset. */
  jwtIssuer?: string;
  /** The `aud` every token must name (AUTH_JWT_AUDIENCE); unchecked when unset. */
  jwtAudience?: string;
}

/** The OpenID provider the gateway signs users in with: its own tokens, mapped to the contract's claims. */
export interface IdentityProviderTokens {
  issuer: string;
  callerOf(token: string): Promise<Caller>;
}

export class InvalidTokenError extends Error {}

/** Verifies the contract's bearer tokens and turns their claims into a Caller. */
export function createUserTokenVerifier(config: UserTokenConfig, provider?: IdentityProviderTokens) {
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  if (!jwks && !secret && !provider)
    throw new Error('One of AUTH_OIDC_ISSUER, AUTH_JWT_SECRET or AUTH_JWKS_URL must be set');

  // A token without `exp` would open the platform for ever to whoever once held it.
  const claims = {
    requiredClaims: ['exp'],
    issuer: config.jwtIssuer || undefined,
    audience: config.jwtAudience || undefined,
  };
  const issuerOf = (token: string) => {
    try {
      return decodeJwt(token).iss;
    } catch {
      return undefined;
    }
  };
  const verify = async (token: string): Promise<Caller> => {
    // the unverified `iss` only chooses the verification; the provider's checks `iss` among the rest
    if (provider && issuerOf(token) === provider.issuer) {
      try {
        return await provider.callerOf(token);
      } catch (err) {
        throw new InvalidTokenError(`Invalid token: ${(err as Error).message}`);
      }
    }
    if (!jwks && !secret) throw new InvalidTokenError('Invalid token: not one of the identity provider');
    let payload: JWTPayload;
    try {
      payload = jwks
        ? (await jwtVerify(token, jwks, claims)).payload
        : (await jwtVerify(token, secret!, { ...claims, algorithms: ['HS256'] })).payload;
    } catch (err) {
      throw new InvalidTokenError(`Invalid token: ${(err as Error).message}`);
    }
    return toCaller(payload);
  };

  // A user sends the same token with every request until it expires: verified once, it is known
  // until its `exp` (never beyond), as the services know the gateway's identity tokens. Only a
  // token that verified is kept; a refused one is checked again each time.
  const verified = new Map<string, { caller: Caller; expiresAt: number }>();
  return async (token: string): Promise<Caller> => {
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return { ...known.caller };
    if (known) verified.delete(token);
    const caller = await verify(token);
    const exp = decodeJwt(token).exp; // the token has just verified, `exp` among its required claims
    if (typeof exp === 'number' && exp * 1000 > Date.now()) {
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.clear();
      verified.set(token, { caller, expiresAt: exp * 1000 });
    }
    return { ...caller };
  };
}

/** At most this many verified tokens are kept (a few MB); when full, the map starts again. */
const VERIFIED_TOKENS_KEPT = 10_000;

function toCaller(claims: JWTPayload): Caller {
  const role = claims.role as Role;
  if (typeof claims.sub !== 'string' || !claims.sub) throw new InvalidTokenError('Token has no subject');
  if (!ROLES.includes(role)) throw new InvalidTokenError('Token has no valid role');
  const caller: Caller = { id: claims.sub, name: typeof claims.name === 'string' ? claims.name : claims.sub, role };
  if (role === 'CITIZEN') {
    if (typeof claims.identityNumber !== 'string')
      throw new InvalidTokenError('A citizen token must carry identityNumber');
    caller.identityNumber = claims.identityNumber;
  } else {
    if (typeof claims.centre !== 'string') throw new InvalidTokenError('An officer token must carry centre');
    caller.centre = claims.centre;
  }
  return caller;
}

/**
 * The caller a request's Authorization header names, or none without the header; `refuse` makes the
 * error (UNAUTHENTICATED) for a header that is not a bearer token or a token that does not verify.
 */
export async function callerOfAuthorization(
  header: string | null | undefined,
  verify: (token: string) => Promise<Caller>,
  refuse: (message: string) => Error,
): Promise<Caller | undefined> {
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw refuse('Authorization must be "Bearer <token>"');
  try {
    return await verify(token);
  } catch (err) {
    throw err instanceof InvalidTokenError ? refuse(err.message) : err;
  }
}
