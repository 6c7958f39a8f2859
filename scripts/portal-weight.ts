/**
 * What a first visit of each public page of the portal downloads: the entry's script and style, the
 * chunks they import, and the lazy chunk of that page with its own imports and style, in the
 * compressed form the gateway sends (gateway/src/portal-routes.ts: the `.br`/`.gz` copies the build
 * writes beside each asset; an asset too small to compress is sent as it is). Builds the portal
 * first when its sources changed. `npm run portal:weight`; test/portal-weight.test.ts holds the budget.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePortalBuilt, PORTAL } from './lib/portal-build';

/** The budget of the issue: at most this many compressed bytes of script and style on a first visit. */
export const BUDGET_BYTES = 250 * 1000;

/** Each public page and the source of its lazy chunk (portal/src/App.tsx). */
export const PUBLIC_PAGES: ReadonlyArray<{ path: string; source: string | null }> = [
  { path: '/', source: 'src/pages/Home.tsx' },
  { path: '/track', source: 'src/pages/Track.tsx' },
  { path: '/procedures/:code', source: 'src/pages/Procedure.tsx' },
];

interface Chunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
  src?: string;
}

export interface PageWeight {
  path: string;
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

const DIST = join(PORTAL, 'dist');

/** The file as sent with this encoding: its compressed copy when there is one, else itself. */
function sent(file: string, suffix: '.gz' | '.br'): number {
  const path = join(DIST, file);
  return statSync(existsSync(path + suffix) ? path + suffix : path).size;
}

/** Script and style a first visit of each public page loads, in bytes, raw and as sent. */
export function measure(pages = PUBLIC_PAGES): PageWeight[] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the portal build has no entry in its manifest');
  const collect = (key: string, into: Set<string>, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return into;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the portal build's manifest has no ${key}`);
    into.add(chunk.file);
    chunk.css?.forEach((css) => into.add(css));
    // Static imports only: the lazy pages a page may open later are not part of its first visit.
    chunk.imports?.forEach((imported) => collect(imported, into, seen));
    return into;
  };
  return pages.map(({ path, source }) => {
    const files = collect(entry, new Set());
    if (source) {
      if (!manifest[source]) throw new Error(`${source} is not a chunk of its own: is it lazy-loaded in App.tsx?`);
      collect(source, files);
    }
    const list = [...files].sort();
    const sum = (size: (file: string) => number) => list.reduce((total, file) => total + size(file), 0);
    return {
      path,
      files: list,
      raw: sum((f) => statSync(join(DIST, f)).size),
      gzip: sum((f) => sent(f, '.gz')),
      brotli: sum((f) => sent(f, '.br')),
    };
  });
}

/** Builds the portal if needed, then measures. */
export async function portalWeight(log: (line: string) => void = () => undefined): Promise<PageWeight[]> {
  await ensurePortalBuilt(log);
  return measure();
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

if (require.main === module) {
  portalWeight(console.log).then(
    (weights) => {
      console.log(`First visit of each public page: script and style (budget ${kB(BUDGET_BYTES)} compressed)\n`);
      console.log(['page', 'files', 'raw', 'gzip', 'brotli'].join('\t'));
      for (const w of weights) console.log([w.path, w.files.length, kB(w.raw), kB(w.gzip), kB(w.brotli)].join('\t'));
      const over = weights.filter((w) => Math.max(w.gzip, w.brotli) > BUDGET_BYTES);
      if (over.length) {
        console.error(`\nover the budget: ${over.map((w) => w.path).join(', ')}`);
        process.exit(1);
      }
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
