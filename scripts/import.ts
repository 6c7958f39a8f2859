/**
 * `npm run import -- FILE [--batch 200] [--concurrency 2] [--centre CODE]`: imports a province's
 * history (JSON Lines, one dossier per line) through the gateway's ADMIN mutation importDossiers,
 * with a progress bar and a final summary. GATEWAY_URL (default http://localhost:4000), and TOKEN
 * or AUTH_JWT_SECRET (an ADMIN token is signed for the root centre, or --centre).
 *
 * `importFile()` is the same import as a function, for the simulator and the benchmarks.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar, Presets } from 'cli-progress';
import { signToken } from '@onestop/service-kit';

export interface Rejection {
  line: number;
  code: string | null;
  reason: string;
}

export interface ImportSummary {
  lines: number;
  imported: number;
  alreadyImported: number;
  rejected: Rejection[];
  seconds: number;
  dossiersPerSecond: number;
}

export interface ImportOptions {
  gatewayUrl: string;
  token: string;
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  onProgress?: (done: number, summary: Omit<ImportSummary, 'seconds' | 'dossiersPerSecond'>) => void;
  /** Stops sending batches (those in flight are answered or aborted); the import then throws its reason. */
  signal?: AbortSignal;
}

const MUTATION = `mutation Import($lines: [HistoricalDossierInput!]!) {
  importDossiers(lines: $lines) { imported alreadyImported rejected lines { line code outcome reason } }
}`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain text for the server's per-line checks: numbers and booleans written out, anything else left for it to reject. */
function str(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}
const pick = (o: unknown, keys: string[]) => (isObject(o) ? Object.fromEntries(keys.map((k) => [k, str(o[k])])) : null);
const list = (v: unknown, keys: string[]) =>
  Array.isArray(v) ? v.map((x) => pick(x, keys) ?? Object.fromEntries(keys.map((k) => [k, null]))) : null;

/** A parsed line in the mutation's input shape: unknown fields dropped, every value as text (the server checks them). */
export function toHistoricalInput(o: Json, line: number): Json {
  const decision = isObject(o.decision)
    ? {
        ...pick(o.decision, ['decision', 'decidedAt', 'reason', 'actor']),
        result: pick(o.decision.result, ['documentType', 'title', 'validUntil']),
      }
    : null;
  const delivery = isObject(o.delivery)
    ? pick(o.delivery, ['method', 'address'])
    : o.deliveryMethod
      ? { method: str(o.deliveryMethod), address: null }
      : null;
  return {
    line,
    ...pick(o, ['code', 'centre', 'procedure', 'channel', 'submittedAt', 'receivedAt', 'dueAt', 'returnedAt']),
    applicant: pick(o.applicant, ['kind', 'identityNumber', 'fullName', 'phone', 'email', 'address']),
    steps: list(o.steps, ['code', 'role', 'completedAt', 'actor']),
    supplements: list(o.supplements, ['requestedAt', 'reason', 'submittedAt']),
    decision,
    delivery,
    rating: isObject(o.rating)
      ? pick(o.rating, ['overall', 'ratedAt'])
      : typeof o.rating === 'string'
        ? { overall: o.rating, ratedAt: null }
        : null,
  };
}

interface LineOutcome {
  line: number;
  code: string | null;
  outcome: 'IMPORTED' | 'ALREADY_IMPORTED' | 'REJECTED';
  reason: string | null;
}

async function post(
  gatewayUrl: string,
  token: string,
  lines: Json[],
  signal?: AbortSignal,
): Promise<{ lines?: LineOutcome[]; error?: string; fatal?: boolean }> {
  signal?.throwIfAborted();
  const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MUTATION, variables: { lines } }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: { importDossiers?: { lines: LineOutcome[] } };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.data?.importDossiers) return { lines: body.data.importDossiers.lines };
  const error = body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`;
  const code = body.errors?.[0]?.extensions?.code;
  return {
    error,
    fatal: code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || res.status === 401 || res.status === 403,
  };
}

/** Sends one batch; if the batch as a whole is refused (a value the schema cannot take), each line goes alone so only the bad ones are rejected. */
async function sendBatch(opts: ImportOptions, batch: Json[]): Promise<LineOutcome[]> {
  const first = await post(opts.gatewayUrl, opts.token, batch, opts.signal);
  if (first.lines) return first.lines;
  if (first.fatal) throw new Error(`The gateway refused the import: ${first.error}`);
  const out: LineOutcome[] = [];
  for (const line of batch) {
    const one = await post(opts.gatewayUrl, opts.token, [line], opts.signal);
    if (one.fatal) throw new Error(`The gateway refused the import: ${one.error}`);
    out.push(
      ...(one.lines ?? [
        {
          line: line.line as number,
          code: (line.code as string) ?? null,
          outcome: 'REJECTED' as const,
          reason: one.error ?? 'refused',
        },
      ]),
    );
  }
  return out;
}

/** Streams FILE, sends batches through the gateway, and sums up what happened to every line. */
export async function importFile(file: string, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 200;
  const concurrency = opts.concurrency ?? 2;
  const summary = { lines: 0, imported: 0, alreadyImported: 0, rejected: [] as Rejection[] };
  let done = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;

  const account = (outcomes: LineOutcome[]) => {
    for (const o of outcomes) {
      if (o.outcome === 'IMPORTED') summary.imported++;
      else if (o.outcome === 'ALREADY_IMPORTED') summary.alreadyImported++;
      else summary.rejected.push({ line: o.line, code: o.code, reason: o.reason ?? 'rejected' });
    }
    done += outcomes.length;
    opts.onProgress?.(done, summary);
  };
  const dispatch = async (batch: Json[]) => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure;
    const p = sendBatch(opts, batch)
      .then(account, (err) => {
        failure = err instanceof Error ? err : new Error(String(err));
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  let batch: Json[] = [];
  const sent = new Set<string>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    summary.lines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      account([{ line: n, code: null, outcome: 'REJECTED', reason: `bad JSON: ${(err as Error).message}` }]);
      continue;
    }
    if (!isObject(parsed)) {
      account([{ line: n, code: null, outcome: 'REJECTED', reason: 'a line must be a JSON object' }]);
      continue;
    }
    // A code seen earlier in the file: its first line must be settled before this one is sent, so
    // that the first wins (this one is then ALREADY_IMPORTED) whatever the concurrency.
    const code = typeof parsed.code === 'string' ? parsed.code.trim() : null;
    if (code !== null && sent.has(code)) {
      if (batch.length) await dispatch(batch);
      batch = [];
      await Promise.all(inFlight);
    }
    if (code !== null) sent.add(code);
    batch.push(toHistoricalInput(parsed, n));
    if (batch.length >= batchSize) {
      await dispatch(batch);
      batch = [];
    }
  }
  if (batch.length) await dispatch(batch);
  await Promise.all(inFlight);
  // (assigned in a callback, which TypeScript's narrowing does not see)
  if (failure) throw failure as Error;
  summary.rejected.sort((a, b) => a.line - b.line);
  const seconds = (Date.now() - started) / 1000;
  return { ...summary, seconds, dossiersPerSecond: summary.imported / Math.max(seconds, 0.001) };
}

/** An ADMIN token: TOKEN, or one signed with AUTH_JWT_SECRET for the given centre (default: the first root of the centre tree). */
export async function adminToken(gatewayUrl: string, centre?: string): Promise<string> {
  if (process.env.TOKEN) return process.env.TOKEN;
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret) throw new Error("Set TOKEN (an ADMIN token) or AUTH_JWT_SECRET (the gateway's signing secret)");
  let code = centre;
  if (!code) {
    const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ centres { code parent { code } } }' }),
    });
    const body = (await res.json()) as { data?: { centres: Array<{ code: string; parent: { code: string } | null }> } };
    code = body.data?.centres.find((c) => !c.parent)?.code;
    if (!code) throw new Error("No centre yet: create the province's centres before importing");
  }
  return signToken(
    secret,
    { sub: 'historical-import', name: 'Nhập dữ liệu lịch sử', role: 'ADMIN', centre: code },
    '12h',
  );
}

export function formatSummary(s: ImportSummary, maxReasons = 20): string {
  const out = [
    `Lines read          ${s.lines}`,
    `Imported            ${s.imported}`,
    `Already imported    ${s.alreadyImported}`,
    `Rejected            ${s.rejected.length}`,
    `Time                ${s.seconds.toFixed(1)} s (${s.dossiersPerSecond.toFixed(0)} dossiers/s)`,
  ];
  for (const r of s.rejected.slice(0, maxReasons))
    out.push(`  line ${r.line}${r.code ? ` (${r.code})` : ''}: ${r.reason}`);
  if (s.rejected.length > maxReasons) out.push(`  … and ${s.rejected.length - maxReasons} more`);
  return out.join('\n');
}

/** A progress bar on stderr when it is a terminal (plain lines otherwise). */
export function progressBar(total: number, what = 'dossiers') {
  const bar = new SingleBar(
    {
      format: `{bar} {percentage}% | {value}/{total} ${what} | {rate}/s | ETA {eta}s`,
      noTTYOutput: false,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: 0 });
  return {
    update: (value: number) =>
      bar.update(value, { rate: Math.round(value / Math.max((Date.now() - started) / 1000, 0.001)) }),
    stop: () => bar.stop(),
  };
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }))
    if (text.trim()) count++;
  return count;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!file) {
    console.error('usage: npm run import -- FILE.jsonl [--batch 200] [--concurrency 2] [--centre CODE]');
    process.exit(2);
  }
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000';
  const token = await adminToken(gatewayUrl, arg(args, 'centre'));
  const total = await countLines(file);
  const bar = progressBar(total);
  const summary = await importFile(file, {
    gatewayUrl,
    token,
    batchSize: Number(arg(args, 'batch') ?? 200),
    concurrency: Number(arg(args, 'concurrency') ?? 2),
    onProgress: (done) => bar.update(done),
  }).finally(() => bar.stop());
  console.log(formatSummary(summary));
  process.exit(0);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
