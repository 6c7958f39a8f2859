/**
 * Load generation for the benchmark, on undici (keep-alive connections, no per-request setup):
 * an open loop at a fixed rate, whose latencies are measured from each request's *intended*
 * send time (so a stall is charged to every request it delays: no coordinated omission), and a
 * closed loop of N clients that each send as soon as their previous answer arrived (saturation).
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface GraphQLClient {
  /** Sends one operation; resolves to its data, throws on HTTP or GraphQL errors. */
  request<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T>;
  close(): Promise<void>;
}

export function graphqlClient(gatewayUrl: string, connections = 128): GraphQLClient {
  const pool = new Pool(gatewayUrl, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  return {
    async request(query, variables, token) {
      const res = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.body.json()) as {
        data?: any;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      if (res.statusCode !== 200 || body.errors?.length) {
        const first = body.errors?.[0];
        throw Object.assign(
          new Error(
            `HTTP ${res.statusCode}: ${first ? `${first.extensions?.code ?? ''} ${first.message}` : 'no body'}`,
          ),
          { code: first?.extensions?.code },
        );
      }
      return body.data;
    },
    close: () => pool.close(),
  };
}

export interface LatencySummary {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(latencies: number[], errors: number, seconds: number, firstError?: string): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    firstError,
  };
}

/**
 * `rate` requests a second for `seconds`. Request i is due at start + i/rate; its latency runs
 * from that instant to its answer, whatever delayed its sending.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<unknown>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i).then(
        () => void latencies.push(performance.now() - due),
        (err) => {
          errors++;
          firstError ??= (err as Error).message;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return summarise(latencies, errors, seconds, firstError);
}

/** `clients` loops, each sending its next request when the previous one is answered, for `seconds`. */
export async function closedLoop(
  clients: number,
  seconds: number,
  send: (i: number) => Promise<unknown>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await send(next++);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - start) / 1000, firstError);
}
