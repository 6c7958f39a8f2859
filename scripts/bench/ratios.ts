/**
 * The platform beside its floor (floor.ts), in one run: receptions and the contract's Dossier
 * query, alternated with the same work done framework-free, as ratios with their spread.
 */
import type { LaunchedPlatform } from '../lib/platform-processes';
import { alternate, graphqlClient, platformCensus, startFloor, withSharedCensus, type RatioFigures } from './floor';
import { DOSSIER, SUBMIT, submitInput, waitEventsApplied, type BenchSeed } from './receptions';

export interface RatioOptions {
  pairs: number;
  seconds: number;
  clients: number;
}

export async function benchRatios(
  platform: LaunchedPlatform,
  seed: BenchSeed,
  databaseUrl: string,
  redisUrl: string | undefined,
  opts: RatioOptions,
  log: (line: string) => void,
): Promise<RatioFigures[]> {
  const floor = await startFloor(databaseUrl);
  const clients = { floor: graphqlClient(floor.url), platform: graphqlClient(platform.gatewayUrl) };
  const census = platformCensus(platform);
  try {
    return await withSharedCensus(databaseUrl, redisUrl, async (shared) => {
      const variants = {
        floor: { client: clients.floor, census: async () => ({ floor: [floor.pid], ...(await shared()) }) },
        platform: { client: clients.platform, census: async () => ({ ...census(), ...(await shared()) }) },
      };
      const received: Record<'floor' | 'platform', Array<{ id: string; officer: string }>> = {
        floor: [],
        platform: [],
      };
      let turn = 0;
      const reception = await alternate(
        'reception',
        variants,
        async (client, variant) => {
          const commune = seed.communes[turn++ % seed.communes.length];
          const { submitDossier } = await client.request(SUBMIT, submitInput(seed, commune.id), commune.officer);
          if (received[variant].length < 2000)
            received[variant].push({ id: submitDossier.id, officer: commune.officer });
        },
        {
          ...opts,
          settle: (variant) => (variant === 'platform' ? waitEventsApplied(databaseUrl, 120_000) : Promise.resolve()),
        },
        log,
      );
      const read = await alternate(
        'Dossier query',
        variants,
        async (client, variant, i) => {
          const d = received[variant][i % received[variant].length];
          await client.request(DOSSIER, { id: d.id }, d.officer);
        },
        opts,
        log,
      );
      return [reception, read];
    });
  } finally {
    await clients.floor.close();
    await clients.platform.close();
    await floor.stop();
  }
}

/** The ratios as table lines: throughput and CPU per operation against the baseline, with their spread, and CPU-ms/op by process. */
export function ratioLines(figures: RatioFigures[]): string[] {
  const range = (r: { median: number; min: number; max: number }) =>
    `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
  const lines: string[] = [];
  for (const f of figures) {
    lines.push(
      `${f.operation}: ${f.measured} throughput ${range(f.throughputRatio)} × ${f.baseline}; CPU per operation ${range(f.cpuRatio)} × ${f.baseline}`,
    );
    for (const variant of [f.measured, f.baseline]) {
      const trials = f.trials.filter((t) => t.variant === variant);
      const names = [...new Set(trials.flatMap((t) => Object.keys(t.cpuMsPerOperation)))];
      const perProcess = names.map(
        (n) => `${n} ${(trials.reduce((s, t) => s + (t.cpuMsPerOperation[n] ?? 0), 0) / trials.length).toFixed(2)}`,
      );
      lines.push(`  ${variant} CPU-ms/op: ${perProcess.join(', ')}`);
    }
  }
  return lines;
}
