import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express from 'express';

/** Where `npm start` and the Dockerfile build the portal. */
export const PORTAL_DIST = join(__dirname, '..', '..', 'portal', 'dist');

/** Paths the gateway answers itself: everything else that a browser GETs is a page of the portal. */
const API_PREFIXES = [
  '/graphql',
  '/healthz',
  '/auth/',
  '/admin/queues',
  '/intake/',
  '/processing/',
  '/delivery/',
  '/statistics/',
];

/**
 * Serves the built portal on the gateway's origin. Hashed assets are cached for a year and sent
 * compressed (brotli or gzip, written beside them by the build); any other
 * GET that is not an API path answers with index.html, so that deep links and reloads of every
 * page work (React Router takes it from there).
 */
export function servePortal(app: express.Express, dist = PORTAL_DIST, policy?: express.RequestHandler): void {
  const index = join(dist, 'index.html');
  const headers: express.RequestHandler = policy ?? ((_req, _res, next) => next());
  app.use(
    '/assets',
    headers,
    precompressed(join(dist, 'assets')),
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  const isApi = (path: string) => API_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));
  app.use((req, res, next) => (isApi(req.path) ? next() : headers(req, res, next)));
  app.use(express.static(dist, { index: false }));
  app.get(['/', '/*path'], (req, res, next) => {
    if (isApi(req.path)) return next();
    if (!existsSync(index)) {
      return void res
        .status(503)
        .type('text')
        .send('The portal has not been built: run `npm run build -w portal` (npm start does it).');
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}

/** The compressed copies the build writes beside each asset (portal/vite.config.ts), best first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * Sends `x.br` or `x.gz` for `x` when the browser accepts it and the build wrote it: a phone on a
 * slow network downloads a quarter of the bytes. Anything else falls through to the plain file.
 */
function precompressed(dir: string): express.RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.includes('..')) return next();
    const accepted = req.acceptsEncodings(ENCODINGS.map(([name]) => name));
    const chosen = ENCODINGS.find(([name]) => name === accepted);
    const file = join(dir, req.path);
    if (!chosen || !existsSync(file + chosen[1])) return next();
    res.setHeader('content-encoding', chosen[0]);
    res.setHeader('vary', 'Accept-Encoding');
    // The type of the asset itself, not of its compressed copy.
    res.type(extname(file));
    res.sendFile(file + chosen[1], { immutable: true, maxAge: '1y' }, (err) => {
      if (err) next(err);
    });
  };
}
