import { propagation, SpanKind } from '@opentelemetry/api';
import type { Fetcher } from '@apollo/utils.fetcher';
import { inSpan } from '@onestop/service-kit';

/**
 * Each subgraph fetch in a client span of its own (child of Apollo Gateway's `gateway.fetch`),
 * whose W3C traceparent travels in the request's headers, so that the subgraph's spans join the
 * trace. Wrapped only when tracing is on.
 */
export function tracedFetcher(service: string, fetcher: Fetcher): Fetcher {
  return (url, init) =>
    inSpan(
      `POST ${service}`,
      SpanKind.CLIENT,
      { 'http.request.method': 'POST', 'server.address': service, 'url.full': url, 'onestop.subgraph': service },
      async (span, ctx) => {
        const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
        propagation.inject(ctx, headers);
        const response = await fetcher(url, { ...init, headers });
        span.setAttribute('http.response.status_code', response.status);
        return response;
      },
    );
}
