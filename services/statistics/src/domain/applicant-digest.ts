import { createHash } from 'node:crypto';

/**
 * What statistics keeps of a dossier's applicant: enough to recognise them when they ask for
 * their own dossier's outcome, not their identity number. A digest of a 12-digit number is not
 * anonymous (the numbers can be enumerated), so the column is still personal data to guard; it is
 * never shown and never leaves the service.
 */
export function applicantDigest(identityNumber: string): string {
  return createHash('sha256').update(`onestop-applicant:${identityNumber.trim()}`).digest('hex');
}
