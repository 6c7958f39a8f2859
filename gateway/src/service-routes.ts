import type express from 'express';
import { CORRELATION_HEADER, IDENTITY_HEADER } from '@onestop/service-kit';
import type { SubgraphLocation } from './compose';
import type { GatewayContext } from './gateway-server';

/**
 * Printable documents and downloads (receipts, slips, results, CSV exports) live in the services
 * that own them; the gateway passes GET requests under /<service>/ through, with the caller's
 * identity, so that it stays the only public entry.
 */
export function proxyServiceRoutes(
  app: express.Express,
  subgraphs: SubgraphLocation[],
  authenticate: (req: express.Request) => Promise<GatewayContext>,
): void {
  for (const subgraph of subgraphs) {
    const base = subgraph.url.replace(/\/graphql$/, '');
    app.get(`/${subgraph.name}/*path`, async (req, res) => {
      let context: GatewayContext;
      try {
        context = await authenticate(req);
      } catch (err) {
        return void res.status(401).json({ error: (err as Error).message });
      }
      const target = base + req.originalUrl.slice(subgraph.name.length + 1);
      try {
        const upstream = await fetch(target, {
          headers: { [IDENTITY_HEADER]: context.identity, [CORRELATION_HEADER]: context.correlationId },
          signal: AbortSignal.timeout(15_000),
        });
        res.status(upstream.status);
        // repr-digest: a document's SHA-256, which a client compares with the hash the platform stored
        for (const header of [
          'content-type',
          'content-disposition',
          'content-length',
          'cache-control',
          'repr-digest',
        ]) {
          const value = upstream.headers.get(header);
          if (value) res.setHeader(header, value);
        }
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.status(502).json({ error: `The ${subgraph.name} service is unavailable` });
      }
    });
  }
}
