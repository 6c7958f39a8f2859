import { SignJWT } from 'jose';
import type { Role } from './identity';

export interface TokenClaims {
  sub?: string;
  name?: string;
  role: Role;
  centre?: string;
  identityNumber?: string;
}

/**
 * Signs a contract token (HS256) the way a province's identity provider would: for development
 * sign-in, the demo seeding and the tools that call the API as an administrator, and for tests.
 */
export async function signToken(secret: string, claims: TokenClaims, expiresIn = '1h'): Promise<string> {
  return new SignJWT({
    name: claims.name ?? `${claims.role.toLowerCase()} ${claims.centre ?? claims.identityNumber ?? ''}`.trim(),
    role: claims.role,
    ...(claims.centre ? { centre: claims.centre } : {}),
    ...(claims.identityNumber ? { identityNumber: claims.identityNumber } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? `${claims.role.toLowerCase()}-${claims.centre ?? claims.identityNumber ?? 'user'}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
