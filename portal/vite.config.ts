import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build (gateway/src/portal-routes.ts); `npm run dev -w portal` proxies the
// API to a running `npm start` for work on the pages.
const api = process.env.PORTAL_API ?? 'http://127.0.0.1:4000';
const HERE = dirname(fileURLToPath(import.meta.url));
const GENERATED = resolve(HERE, 'src/gql/graphql.ts');

/**
 * `graphql(\`query Name …\`)` becomes the generated `NameDocument` itself, written in place (as the
 * codegen's babel plugin does, with an import): the generated `graphql()` looks documents up in a
 * map of every operation of the portal, and even direct imports would keep all the documents the
 * pages use in one shared module; in place, each page's chunk carries its own operations only.
 */
function inlineDocuments(): Plugin {
  let cache: { mtime: number; docs: Map<string, string> } | undefined;
  const documents = () => {
    const mtime = statSync(GENERATED).mtimeMs;
    if (cache?.mtime !== mtime) {
      const docs = new Map<string, string>();
      for (const m of readFileSync(GENERATED, 'utf8').matchAll(
        /^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm,
      ))
        docs.set(m[1], m[2]);
      cache = { mtime, docs };
    }
    return cache.docs;
  };
  return {
    name: 'onestop-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !/\bgraphql\(\s*`/.test(code)) return null;
      let changed = false;
      // Prettier may put the template on a line of its own and add a trailing comma.
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*,?\s*\)/g, (call, source: string) => {
        const m = source.match(/^\s*(query|mutation|subscription|fragment)\s+(\w+)/);
        const doc = m && documents().get(m[1] === 'fragment' ? `${m[2]}FragmentDoc` : `${m[2]}Document`);
        if (!doc) return call; // not generated yet: the map still finds it
        changed = true;
        return `(${doc})`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

/**
 * Writes `x.br` and `x.gz` beside every built asset (brotli at its best quality, gzip level 9), which
 * the gateway sends to browsers that accept them: compressing once at build time costs nothing per request.
 */
function precompress(): Plugin {
  return {
    name: 'onestop-precompress',
    apply: 'build',
    closeBundle() {
      const dir = resolve(HERE, 'dist/assets');
      for (const file of readdirSync(dir)) {
        if (!/\.(js|css|svg|json|html)$/.test(file)) continue;
        const path = join(dir, file);
        const raw = readFileSync(path);
        if (statSync(path).size < 512) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [inlineDocuments(), react(), precompress()],
  // The manifest tells scripts/portal-weight.ts which files a first visit of each page loads.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, manifest: true },
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/auth', '/intake', '/processing', '/delivery', '/statistics'].map((p) => [p, api]),
    ),
  },
});
