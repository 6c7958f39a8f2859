import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download links for online results (trả kết quả trực tuyến). The signature is
 * an HMAC-SHA256 of the dossier id and the expiry, so any process holding the same secret
 * verifies any link, and a link cannot be stretched to another dossier or a later expiry.
 */
export interface SignedLink {
  dossierId: string;
  /** Seconds since the epoch. */
  expires: number;
  signature: string;
}

export function signLink(secret: string, dossierId: string, expiresAt: Date): SignedLink {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { dossierId, expires, signature: mac(secret, dossierId, expires) };
}

export type LinkCheck = { valid: true } | { valid: false; reason: 'BAD_SIGNATURE' | 'EXPIRED' };

export function verifyLink(
  secret: string,
  link: { dossierId: string; expires: unknown; signature: unknown },
  now: Date,
): LinkCheck {
  const expires = Number(link.expires);
  if (!Number.isInteger(expires) || typeof link.signature !== 'string' || !/^[0-9a-f]{64}$/.test(link.signature)) {
    return { valid: false, reason: 'BAD_SIGNATURE' };
  }
  const expected = Buffer.from(mac(secret, link.dossierId, expires), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(link.signature, 'hex'))) return { valid: false, reason: 'BAD_SIGNATURE' };
  if (expires * 1000 <= now.getTime()) return { valid: false, reason: 'EXPIRED' };
  return { valid: true };
}

/** The path under the gateway: GET /delivery/* is proxied to the delivery service. */
export function linkPath(link: SignedLink): string {
  return `/delivery/results/${encodeURIComponent(link.dossierId)}?expires=${link.expires}&signature=${link.signature}`;
}

function mac(secret: string, dossierId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${dossierId}.${expires}`).digest('hex');
}
