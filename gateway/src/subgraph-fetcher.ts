import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';

/** Keep-alive connections to the subgraphs, with bounded connect and response times. */
export function createSubgraphFetcher(opts: { connectTimeoutMs?: number; responseTimeoutMs?: number } = {}): {
  fetcher: Fetcher;
  close(): Promise<void>;
} {
  // Idle sockets are dropped before the subgraphs' own keep-alive timeout (65 s), so the gateway
  // never writes to a socket the subgraph has just closed.
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connect: { timeout: opts.connectTimeoutMs ?? 10_000 },
    headersTimeout: opts.responseTimeoutMs ?? 15_000,
    bodyTimeout: opts.responseTimeoutMs ?? 15_000,
  });
  const fetcher = ((url: string, init?: object) =>
    undiciFetch(url, { ...init, dispatcher: agent } as never)) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}
