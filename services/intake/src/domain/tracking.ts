/**
 * Public tracking (tra cứu hồ sơ) by dossier code: the caller proves a link to the dossier with
 * the last four digits of the applicant's identity number or the applicant's phone number.
 */
export function verifierMatches(
  applicant: { identityNumber: string; phone: string | null },
  verifier: string,
): boolean {
  const given = (verifier ?? '').trim();
  if (/^\d{4}$/.test(given)) return applicant.identityNumber.endsWith(given);
  const phone = normalisePhone(given);
  return phone.length >= 9 && applicant.phone !== null && normalisePhone(applicant.phone) === phone;
}

/** 0912 345 678, +84912345678 and 84-912-345-678 are the same phone. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return '';
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/** At most `failures` wrong verifiers for one dossier code within `seconds`. */
export interface FailureLimit {
  failures: number;
  seconds: number;
}

/**
 * 5 an hour, then 20 a day: the cool-down grows from an hour to a day, and guessing one code's
 * four digits (10,000 values) takes over a year whatever the number of addresses it comes from.
 */
export const DEFAULT_FAILURE_LIMITS: readonly FailureLimit[] = [
  { failures: 5, seconds: 3600 },
  { failures: 20, seconds: 86_400 },
];

/** TRACKING_CODE_LIMITS, e.g. "5/3600,20/86400" (failures/seconds, comma-separated). */
export function parseFailureLimits(value: string | undefined): FailureLimit[] {
  if (!value?.trim()) return [...DEFAULT_FAILURE_LIMITS];
  return value.split(',').map((part) => {
    const match = part.trim().match(/^(\d+)\/(\d+)$/);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new Error(`TRACKING_CODE_LIMITS must read like "5/3600,20/86400" (failures/seconds), got ${value}`);
    }
    return { failures: Number(match[1]), seconds: Number(match[2]) };
  });
}

/** Attempts counted in each window (this one included), with the milliseconds until that window ends. */
export interface FailureCount {
  failures: number;
  msLeft: number;
}

/**
 * Seconds until the code may be tried again: 0 while every window still has room for this
 * attempt, else the rest of the longest window that is over its limit.
 */
export function coolDownSeconds(limits: readonly FailureLimit[], counts: ReadonlyArray<FailureCount | null>): number {
  let ms = 0;
  limits.forEach((limit, i) => {
    const count = counts[i];
    if (count && count.failures > limit.failures) ms = Math.max(ms, count.msLeft);
  });
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
}

/** This failure used up a window's share: the moment to tell the operators. */
export function reachedLimit(limits: readonly FailureLimit[], counts: ReadonlyArray<FailureCount | null>): boolean {
  return limits.some((limit, i) => counts[i]?.failures === limit.failures);
}
