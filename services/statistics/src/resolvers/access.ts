import { CentreDirectory, authorize, authorizeOn, mayRead, notFound, type Caller, type ObjectGuards } from '@onestop/service-kit';
import type { DataSource } from 'typeorm';
import { DossierFact } from '../persistence';
import type { StatisticsContext } from '../deps';

/**
 * Who reads statistics is the authorization matrix's answer (service-kit authorization-matrix.json):
 * OBSERVER, ADMIN and LEADER, for their own centre and every centre below it — a LEADER too, since
 * a report is an aggregate with no personal data. A centre statistics does not know is NOT_FOUND
 * for the roles that could read one.
 */
export async function requireReportAccess(
  ctx: { caller?: Caller; db: DataSource },
  centreId: string,
  operation: 'report' | 'dailyTraffic' = 'report',
): Promise<void> {
  const centres = new CentreDirectory(ctx.db, 'centre_replica');
  if (ctx.caller && !(await centres.byId(centreId))) {
    authorize(ctx.caller, operation, 'OWN_CENTRE');
    throw notFound('Centre');
  }
  await authorizeOn(centres, ctx.caller, operation, { centreIds: [centreId] });
}

/** The centres a report counts: the centre, or its whole subtree. */
export async function centresOf(db: DataSource, centreId: string, includeDescendants: boolean): Promise<string[]> {
  return includeDescendants ? new CentreDirectory(db, 'centre_replica').subtreeIds(centreId) : [centreId];
}

/**
 * The guard of Dossier (service-kit object-guards.ts): the matrix's `dossier` cell, as intake and
 * processing apply it to the rest of the dossier: officers of the receiving or the processing
 * centre (and above, for ADMIN and OBSERVER), and the applicant, whom intake recognises
 * (`callerIsApplicant`, required from intake: statistics keeps no personal data).
 */
export const statisticsGuards: ObjectGuards<StatisticsContext> = {
  async Dossier(d: { id: string; callerIsApplicant?: boolean | null }, ctx) {
    const fact = await ctx.db.getRepository(DossierFact).findOne({
      where: { dossierId: d.id }, select: { dossierId: true, centreId: true, processingCentreId: true },
    });
    if (!fact) return d;
    if (ctx.caller?.role === 'CITIZEN') return d.callerIsApplicant === true ? d : null;
    return (await mayRead(ctx, new CentreDirectory(ctx.db, 'centre_replica'), { centreIds: [fact.centreId, fact.processingCentreId] })) ? d : null;
  },
};
