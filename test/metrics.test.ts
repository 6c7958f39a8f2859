import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EVENT_JOB_OPTIONS, QueueConnection, eventQueueName, SERVICES } from '@onestop/events';
import { Fixtures, TestPlatform, waitFor, type QueueBackend } from '@onestop/test-kit';

/**
 * What an operator's Prometheus reads from every process, after dossiers went through the
 * platform: the metrics move as the platform works, and every name the alert rules and the
 * dashboard use is one that /metrics exports.
 */

const PARTS = ['gateway', ...SERVICES] as const;
type Part = (typeof PARTS)[number];

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format's samples, and the names its # TYPE lines declare. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
    const labels = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    );
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

/** The one sample of `name` whose labels include `labels` (0 when there is none). */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = parseExposition(text).samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value ?? 0;
}

/** The metric names a PromQL expression reads (not its functions, keywords or label names). */
function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '').replace(/"[^"]*"/g, '');
  const words = withoutLabels.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(words.filter((w) => /^(onestop|process|nodejs)_/.test(w) || w === 'up'))];
}

const ROOT = join(__dirname, '..');
const rules = parse(readFileSync(join(ROOT, 'deploy', 'prometheus', 'alerts.yml'), 'utf8'));
const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy', 'grafana', 'dashboards', 'onestop.json'), 'utf8'));

describe.each(['redis', 'postgres'] as QueueBackend[])(
  '/metrics of every process, on the %s queue backend',
  (backend) => {
    let platform: TestPlatform;
    let fixtures: Fixtures;
    let centre: { id: string; code: string };
    let commune: { id: string; code: string };
    let soon: { id: string };
    let late: { id: string };
    const scrape = (part: Part) => platform.scrape(part);

    beforeAll(async () => {
      platform = await TestPlatform.start({ backend });
      fixtures = new Fixtures(platform);
      centre = await fixtures.centre({ level: 'PROVINCE' });
      commune = await fixtures.centre({ level: 'COMMUNE', parentId: centre.id });
      // received at the same moment, due five and six working days later: one overdue while the other is due soon
      const five = await fixtures.procedure({ processingTime: { amount: 5, unit: 'WORKING_DAYS' } });
      const six = await fixtures.procedure({ processingTime: { amount: 6, unit: 'WORKING_DAYS' } });
      const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
      const submit = async (procedureCode: string, at: { id: string; code: string }) =>
        platform.contractOk(
          'SubmitDossier',
          {
            input: {
              procedureCode,
              centreId: at.id,
              channel: 'COUNTER',
              applicant: {
                kind: 'CITIZEN',
                identityNumber: '046090007777',
                fullName: 'Trần Thị Bình',
                phone: '0905777888',
                email: 'binh@example.vn',
              },
              documents: [],
              delivery: { method: 'COUNTER' },
            },
          },
          at === centre ? officer : await platform.token({ role: 'INTAKE_OFFICER', centre: at.code }),
        );
      late = (await submit(five.code, centre)).submitDossier;
      soon = (await submit(six.code, commune)).submitDossier;
      // the first step done: processing's DossierStatusChanged reaches intake too, so that every service has applied an event
      await platform.contractOk('CompleteStep', { dossierId: late.id }, officer);
      await waitFor(
        async () => {
          const rows = await platform.services.intake.db.query(
            `SELECT 1 FROM processed_event WHERE type = 'DossierStatusChanged'`,
          );
          const facts = await platform.services.statistics.db.query(`SELECT 1 FROM dossier_fact`);
          return rows.length > 0 && facts.length === 2;
        },
        { what: "every subscriber to apply the dossiers' events" },
      );
    });
    afterAll(() => platform?.stop());

    it("counts dossiers due soon and overdue per processing centre, from processing's deadlines", async () => {
      const [due] = await platform.services.processing.db.query(`SELECT statutory_due_at FROM dossier WHERE id = $1`, [
        late.id,
      ]);
      const processing = platform.services.processing.deps as { now: () => number };
      const now = processing.now;
      // a minute after the first one's statutory due instant: it is overdue, the other (a working day later) due soon
      processing.now = () => new Date(due.statutory_due_at).getTime() + 60_000;
      try {
        const text = await scrape('processing');
        expect(valueOf(text, 'onestop_dossiers_overdue', { centre: centre.code })).toBe(1);
        expect(valueOf(text, 'onestop_dossiers_due_soon', { centre: commune.code })).toBe(1);
        expect(valueOf(text, 'onestop_dossiers_overdue', { centre: commune.code })).toBe(0);
        expect(valueOf(text, 'onestop_dossiers_due_soon', { centre: centre.code })).toBe(0);
      } finally {
        processing.now = now;
      }
    });

    it("serves each process's metrics on a listener of its own, labelled with its part, with Node's process metrics", async () => {
      for (const part of PARTS) {
        const text = await scrape(part);
        expect(valueOf(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
        const own = parseExposition(text).samples.filter((s) => s.name.startsWith('onestop_'));
        expect(own.length).toBeGreaterThan(0);
        expect(new Set(own.map((s) => s.labels.service))).toEqual(new Set([part]));
      }
      // the gateway's public port does not serve them
      const res = await fetch(`${platform.url}/metrics`, { headers: { accept: 'text/plain' } });
      expect(await res.text()).not.toContain('onestop_');
    });

    it('times each operation by name at the gateway and in the subgraph that ran it, and each HTTP route', async () => {
      const gateway = await scrape('gateway');
      expect(valueOf(gateway, 'onestop_graphql_operation_duration_seconds_count', { operation: 'SubmitDossier' })).toBe(
        2,
      );
      expect(valueOf(gateway, 'onestop_graphql_operation_duration_seconds_count', { operation: 'CompleteStep' })).toBe(
        1,
      );
      expect(
        valueOf(gateway, 'onestop_http_request_duration_seconds_count', {
          route: '/graphql',
          method: 'POST',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(3);
      // the gateway's fetch of a client's operation is named `<Operation>__<service>__<n>`: counted under the client's name
      const intake = await scrape('intake');
      expect(valueOf(intake, 'onestop_graphql_operation_duration_seconds_count', { operation: 'SubmitDossier' })).toBe(
        2,
      );
      expect(
        valueOf(await scrape('processing'), 'onestop_graphql_operation_duration_seconds_count', {
          operation: 'CompleteStep',
        }),
      ).toBe(1);
    });

    it('collapses operations the platform does not know, and unnamed ones, into two labels', async () => {
      const admin = await fixtures.admin();
      const before = await scrape('gateway');
      for (let i = 0; i < 3; i++) await platform.ok(`query Invented${i} { centres { code } }`, {}, admin);
      await platform.ok(`{ centres { code } }`, {}, admin);
      const after = await scrape('gateway');
      const count = (text: string, operation: string) =>
        valueOf(text, 'onestop_graphql_operation_duration_seconds_count', { operation });
      expect(count(after, 'other') - count(before, 'other')).toBe(3);
      expect(count(after, 'anonymous') - count(before, 'anonymous')).toBe(1);
      expect(after).not.toContain('Invented');
    });

    it('counts errors by operation and contract code: a request without a token, a request that does not parse', async () => {
      const before = await scrape('gateway');
      const refused = await platform.contract('CompleteStep', { dossierId: late.id });
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const broken = await platform.graphql('query Broken { centres { code ');
      expect(broken.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const after = await scrape('gateway');
      const errors = (text: string, labels: Record<string, string>) =>
        valueOf(text, 'onestop_graphql_errors_total', labels);
      expect(
        errors(after, { operation: 'CompleteStep', code: 'UNAUTHENTICATED' }) -
          errors(before, { operation: 'CompleteStep', code: 'UNAUTHENTICATED' }),
      ).toBe(1);
      expect(
        errors(after, { operation: 'anonymous', code: 'BAD_USER_INPUT' }) +
          errors(after, { operation: 'other', code: 'BAD_USER_INPUT' }) -
          errors(before, { operation: 'anonymous', code: 'BAD_USER_INPUT' }) -
          errors(before, { operation: 'other', code: 'BAD_USER_INPUT' }),
      ).toBe(1);
    });

    it('measures the event lag of every subscriber, from the outbox row to the commit of its effect', async () => {
      for (const subscriber of SERVICES) {
        const text = await scrape(subscriber);
        const count = valueOf(text, 'onestop_event_lag_seconds_count', { subscriber });
        const sum = valueOf(text, 'onestop_event_lag_seconds_sum', { subscriber });
        expect(count).toBeGreaterThan(0);
        // seconds on a loaded machine at most, never the hours an occurred_at from another clock would give
        expect(sum / count).toBeLessThan(60);
      }
    });

    it("shows the outbox backlog and its oldest row's age while the relay is stopped, and 0 once it relays again", async () => {
      const intake = platform.services.intake;
      await intake.relay!.stop();
      try {
        const admin = await fixtures.admin();
        await platform.contractOk(
          'CreateCentre',
          { input: { code: `B${Date.now() % 100000}`, name: 'Trung tâm xã B', level: 'COMMUNE', parentId: centre.id } },
          admin,
        );
        const stuck = await waitFor(
          async () => {
            const text = await scrape('intake');
            return valueOf(text, 'onestop_outbox_backlog_events') >= 1 ? text : null;
          },
          { what: 'the backlog to show the unrelayed event' },
        );
        expect(valueOf(stuck, 'onestop_outbox_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(0);
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const older = await waitFor(
          async () => {
            const text = await scrape('intake');
            return valueOf(text, 'onestop_outbox_oldest_unsent_age_seconds') >= 1 ? text : null;
          },
          { what: 'the oldest row to age' },
        );
        expect(valueOf(older, 'onestop_outbox_backlog_events')).toBeGreaterThanOrEqual(1);
      } finally {
        await intake.relay!.start();
      }
      const drained = await waitFor(
        async () => {
          const text = await scrape('intake');
          return valueOf(text, 'onestop_outbox_backlog_events') === 0 ? text : null;
        },
        { what: 'the relay to drain the outbox' },
      );
      expect(valueOf(drained, 'onestop_outbox_oldest_unsent_age_seconds')).toBe(0);
    });

    it('counts the jobs of the queues each service works, and a dead letter once an event exhausted its retries', async () => {
      const queues = new QueueConnection(platform.serviceConfig('delivery').queue);
      try {
        await queues.waitUntilReady();
        const queue = queues.queue(eventQueueName('delivery'));
        // an event whose id is no uuid cannot be recorded: with one attempt it is failed at once
        await queue.add(
          'DossierSubmitted',
          {
            id: 'not-an-event-id',
            type: 'DossierSubmitted',
            version: 1,
            sequence: 0,
            source: 'intake',
            aggregateId: 'x',
            occurredAt: new Date().toISOString(),
            correlationId: null,
            payload: {},
          } as never,
          { ...EVENT_JOB_OPTIONS, attempts: 1, jobId: 'poison' },
        );
        const text = await waitFor(
          async () => {
            const t = await scrape('delivery');
            return valueOf(t, 'onestop_queue_jobs', { queue: eventQueueName('delivery'), state: 'failed' }) === 1
              ? t
              : null;
          },
          { what: 'the dead letter to be counted' },
        );
        for (const state of ['waiting', 'active', 'delayed'])
          expect(valueOf(text, 'onestop_queue_jobs', { queue: eventQueueName('delivery'), state })).toBe(0);
        // delivery's own background queues are counted beside its events
        expect(
          parseExposition(text).samples.some(
            (s) => s.name === 'onestop_queue_jobs' && s.labels.queue === 'delivery-notifications',
          ),
        ).toBe(true);
        // each service counts the queues it works, not the others'
        const processing = await scrape('processing');
        expect(valueOf(processing, 'onestop_queue_jobs', { queue: eventQueueName('delivery'), state: 'failed' })).toBe(
          0,
        );
        expect(parseExposition(processing).samples.some((s) => s.labels.queue === eventQueueName('processing'))).toBe(
          true,
        );
      } finally {
        await queues.close();
      }
    });

    it("shows each service's pools: busy and idle connections, their maximum, the queries waiting", async () => {
      for (const name of SERVICES) {
        const text = await scrape(name);
        expect(valueOf(text, 'onestop_db_pool_max_connections', { pool: 'service' })).toBe(
          Number(process.env.DATABASE_POOL_SIZE),
        );
        expect(valueOf(text, 'onestop_db_pool_connections', { pool: 'service', state: 'idle' })).toBeGreaterThan(0);
        expect(valueOf(text, 'onestop_db_pool_waiting_requests', { pool: 'service' })).toBe(0);
        // BullMQ's PostgreSQL backend has a pool of its own; Redis has none
        const queuePool = parseExposition(text).samples.some(
          (s) => s.name === 'onestop_db_pool_max_connections' && s.labels.pool === 'queue',
        );
        expect(queuePool).toBe(backend === 'postgres');
      }
    });

    it("holds no personal data: the applicant's number, name, phone and email appear in no process's metrics", async () => {
      for (const part of PARTS) {
        const text = await scrape(part);
        for (const personal of ['046090007777', 'Trần Thị Bình', '0905777888', 'binh@example.vn', late.id, soon.id])
          expect(text).not.toContain(personal);
      }
    });

    if (backend === 'redis') {
      describe('the alert rules and the dashboard', () => {
        let exported: Set<string>;
        beforeAll(async () => {
          exported = new Set(['up']);
          for (const part of PARTS) {
            for (const [name, type] of parseExposition(await scrape(part)).types) {
              exported.add(name);
              if (type === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) exported.add(name + suffix);
            }
          }
        });

        it('give every alert an expression, a duration, a severity and a summary for the operator, on metrics /metrics exports', () => {
          const alerts = rules.groups.flatMap((g: { rules: unknown[] }) => g.rules) as Array<Record<string, any>>;
          expect(alerts.map((a) => a.alert)).toEqual(
            expect.arrayContaining(['OutboxBacklogGrowing', 'DeadLetters', 'ConsumerStalled', 'DossiersOverdue']),
          );
          for (const alert of alerts) {
            expect(alert).toEqual(
              expect.objectContaining({
                alert: expect.any(String),
                expr: expect.any(String),
                for: expect.stringMatching(/^\d+[smh]$/),
              }),
            );
            expect(['page', 'ticket']).toContain(alert.labels?.severity);
            expect(alert.annotations?.summary).toEqual(expect.any(String));
            expect(alert.annotations?.description).toEqual(expect.any(String));
            for (const name of metricNames(alert.expr))
              expect({ alert: alert.alert, name, exported: exported.has(name) }).toEqual({
                alert: alert.alert,
                name,
                exported: true,
              });
          }
        });

        it('draw every dashboard panel from the provisioned Prometheus, on metrics /metrics exports', () => {
          const datasource = parse(
            readFileSync(join(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
          ).datasources[0];
          const panels = (dashboard.panels as Array<Record<string, any>>).filter((p) => p.type !== 'row');
          expect(panels.length).toBeGreaterThanOrEqual(8);
          const titles = panels.map((p) => p.title).join(' | ');
          for (const subject of [
            /throughput/i,
            /p95/i,
            /errors/i,
            /event lag/i,
            /outbox/i,
            /dead letters/i,
            /pool/i,
            /overdue/i,
          ])
            expect(titles).toMatch(subject);
          for (const panel of panels) {
            expect(panel.datasource).toEqual({ type: 'prometheus', uid: datasource.uid });
            expect(panel.targets.length).toBeGreaterThan(0);
            for (const target of panel.targets) {
              for (const name of metricNames(target.expr))
                expect({ panel: panel.title, name, exported: exported.has(name) }).toEqual({
                  panel: panel.title,
                  name,
                  exported: true,
                });
            }
          }
        });
      });
    }
  },
);
