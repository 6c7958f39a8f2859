import type { DataSource } from 'typeorm';
import { isCalendarDate } from '@onestop/calendar';
import { badInput, type Caller } from '@onestop/service-kit';
import type { StatisticsDeps } from '../deps';
import { buildReport, GROUP_BYS, type GroupBy, type Report } from '../persistence/report-reads';
import { dailyTrafficOf } from '../persistence/traffic-reads';
import { outcomeOf } from '../persistence/facts';
import { centresOf, requireReportAccess } from './report-access';

export interface ReportInput {
  from: string;
  to: string;
  centreId: string;
  includeDescendants?: boolean | null;
  groupBy?: GroupBy | null;
}

interface Caller_ {
  caller?: Caller;
  db: DataSource;
  deps: StatisticsDeps;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Twenty years: the longest period a report answers (and 240 rows grouped by month). */
const MAX_PERIOD_DAYS = 20 * 366;

export function validatePeriod(from: string, to: string, maxDays = MAX_PERIOD_DAYS): void {
  // isCalendarDate: Date.parse would take 2026-02-30 for 2 March
  if (!isCalendarDate(from) || !isCalendarDate(to)) {
    throw badInput('from and to must be real dates YYYY-MM-DD');
  }
  if (from > to) throw badInput('from must not be after to', { field: 'from' });
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= maxDays)
    throw badInput(`The period may span at most ${maxDays} days`, { field: 'to' });
}

export function validateCentreId(centreId: string): void {
  if (!UUID.test(centreId)) throw badInput('centreId must be a centre id', { field: 'centreId' });
}

/** `report` (and the CSV export, the same report): validate, authorize, then read the counters. */
export async function runReport(ctx: Caller_, input: ReportInput): Promise<Report> {
  const groupBy = input.groupBy ?? 'CENTRE';
  if (!GROUP_BYS.includes(groupBy))
    throw badInput(`groupBy must be one of ${GROUP_BYS.join(', ')}`, { field: 'groupBy' });
  validatePeriod(input.from, input.to);
  validateCentreId(input.centreId);
  await requireReportAccess(ctx, input.centreId);
  return buildReport(ctx.db, {
    from: input.from,
    to: input.to,
    centreId: input.centreId,
    includeDescendants: input.includeDescendants ?? false,
    groupBy,
    now: ctx.deps.now(),
  });
}

/** `dailyTraffic`: receptions per day and local hour over at most a year, from the hourly counters. */
export async function dailyTraffic(
  ctx: Caller_,
  args: { centreId: string; from: string; to: string; includeDescendants?: boolean | null },
) {
  validatePeriod(args.from, args.to, 366);
  validateCentreId(args.centreId);
  await requireReportAccess(ctx, args.centreId, 'dailyTraffic');
  const centreIds = await centresOf(ctx.db, args.centreId, args.includeDescendants ?? false);
  const calendar = await ctx.deps.calendar.current(ctx.db);
  return { centreId: args.centreId, ...(await dailyTrafficOf(ctx.db, calendar, centreIds, args.from, args.to)) };
}

/** `Dossier.outcome`: EARLY / ON_TIME / LATE once resolved (the Dossier guard decided who sees it). */
export const dossierOutcome = (ctx: Pick<Caller_, 'db'>, dossierId: string) => outcomeOf(ctx.db.manager, dossierId);
