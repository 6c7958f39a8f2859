import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import type express from 'express';
import { endingSpan } from '@onestop/events';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * OpenTelemetry tracing, on only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT
 * or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables). Off, nothing is registered: no
 * provider, no context manager, no propagator, no patched module, and the SDK is not even loaded;
 * the @opentelemetry/api calls left in the code paths (packages/events) are its no-ops.
 */
export interface Tracing {
  serviceName: string;
  /** Sends the spans still buffered, then unregisters everything (a later startTracing starts afresh). */
  shutdown(): Promise<void>;
}

let running: Tracing | undefined;

export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return !!(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

/** Whether this process exports traces: the HTTP servers add their spans only then. */
export function tracingEnabled(): boolean {
  return running !== undefined;
}

/**
 * Registers the tracer provider of this process (`service.name` = `serviceName`, unless
 * OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise), exporting over OTLP/HTTP (JSON) in
 * batches, and instruments `pg` so that every statement run under a span becomes one. Returns
 * undefined, having loaded nothing, when no endpoint is configured. Once per process: a second
 * call returns the first one's handle.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv): Tracing | undefined {
  if (running) return running;
  if (!tracingConfigured(env)) return undefined;
  // Loaded here, not at the top: a process without tracing never loads the SDK.
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes, detectResources, envDetector } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': 'onestop' }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // AsyncLocalStorage context, W3C traceparent (and baggage) propagation.
  provider.register();

  // pg is patched explicitly rather than through a require hook: it is loaded before this runs (by
  // TypeORM and the relay), and under jest, whose module loader no require hook sees. Statements
  // outside any span (the relay's polling, the pool's upkeep) make none; the SQL text is recorded
  // with its placeholders, never the values (no personal data in traces).
  const pg = new PgInstrumentation({ enabled: false, requireParentSpan: true, enhancedDatabaseReporting: false });
  pg.setTracerProvider(provider);
  const pgModule = require('pg');
  const pgPatch = pg.getModuleDefinitions().find((d) => d.name === 'pg');
  pgPatch?.patch?.(pgModule);

  const tracing: Tracing = {
    serviceName,
    async shutdown() {
      if (running !== tracing) return;
      running = undefined;
      pgPatch?.unpatch?.(pgModule);
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  running = tracing;
  return tracing;
}

const tracer = () => trace.getTracer('onestop');

/**
 * An HTTP server span for each request, continuing the caller's trace from its `traceparent`
 * header, and made the active context of everything the request does (its body's parsing
 * included: the request's listeners are bound to it). Mounted only when tracing is on.
 */
export function traceRequests(component: string): express.RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.baseUrl || req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'url.path': req.originalUrl.split('?')[0],
          'onestop.component': component,
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.bind(active, req);
    context.with(active, next);
  };
}

/**
 * Names the request's span after its GraphQL operation (`mutation SubmitDossier`) and marks
 * GraphQL errors on it, by their codes. The span is the active one of the request (traceRequests).
 */
export const traceOperations: ApolloServerPlugin = {
  async requestDidStart() {
    const span: Span | undefined = trace.getActiveSpan();
    if (!span) return;
    return {
      async didResolveOperation({ operationName, operation }) {
        const type = operation?.operation ?? 'operation';
        span.updateName(`${type} ${operationName ?? 'anonymous'}`);
        span.setAttribute('graphql.operation.type', type);
        if (operationName) span.setAttribute('graphql.operation.name', operationName);
      },
      async didEncounterErrors({ errors }) {
        const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        span.setAttribute('graphql.error.codes', codes);
        if (codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'SERVICE_UNAVAILABLE'))
          span.setStatus({ code: SpanStatusCode.ERROR });
      },
    };
  },
};

/** Runs `work` in a span that is a child of the active one (a client call, a store call). */
export function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Record<string, string>,
  work: (span: Span, ctx: Context) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, { kind, attributes });
  const ctx = trace.setSpan(context.active(), span);
  return endingSpan(
    span,
    context.with(ctx, () => work(span, ctx)),
  );
}
