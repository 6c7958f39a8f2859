import { importJWK, jwtVerify, SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

export const ROLES = ['CITIZEN', 'INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];
/**
 * Machine callers that authenticate with a credential of their own, never with a user's token:
 * the courier's callbacks (COURIER_CALLBACK_SECRET at the gateway). Each can do only what its
 * cells of the authorization matrix allow.
 */
export const SERVICE_ACCOUNTS = ['COURIER'] as const;
export type ServiceAccount = (typeof SERVICE_ACCOUNTS)[number];

/** Who is calling, as the gateway established it from the user's token. */
export interface Caller {
  id: string;
  name: string;
  role: Role | ServiceAccount;
  /** Code of the officer's centre; absent for citizens. */
  centre?: string;
  /** The citizen's identity number; citizens only. */
  identityNumber?: string;
}

/** Header that carries the gateway-signed identity to the subgraphs. */
export const IDENTITY_HEADER = 'x-onestop-identity';
export const CORRELATION_HEADER = 'x-correlation-id';

const ISSUER = 'onestop-gateway';
const AUDIENCE = 'onestop-subgraphs';
const ALG = 'EdDSA';

/**
 * The gateway signs a short-lived identity token with a private key only it holds; subgraphs
 * verify it with the public key, so a request that bypasses the gateway cannot claim anyone.
 */
export async function generateIdentityKeys(): Promise<{ privateJwk: string; publicJwk: string }> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  return {
    privateJwk: JSON.stringify(await exportJWK(privateKey)),
    publicJwk: JSON.stringify(await exportJWK(publicKey)),
  };
}

export async function createIdentitySigner(privateJwk: string) {
  const key = await importJWK(JSON.parse(privateJwk) as JWK, ALG);
  // A signature per request was a visible share of the gateway's time: a caller's token is
  // reused while it has more than half its life left (the same officer sends many requests).
  const cache = new Map<string, { token: string; reuseUntil: number }>();
  return async (caller: Caller | undefined): Promise<string> => {
    const id = caller
      ? JSON.stringify([caller.id, caller.role, caller.centre ?? null, caller.identityNumber ?? null, caller.name])
      : '';
    const now = Date.now();
    const kept = cache.get(id);
    if (kept && kept.reuseUntil > now) return kept.token;
    const token = await new SignJWT({ caller: caller ?? null })
      .setProtectedHeader({ alg: ALG })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(key);
    if (cache.size >= 10_000) cache.clear();
    cache.set(id, { token, reuseUntil: now + 30_000 });
    return token;
  };
}

/**
 * The services' public keys: one JWK, or during a rotation a JSON array (or `{"keys": […]}`) of the
 * new and the old, so that tokens the gateway signed with either verify while it switches.
 */
export function parsePublicJwks(publicJwks: string): JWK[] {
  const parsed = JSON.parse(publicJwks) as JWK | JWK[] | { keys: JWK[] };
  const keys = Array.isArray(parsed) ? parsed : 'keys' in parsed ? parsed.keys : [parsed];
  if (keys.length === 0) throw new Error('IDENTITY_PUBLIC_JWK holds no key');
  return keys;
}

/** Resolves to the caller (undefined for an anonymous request the gateway vouched for); throws on a missing or forged token. */
export async function createIdentityVerifier(publicJwks: string) {
  const keys = await Promise.all(parsePublicJwks(publicJwks).map((jwk) => importJWK(jwk, ALG)));
  const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALG] };
  const verify = async (token: string) => {
    // The newest key first; an older one only while a rotation lasts (a token lives 60 s).
    for (const key of keys.slice(0, -1)) {
      try {
        return await jwtVerify(token, key, options);
      } catch {
        // try the next key
      }
    }
    return jwtVerify(token, keys[keys.length - 1], options);
  };
  // The gateway reuses a caller's token for a while: a token verified once is known until it expires.
  const verified = new Map<string, { caller: Caller | undefined; expiresAt: number }>();
  return async (token: string): Promise<Caller | undefined> => {
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.caller;
    const { payload } = await verify(token);
    const caller = (payload.caller as Caller | null) ?? undefined;
    if (verified.size >= 10_000) verified.clear();
    verified.set(token, { caller, expiresAt: (payload.exp ?? 0) * 1000 });
    return caller;
  };
}
