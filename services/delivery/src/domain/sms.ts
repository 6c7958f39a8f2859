/**
 * SMS facts with no I/O: the form of a number brandname gateways take, the sender name's rules,
 * what a delivery receipt means for the notification, and how long a throttled sender waits.
 */

/** Vietnamese mobile numbers as gateways take them: 84 and the number without its leading 0 (0905123456 → 84905123456). */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  if (/^0\d{9,10}$/.test(digits)) return `84${digits.slice(1)}`;
  return digits;
}

/** A brandname (tên định danh) is registered with the operators: at most 11 letters, digits, spaces, dots or hyphens. */
export function checkBrandname(name: string): string | null {
  if (!name) return 'is empty';
  if (name.length > 11) return 'is longer than 11 characters';
  if (!/^[A-Za-z0-9 .-]+$/.test(name)) return 'may hold only letters A–Z, digits, spaces, dots and hyphens';
  return null;
}

export type ReceiptOutcome = 'PENDING' | 'DELIVERED' | 'UNDELIVERED';

/** A gateway's delivery status, as the notification sees it: still on its way, on the handset, or never to arrive. */
export function receiptOutcome(status: string): ReceiptOutcome {
  switch (status.toUpperCase()) {
    case 'DELIVERED':
    case 'DELIVRD':
      return 'DELIVERED';
    case 'UNDELIVERED':
    case 'UNDELIV':
    case 'FAILED':
    case 'EXPIRED':
    case 'REJECTED':
    case 'REJECTD':
      return 'UNDELIVERED';
    default:
      return 'PENDING';
  }
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; a missing or unreadable one waits `fallbackMs`; never more than `maxMs`. */
export function retryAfterMs(header: string | null, now: Date, fallbackMs = 30_000, maxMs = 3_600_000): number {
  let ms = fallbackMs;
  if (header && /^\d+$/.test(header.trim())) ms = Number(header.trim()) * 1000;
  else if (header && !Number.isNaN(Date.parse(header))) ms = Math.max(0, Date.parse(header) - now.getTime());
  return Math.min(ms, maxMs);
}
