import type { StatisticsContext } from '../deps';
import { runReport, validateCentreId, validatePeriod, type ReportInput } from '../report/run-report';
import { dailyTraffic } from '../report/traffic';
import { centresOf, requireReportAccess } from './access';

export const Query = {
  async report(_: unknown, { input }: { input: ReportInput }, ctx: StatisticsContext) {
    const report = await runReport(ctx, input);
    const params = new URLSearchParams({
      from: input.from, to: input.to, centreId: input.centreId,
      includeDescendants: String(input.includeDescendants ?? false), groupBy: report.groupBy,
    });
    return { ...report, csvPath: `/statistics/reports.csv?${params}` };
  },

  async dailyTraffic(
    _: unknown,
    args: { centreId: string; from: string; to: string; includeDescendants?: boolean | null },
    ctx: StatisticsContext,
  ) {
    validatePeriod(args.from, args.to, 366);
    validateCentreId(args.centreId);
    await requireReportAccess(ctx, args.centreId, 'dailyTraffic');
    const centreIds = await centresOf(ctx.db, args.centreId, args.includeDescendants ?? false);
    const calendar = await ctx.deps.calendar.current(ctx.db);
    return { centreId: args.centreId, ...(await dailyTraffic(ctx.db, calendar, centreIds, args.from, args.to)) };
  },
};
