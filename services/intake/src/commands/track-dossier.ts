import { rateLimited } from '@onestop/service-kit';
import { verifierMatches } from '../domain/tracking';
import { dossierForTracking } from '../persistence/tracking';
import type { IntakeContext } from '../deps';

/** Codes that reached a limit since the process started (like blob-store's blobIntegrityFailures), for whoever exports metrics. */
export const trackingLockouts = { count: 0 };

/** No dossier answers to this code: the verifier is checked against it all the same. */
const NOBODY = { identityNumber: '000000000000', phone: null };

/**
 * Public tracking (tra cứu hồ sơ). An unknown code and a wrong verifier both answer null after
 * the same work, and both count as a failure of that code: once a code has had its share of
 * failures, every lookup of it (the right verifier too) is refused until its cool-down ends, from
 * whatever address it comes. No personal data is returned.
 */
export async function trackDossier(ctx: IntakeContext, code: string, verifier: string) {
  const attempt = await ctx.deps.trackingFailures.attempt(code);
  if (attempt.coolDownSeconds) {
    throw rateLimited(
      `Too many wrong verifiers for this dossier code; try again in ${attempt.coolDownSeconds} s`,
      attempt.coolDownSeconds,
    );
  }
  const row = await dossierForTracking(ctx.db, code);
  const matches = verifierMatches(row ?? NOBODY, verifier);
  if (row && matches) {
    await ctx.deps.trackingFailures.succeeded(code);
    return { id: row.id, code: row.code, procedureName: row.procedureName, receivedAt: row.receivedAt };
  }
  if (attempt.reachedLimit) {
    trackingLockouts.count += 1;
    ctx.logger.warn(
      { dossierCode: code, failures: attempt.failures },
      'public tracking: a dossier code had too many wrong verifiers; it is refused to every client until its cool-down ends',
    );
  }
  return null;
}
