/**
 * The Report query's p95 through the gateway over generated read models, with the generator and
 * the queries of scripts/bench/report.ts (statistics' own benchmark). It replaces statistics'
 * read models in the bench's database, so it runs last.
 */
import { performance } from 'node:perf_hooks';
import type { LaunchedPlatform } from '../lib/platform-processes';
import { percentile, type GraphQLClient } from './load';
import { REPORT, SCALES, generate, reportCases } from './report';

export interface ScaleFigures {
  dossiers: number;
  generatedSeconds: number;
  /** p95 of every query of the set taken together, and of the slowest one. */
  p50: number;
  p95: number;
  worstP95: number;
  queries: Array<{ query: string; rows: number; p50: number; p95: number }>;
}
export type ReportFigures = Partial<Record<'province-year' | '10 million', ScaleFigures>>;

export async function benchReport(
  platform: LaunchedPlatform,
  gql: GraphQLClient,
  databaseUrl: string,
  opts: { full: boolean; runs: number },
  log: (line: string) => void,
): Promise<ReportFigures> {
  const out: ReportFigures = {};
  for (const key of opts.full ? ['province', 'national'] : ['province']) {
    const scale = SCALES[key];
    log(
      `Report: generating ${scale.name} (${scale.dossiers.toLocaleString('en')} dossiers)${key === 'national' ? ' — this takes many minutes' : ''}`,
    );
    const t = performance.now();
    const ids = await generate(databaseUrl, scale);
    const generatedSeconds = (performance.now() - t) / 1000;
    const observer = await platform.token({ role: 'OBSERVER', centre: scale.provinces > 1 ? 'VN' : 'H57' });
    const all: number[] = [];
    const queries: ScaleFigures['queries'] = [];
    for (const [query, input] of reportCases(scale, ids)) {
      let rows = 0;
      for (let i = 0; i < 3; i++) await gql.request(REPORT, { input }, observer);
      const times: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const t0 = performance.now();
        rows = (await gql.request(REPORT, { input }, observer)).report.rows.length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      queries.push({ query, rows, p50: percentile(times, 50), p95: percentile(times, 95) });
      log(
        `  ${query}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${rows} rows)`,
      );
    }
    all.sort((a, b) => a - b);
    out[scale.name as 'province-year' | '10 million'] = {
      dossiers: scale.dossiers,
      generatedSeconds,
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      worstP95: Math.max(...queries.map((q) => q.p95)),
      queries,
    };
  }
  return out;
}
