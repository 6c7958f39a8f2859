import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  Fixtures,
  TestPlatform,
  waitFor,
  createTestDatabase,
  contractOperation,
  TEST_REDIS_URL,
} from '@onestop/test-kit';
import { deleteRedisPrefix } from '@onestop/test-support';
import { launchPlatform, type LaunchedPlatform } from '../scripts/lib/platform-processes';
import { tracingEnabled } from '@onestop/service-kit';

/**
 * OpenTelemetry through the whole platform: a local OTLP/HTTP receiver (JSON, as the exporter
 * sends it) in this process, the platform as separate processes (as `npm start` and the bench run
 * it: each its own service.name, context crossing real process boundaries) with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at it, one reception through the gateway, and the one trace
 * it makes, from the gateway's operation to each subscriber's handling of the event. (The
 * exporter loads node:http by a dynamic import, which jest's module sandbox refuses: so the traced
 * platform runs outside it.) Without the endpoint (the in-process harness): nothing registered,
 * nothing patched, no trace context stored.
 */

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  scope: string;
  service: string;
  attributes: Record<string, unknown>;
}

const SERVER = 2,
  CLIENT = 3,
  PRODUCER = 4,
  CONSUMER = 5;

/** An OTLP/HTTP receiver that decodes the JSON encoding of ExportTraceServiceRequest. */
async function otlpReceiver() {
  const spans: ExportedSpan[] = [];
  const value = (v: Record<string, unknown>): unknown =>
    v.stringValue ??
    v.intValue ??
    v.doubleValue ??
    v.boolValue ??
    (v.arrayValue as { values?: Array<Record<string, unknown>> } | undefined)?.values?.map(value);
  const attributes = (list: Array<{ key: string; value: Record<string, unknown> }> = []) =>
    Object.fromEntries(list.map((a) => [a.key, value(a.value)]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && String(req.headers['content-type']).startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const rs of body.resourceSpans ?? []) {
          const service = String(attributes(rs.resource?.attributes)['service.name']);
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) {
              spans.push({
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId || undefined,
                name: s.name,
                kind: s.kind,
                scope: ss.scope?.name,
                service,
                attributes: attributes(s.attributes),
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(platform: TestPlatform) {
  const fixtures = new Fixtures(platform);
  const centre = await fixtures.centre({ code: 'H57' });
  const procedure = await fixtures.procedure();
  const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
  const { submitDossier } = await platform.contractOk(
    'SubmitDossier',
    {
      input: {
        procedureCode: procedure.code,
        centreId: centre.id,
        channel: 'COUNTER',
        applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An' },
        documents: [],
        delivery: { method: 'COUNTER' },
      },
    },
    officer,
  );
  const [outbox] = await platform.services.intake.db.query(
    `SELECT id, trace_parent FROM outbox WHERE aggregate_id = $1 AND type = 'DossierSubmitted'`,
    [submitDossier.id],
  );
  // every subscriber has applied the reception's event
  await waitFor(
    async () => {
      for (const subscriber of ['processing', 'delivery', 'statistics'] as const) {
        const rows = await platform.services[subscriber].db.query(`SELECT 1 FROM processed_event WHERE event_id = $1`, [
          outbox.id,
        ]);
        if (rows.length === 0) return null;
      }
      return true;
    },
    { what: 'every subscriber to apply DossierSubmitted' },
  );
  return { dossier: submitDossier as { id: string }, traceParent: outbox.trace_parent as string | null };
}

describe('tracing without an OTLP endpoint', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    platform = await TestPlatform.start();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('registers no provider, patches nothing and stores no trace context: nothing to send', async () => {
    const { traceParent } = await receive(platform);
    expect(tracingEnabled()).toBe(false);
    // the API's no-op: spans made through it record nothing
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(trace.getActiveSpan()).toBeUndefined();
    // pg is not instrumented
    expect((require('pg').Client.prototype.query as { __wrapped?: boolean }).__wrapped).toBeUndefined();
    expect(traceParent).toBeNull();
  });
});

describe('tracing with an OTLP endpoint', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let platform: LaunchedPlatform | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-tracing-'));
  beforeAll(async () => {
    receiver = await otlpReceiver();
    db = await createTestDatabase();
    platform = await launchPlatform({
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: prefix,
      dataDir,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        DATABASE_POOL_SIZE: '3',
        QUEUE_POOL_SIZE: '2',
      },
    });
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
    await db?.drop().catch(() => undefined);
    await deleteRedisPrefix(TEST_REDIS_URL, prefix).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    await receiver?.close();
  }, 60_000);

  it('one reception is one trace: the gateway operation, the subgraph fetches, the SQL, the outbox relay and each subscriber', async () => {
    const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await fetch(platform!.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const admin = await platform!.token({ role: 'ADMIN', centre: 'H57' });
    const { createCentre: centre } = await gql(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'H57', name: 'Trung tâm PVHCC tỉnh', level: 'PROVINCE' } },
      admin,
    );
    await gql(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-01',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 0,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    const officer = await platform!.token({ role: 'INTAKE_OFFICER', centre: 'H57' });
    const { submitDossier } = await gql(
      contractOperation('SubmitDossier'),
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId: centre.id,
          channel: 'COUNTER',
          applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An' },
          documents: [],
          delivery: { method: 'COUNTER' },
        },
      },
      officer,
    );

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const {
      rows: [outbox],
    } = await pg
      .query(`SELECT trace_parent FROM intake.outbox WHERE aggregate_id = $1 AND type = 'DossierSubmitted'`, [
        submitDossier.id,
      ])
      .finally(() => pg.end());
    // the outbox row carries the trace of the request that wrote it
    expect(outbox.trace_parent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const traceId = outbox.trace_parent.split('-')[1];
    const spansOf = () => receiver.spans.filter((s) => s.traceId === traceId);
    const consumers = await waitFor(
      () => {
        const found = spansOf().filter((s) => s.kind === CONSUMER && s.name === 'process DossierSubmitted');
        return found.length >= 3 ? found : null;
      },
      { what: "the three subscribers' spans to be exported", timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the last spans' batches
    const spans = spansOf();
    const byId = new Map(spans.map((s) => [s.spanId, s]));

    // the gateway's operation, the root of the trace, named after the contract's operation
    const operation = spans.find((s) => s.kind === SERVER && s.service === 'gateway');
    expect(operation).toMatchObject({ name: 'mutation SubmitDossier', parentSpanId: undefined });
    // Apollo Gateway's own spans, and the fetch to intake with the subgraph's span under it
    expect(spans.filter((s) => s.service === 'gateway').map((s) => s.name)).toEqual(
      expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']),
    );
    const subgraphFetch = spans.find((s) => s.kind === CLIENT && s.name === 'POST intake')!;
    expect(subgraphFetch).toMatchObject({ service: 'gateway' });
    const subgraph = spans.find((s) => s.kind === SERVER && s.service === 'intake')!;
    expect(subgraph).toMatchObject({ parentSpanId: subgraphFetch.spanId, name: expect.stringMatching(/^mutation /) });
    // the SQL, the outbox row among it, under the subgraph's request
    const insert = spans.find(
      (s) =>
        s.scope === '@opentelemetry/instrumentation-pg' &&
        /INSERT INTO outbox/.test(String(s.attributes['db.statement'] ?? s.attributes['db.query.text'])),
    );
    expect(insert).toMatchObject({ service: 'intake' });
    expect(ancestors(insert!, byId)).toContain(subgraph.spanId);
    // no parameter values (personal data) in the SQL spans
    expect(JSON.stringify(spans)).not.toContain('046090001234');
    // the relay's span, child of the request's, and each subscriber's, child of the relay's
    const relay = spans.find((s) => s.kind === PRODUCER && s.name === 'relay DossierSubmitted')!;
    expect(relay).toMatchObject({
      service: 'intake',
      attributes: expect.objectContaining({ 'onestop.source': 'intake' }),
    });
    expect(ancestors(relay, byId)).toContain(subgraph.spanId);
    expect(consumers.map((s) => [s.service, s.attributes['onestop.subscriber']]).sort()).toEqual([
      ['delivery', 'delivery'],
      ['processing', 'processing'],
      ['statistics', 'statistics'],
    ]);
    for (const consumer of consumers) expect(consumer.parentSpanId).toBe(relay.spanId);
    // a handler's own SQL is under its consumer span
    const processing = consumers.find((s) => s.service === 'processing')!;
    expect(
      spans.some(
        (s) =>
          s.service === 'processing' &&
          s.scope === '@opentelemetry/instrumentation-pg' &&
          ancestors(s, byId).includes(processing.spanId),
      ),
    ).toBe(true);
    // one tree: every span's parent is in the trace, up to the gateway's operation
    for (const span of spans) expect(ancestors(span, byId).at(-1) ?? span.spanId).toBe(operation!.spanId);
  }, 120_000);
});

/** The span's parent, its parent's parent… up to the root of the trace. */
function ancestors(span: ExportedSpan, byId: Map<string, ExportedSpan>): string[] {
  const out: string[] = [];
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) out.push(parent);
  return out;
}
