import type { StatisticsContext } from '../deps';
import { dailyTraffic, runReport, type ReportInput } from '../commands/report';

export const Query = {
  async report(_: unknown, { input }: { input: ReportInput }, ctx: StatisticsContext) {
    const report = await runReport(ctx, input);
    const params = new URLSearchParams({
      from: input.from,
      to: input.to,
      centreId: input.centreId,
      includeDescendants: String(input.includeDescendants ?? false),
      groupBy: report.groupBy,
    });
    return { ...report, csvPath: `/statistics/reports.csv?${params}` };
  },

  dailyTraffic: (
    _: unknown,
    args: { centreId: string; from: string; to: string; includeDescendants?: boolean | null },
    ctx: StatisticsContext,
  ) => dailyTraffic(ctx, args),
};
