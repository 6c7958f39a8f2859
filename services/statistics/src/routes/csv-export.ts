import type { Router } from 'express';
import type { GraphQLError } from 'graphql';
import type { ServiceRuntime } from '@onestop/service-kit';
import type { StatisticsDeps } from '../deps';
import { reportToCsv } from '../domain/csv';
import { runReport } from '../commands/report';
import type { GroupBy } from '../persistence/report-reads';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * GET /reports.csv?from&to&centreId&includeDescendants&groupBy — the gateway serves it as
 * /statistics/reports.csv with the caller's identity; the same checks as the report query.
 */
export function csvExportRoutes(router: Router, deps: StatisticsDeps, runtime: ServiceRuntime): void {
  router.get('/reports.csv', async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    try {
      const report = await runReport(
        { caller: res.locals.caller, db: runtime.db, deps },
        {
          from: q.from ?? '',
          to: q.to ?? '',
          centreId: q.centreId ?? '',
          includeDescendants: q.includeDescendants === 'true',
          groupBy: (q.groupBy ?? 'CENTRE') as GroupBy,
        },
      );
      const name = `bao-cao-II06a-${report.groupBy.toLowerCase()}-${report.from}-${report.to}.csv`;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'no-store');
      res.send(reportToCsv(report));
    } catch (err) {
      const code = (err as GraphQLError).extensions?.code as string | undefined;
      if (code && STATUS[code]) return void res.status(STATUS[code]).json({ error: (err as Error).message, code });
      runtime.logger.error({ err }, 'CSV export failed');
      res.status(500).json({ error: 'internal error' });
    }
  });
}
