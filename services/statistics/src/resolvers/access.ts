import { CentreDirectory, mayRead, type ObjectGuards } from '@onestop/service-kit';
import { factCentresOf } from '../persistence/facts';
import type { StatisticsContext } from '../deps';

/**
 * The guard of Dossier (service-kit object-guards.ts): the matrix's `dossier` cell, as intake and
 * processing apply it to the rest of the dossier: officers of the receiving or the processing
 * centre (and above, for ADMIN and OBSERVER), and the applicant, whom intake recognises
 * (`callerIsApplicant`, required from intake: statistics keeps no personal data).
 */
export const statisticsGuards: ObjectGuards<StatisticsContext> = {
  async Dossier(d: { id: string; callerIsApplicant?: boolean | null }, ctx) {
    const fact = await factCentresOf(ctx.db.manager, d.id);
    if (!fact) return d;
    if (ctx.caller?.role === 'CITIZEN') return d.callerIsApplicant === true ? d : null;
    return (await mayRead(ctx, new CentreDirectory(ctx.db, 'centre_replica'), {
      centreIds: [fact.centreId, fact.processingCentreId],
    }))
      ? d
      : null;
  },
};
