import type { DataSource } from 'typeorm';
import { CentreDirectory, authorize, authorizeOn, notFound, type Caller } from '@onestop/service-kit';

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
