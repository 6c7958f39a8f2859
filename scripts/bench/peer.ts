/**
 * Our gateway beside a peer gateway on the same supergraph (issue 17): the same four running
 * subgraphs behind @apollo/gateway as this project configures it and behind
 * @graphql-hive/gateway-runtime (peer-gateway.ts), the contract's Dossier query alternated A/B,
 * and the gateway process's CPU per query compared. The target is ours ≤ 1.0 × the peer's.
 *
 * Fairness is checked in the run, not assumed: both must answer one dossier with the same data,
 * and the peer's subgraph requests per query are counted by its fetch hook (that ours sends as
 * many to each subgraph is test/bench-peer-gateway.test.ts's check, counted at the subgraphs).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ROOT } from '../platform-env';
import { freePorts, type LaunchedPlatform } from '../lib/platform-processes';
import { alternate, graphqlClient, platformCensus, withSharedCensus, type RatioFigures, type Spread } from './floor';
import { DOSSIER, SUBMIT, submitInput, waitEventsApplied, type BenchSeed } from './receptions';

export interface RunningPeer {
  url: string;
  pid: number;
  /** Its subgraph fetches so far, all subgraphs together. */
  subgraphRequests(): Promise<number>;
  stop(): Promise<void>;
}

/** The peer as its own process (so that /proc gives its CPU as it gives ours), with our gateway's environment. */
export async function startPeer(platform: LaunchedPlatform): Promise<RunningPeer> {
  const [port] = await freePorts(1);
  const child: ChildProcess = fork(join(ROOT, 'scripts/bench/peer-gateway.ts'), [], {
    cwd: ROOT,
    execArgv: ['-r', './scripts/register.js', ...platform.nodeArgs],
    env: { ...process.env, ...platform.gatewayEnv, PORT: String(port) },
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the peer gateway exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    subgraphRequests: async () => {
      const counts = (await (await fetch(`${url}/subgraph-requests`)).json()) as Record<string, number>;
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface PeerFigures extends RatioFigures {
  /** The peer's subgraph requests per Dossier query (its fetch hook). */
  subgraphRequestsPerQuery: number;
  /** Both gateways answered the probe dossier with the same data. */
  sameAnswer: boolean;
  /** Dossier queries per CPU-second of the gateway process, each gateway's mean over its trials. */
  queriesPerGatewayCpuSecond: { ours: number; peer: number };
  /** Our gateway's CPU per query over the peer's, per pair (the target: ≤ 1.0). */
  gatewayCpuRatio: Spread;
}

const DOSSIERS = 200;

export async function benchPeer(
  platform: LaunchedPlatform,
  seed: BenchSeed,
  databaseUrl: string,
  redisUrl: string | undefined,
  opts: { pairs: number; seconds: number; clients: number },
  log: (line: string) => void,
): Promise<PeerFigures> {
  const ours = graphqlClient(platform.gatewayUrl);
  // Dossiers of the communes, every service's events applied: each query reads a whole dossier.
  const dossiers: Array<{ id: string; officer: string }> = [];
  for (let i = 0; i < DOSSIERS; i++) {
    const commune = seed.communes[i % seed.communes.length];
    const { submitDossier } = await ours.request(SUBMIT, submitInput(seed, commune.id), commune.officer);
    dossiers.push({ id: submitDossier.id, officer: commune.officer });
  }
  await waitEventsApplied(databaseUrl, 120_000);
  const peer = await startPeer(platform);
  const peerClient = graphqlClient(peer.url);
  try {
    const probe = dossiers[0];
    const [a, b] = await Promise.all([
      ours.request(DOSSIER, { id: probe.id }, probe.officer),
      peerClient.request(DOSSIER, { id: probe.id }, probe.officer),
    ]);
    const sameAnswer = isDeepStrictEqual(a, b) && a.dossier?.id === probe.id;
    if (!sameAnswer)
      log(
        `peer gateway: its answer differs from ours — the comparison is not fair:\n  ours ${JSON.stringify(a)}\n  peer ${JSON.stringify(b)}`,
      );
    const before = await peer.subgraphRequests();
    for (const d of dossiers.slice(0, 20)) await peerClient.request(DOSSIER, { id: d.id }, d.officer);
    const subgraphRequestsPerQuery = ((await peer.subgraphRequests()) - before) / 20;
    log(
      `peer gateway: same answer as ours ${sameAnswer ? 'yes' : 'NO'}; ${subgraphRequestsPerQuery} subgraph requests per Dossier query`,
    );

    const census = platformCensus(platform);
    const figures = await withSharedCensus(databaseUrl, redisUrl, (shared) => {
      // The gateway process is "gateway" in both, the services are the same processes.
      const services = () => Object.fromEntries(Object.entries(census()).filter(([name]) => name !== 'gateway'));
      const variants = {
        peer: { client: peerClient, census: async () => ({ gateway: [peer.pid], ...services(), ...(await shared()) }) },
        ours: { client: ours, census: async () => ({ ...census(), ...(await shared()) }) },
      };
      return alternate(
        'Dossier query, gateways',
        variants,
        async (client, _variant, i) => {
          const d = dossiers[i % dossiers.length];
          await client.request(DOSSIER, { id: d.id }, d.officer);
        },
        opts,
        log,
      );
    });
    const meanGatewayMs = (variant: string) => {
      const trials = figures.trials.filter((t) => t.variant === variant);
      return trials.reduce((s, t) => s + t.cpuMsPerOperation.gateway, 0) / trials.length;
    };
    return {
      ...figures,
      subgraphRequestsPerQuery,
      sameAnswer,
      queriesPerGatewayCpuSecond: { ours: 1000 / meanGatewayMs('ours'), peer: 1000 / meanGatewayMs('peer') },
      gatewayCpuRatio: figures.processCpuRatio.gateway,
    };
  } finally {
    await ours.close();
    await peerClient.close();
    await peer.stop();
  }
}

/** The comparison as table lines. */
export function peerLines(f: PeerFigures): string[] {
  const range = (r: Spread) => `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
  return [
    `gateway CPU per Dossier query, ours over the peer (@graphql-hive/gateway-runtime): ${range(f.gatewayCpuRatio)} (target ≤ 1.0)`,
    `  Dossier queries per gateway CPU-second: ours ${f.queriesPerGatewayCpuSecond.ours.toFixed(0)}, peer ${f.queriesPerGatewayCpuSecond.peer.toFixed(0)}`,
    `  throughput ours over peer ${range(f.throughputRatio)}; all processes' CPU per query ours over peer ${range(f.cpuRatio)}`,
    `  fair: same answer ${f.sameAnswer ? 'yes' : 'NO'}; the peer's subgraph requests per query ${f.subgraphRequestsPerQuery}`,
  ];
}
