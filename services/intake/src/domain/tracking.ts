/**
 * Public tracking (tra cứu hồ sơ) by dossier code: the caller proves a link to the dossier with
 * the last four digits of the applicant's identity number or the applicant's phone number.
 */
export function verifierMatches(applicant: { identityNumber: string; phone: string | null }, verifier: string): boolean {
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
