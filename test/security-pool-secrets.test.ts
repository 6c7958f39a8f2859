import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FileBlobStore } from '@onestop/blob-store';
import type { DossierDecidedV1, EventEnvelope } from '@onestop/events';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import { linkPath, signLink } from '@onestop/delivery';
import { downloadLinkSecret } from '../scripts/platform-env';

/**
 * Issue 16, findings 2, 4 and 7, as an outside attacker met them:
 * - one intake officer froze intake with a dozen parallel acceptDossier calls on one dossier;
 * - a result download link signed with the secret written in the source was accepted;
 * - a dossier's four-digit verifier was guessed from 33 addresses in 330 requests.
 */
// A query that leaves its transaction's connection fails here instead of being logged (read when the services start).
process.env.DATABASE_SECOND_CONNECTION = 'refuse';
// A lock not granted within 2 s gives up (10 s by default), so that the test of it is short.
process.env.DATABASE_LOCK_TIMEOUT_MS = '2000';

const CITIZEN = '046090001234';
const STORM = 50;
const PROBE_MS = Number(process.env.PROBE_MS ?? 10_000);

describe('security: pools, secrets and public tracking (issue 16)', () => {
  let platform: TestPlatform;
  const t = {} as Record<'admin' | 'officer' | 'specialist' | 'leader' | 'citizen', string>;
  let centre: { id: string; code: string };
  let child: { id: string; code: string };
  let procedureCode: string;

  beforeAll(async () => {
    // The gateway trusts X-Forwarded-For here, as behind a load balancer: each request may come from an address of its own.
    platform = await TestPlatform.start({ gateway: { trustProxy: true } });
    const code = `S${randomBytes(3).toString('hex').toUpperCase()}`;
    t.admin = await platform.token({ role: 'ADMIN', centre: code });
    t.officer = await platform.token({ role: 'INTAKE_OFFICER', centre: code });
    t.specialist = await platform.token({ role: 'SPECIALIST', centre: code });
    t.leader = await platform.token({ role: 'LEADER', centre: code });
    t.citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN });
    centre = (
      await platform.ok(
        `mutation($i: CentreInput!) { createCentre(input: $i) { id code } }`,
        { i: { code, name: 'Trung tâm PVHCC', level: 'PROVINCE', parentId: null } },
        t.admin,
      )
    ).createCentre;
    child = (
      await platform.ok(
        `mutation($i: CentreInput!) { createCentre(input: $i) { id code } }`,
        { i: { code: `${code}.01`, name: 'Bộ phận một cửa xã', level: 'COMMUNE', parentId: centre.id } },
        t.admin,
      )
    ).createCentre;
    procedureCode = `P-${randomBytes(3).toString('hex')}`;
    await platform.ok(
      `mutation($i: ProcedureInput!) { upsertProcedure(input: $i) { id } }`,
      {
        i: {
          code: procedureCode,
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE', 'COMMUNE'],
          feeVnd: 0,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
          components: [{ code: 'CCCD', name: 'Căn cước công dân', required: false, documentType: 'CCCD' }],
        },
      },
      t.admin,
    );
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica`)).length === 2 &&
        (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 2,
      { what: 'the centre replicas' },
    );
  }, 120_000);
  afterAll(() => platform?.stop());

  /** One request with a deadline of its own (a frozen service must not freeze the test). */
  async function post(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
    ms = 30_000,
  ) {
    try {
      const res = await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        signal: AbortSignal.timeout(ms),
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as {
        data?: any;
        errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      };
    } catch (err) {
      return { errors: [{ message: (err as Error).message, extensions: { code: 'NO_ANSWER' } }] };
    }
  }

  async function submit(channel: 'ONLINE' | 'COUNTER', delivery: 'COUNTER' | 'ONLINE' = 'COUNTER') {
    const { submitDossier } = await platform.ok(
      `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { id code } }`,
      {
        i: {
          procedureCode,
          centreId: centre.id,
          channel,
          documents: [],
          delivery: { method: delivery, address: null },
          applicant: {
            kind: 'CITIZEN',
            identityNumber: CITIZEN,
            fullName: 'Nguyễn Văn An',
            phone: '0905123456',
            email: 'an@example.vn',
          },
        },
      },
      channel === 'ONLINE' ? t.citizen : t.officer,
    );
    return submitDossier as { id: string; code: string };
  }

  const statusIn = async (id: string) =>
    (await platform.services.processing.db.query(`SELECT status FROM dossier WHERE id = $1`, [id]))[0]?.status as
      string | undefined;
  const settle = (id: string, status: string) =>
    waitFor(async () => (await statusIn(id)) === status, { what: `dossier to be ${status}` });

  /**
   * Every service answers a query of its own within a few seconds, and the gateway's /healthz is
   * 200 (the frozen intake of the finding answered /healthz but no request).
   */
  async function everyServiceAnswers() {
    const year = new Date().getUTCFullYear();
    const probes = {
      intake: post(`{ centres { code } }`, {}, undefined, {}, PROBE_MS),
      processing: post(
        `query($p: String!) { workflow(procedureCode: $p) { version } }`,
        { p: procedureCode },
        t.admin,
        {},
        PROBE_MS,
      ),
      delivery: post(`{ failedNotifications(limit: 1) { id } }`, {}, t.admin, {}, PROBE_MS),
      statistics: post(
        `query($i: ReportInput!) { report(input: $i) { rows { key } } }`,
        { i: { from: `${year}-01-01`, to: `${year}-12-31`, centreId: centre.id } },
        t.admin,
        {},
        PROBE_MS,
      ),
    };
    const t0 = Date.now();
    const answers = Object.fromEntries(
      await Promise.all(
        Object.entries(probes).map(async ([name, p]) => [name, (await p).errors?.[0]?.message ?? 'ok']),
      ),
    );
    if (process.env.SHOW_STORM_TIMES) console.log('probes', Date.now() - t0, 'ms', answers);
    expect(answers).toEqual({ intake: 'ok', processing: 'ok', delivery: 'ok', statistics: 'ok' });
    const health = await fetch(`${platform.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    expect(health).toBe(200);
  }

  /**
   * STORM concurrent calls of one mutation: nothing freezes, one wins, and the others are refused
   * with a contract error for the state the winner left (CONFLICT; BAD_USER_INPUT where the input no
   * longer fits it; FORBIDDEN where the dossier moved to another centre) — never a 500 or an outage.
   */
  async function storm(mutation: string, variables: Record<string, unknown>, token: string) {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: STORM }, () => post(mutation, variables, token)));
    const outcomes = results.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : 'OK'));
    if (process.env.SHOW_STORM_TIMES)
      console.log(mutation.slice(0, 60), Date.now() - started, 'ms', [
        ...new Set(results.map((r) => r.errors?.[0]?.message)),
      ]);
    await everyServiceAnswers();
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => !['OK', 'CONFLICT', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(o))).toEqual([]);
  }

  describe('no service is frozen by its own pool', () => {
    it(`${STORM} concurrent acceptDossier on one dossier leave intake answering`, async () => {
      const online = await submit('ONLINE');
      await storm(`mutation($id: ID!) { acceptDossier(dossierId: $id) { id status } }`, { id: online.id }, t.officer);
    }, 120_000);

    it(`${STORM} concurrent calls of each lifecycle mutation on one dossier leave every service answering`, async () => {
      const refused = await submit('ONLINE');
      await settle(refused.id, 'NEW');
      await storm(
        `mutation($id: ID!) { refuseDossier(dossierId: $id, reason: "Sai thủ tục") { id status } }`,
        { id: refused.id },
        t.officer,
      );

      const d = await submit('COUNTER');
      await settle(d.id, 'RECEIVED');
      await storm(
        `mutation($id: ID!) { completeStep(dossierId: $id, note: null) { id status } }`,
        { id: d.id },
        t.officer,
      );
      await storm(
        `mutation($id: ID!, $to: ID!) { transferDossier(dossierId: $id, toCentreId: $to, reason: "Liên thông") { id } }`,
        { id: d.id, to: child.id },
        t.specialist,
      );
      // Back to the first centre, where this specialist works.
      const childSpecialist = await platform.token({ role: 'SPECIALIST', centre: child.code });
      await platform.ok(
        `mutation($id: ID!, $to: ID!) { transferDossier(dossierId: $id, toCentreId: $to, reason: "Trả lại") { id } }`,
        { id: d.id, to: centre.id },
        childSpecialist,
      );
      await storm(
        `mutation($id: ID!) { requestSupplement(dossierId: $id, reason: "Ảnh CCCD mờ", componentCodes: ["CCCD"]) { id status } }`,
        { id: d.id },
        t.specialist,
      );
      await waitFor(
        async () =>
          (await platform.services.intake.db.query(`SELECT status FROM dossier WHERE id = $1`, [d.id]))[0].status ===
          'SUPPLEMENT_REQUESTED',
        { what: 'intake to learn of the request' },
      );
      const upload = {
        fileName: 'cccd.pdf',
        mimeType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4\n% cccd\n%%EOF\n').toString('base64'),
      };
      await storm(
        `mutation($id: ID!, $docs: [DocumentInput!]!) { submitSupplement(dossierId: $id, documents: $docs) { id status } }`,
        { id: d.id, docs: [{ componentCode: 'CCCD', upload }] },
        t.citizen,
      );
      await settle(d.id, 'PROCESSING');
      await storm(
        `mutation($id: ID!) { completeStep(dossierId: $id, note: null) { id status } }`,
        { id: d.id },
        t.specialist,
      );
      await storm(
        `mutation($i: DecisionInput!) { decideDossier(input: $i) { id status } }`,
        { i: { dossierId: d.id, decision: 'REJECTED', reason: 'Không đủ điều kiện', result: null } },
        t.leader,
      );
      await waitFor(
        async () =>
          (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [d.id]))[0]
            ?.status === 'READY',
        { what: 'delivery to be ready' },
      );
      await storm(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id status } }`, { id: d.id }, t.officer);
      await storm(
        `mutation($id: ID!) { rateService(dossierId: $id, rating: { overall: SATISFIED, comment: null }) { overall } }`,
        { id: d.id },
        t.citizen,
      );

      const withdrawn = await submit('COUNTER');
      await settle(withdrawn.id, 'RECEIVED');
      await storm(
        `mutation($id: ID!) { withdrawDossier(dossierId: $id, reason: "Rút hồ sơ") { id status } }`,
        { id: withdrawn.id },
        t.officer,
      );
    }, 600_000);

    it('a request that waits for a lock held elsewhere gives up with CONFLICT instead of holding its connection', async () => {
      const online = await submit('ONLINE');
      const holder = new Client({ connectionString: platform.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM intake.dossier WHERE id = $1 FOR UPDATE`, [online.id]);
        const started = Date.now();
        const res = await post(
          `mutation($id: ID!) { acceptDossier(dossierId: $id) { id status } }`,
          { id: online.id },
          t.officer,
        );
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCK_TIMEOUT' });
        expect(Date.now() - started).toBeLessThan(8000);
        await everyServiceAnswers();
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
      expect(
        (
          await platform.ok(
            `mutation($id: ID!) { acceptDossier(dossierId: $id) { status } }`,
            { id: online.id },
            t.officer,
          )
        ).acceptDossier.status,
      ).toBe('RECEIVED');
    });
  });

  describe('download links that cannot be forged', () => {
    it('refuses a link signed with the development secret that used to be in the source, and the dossier stays unreturned', async () => {
      const d = await submit('COUNTER', 'ONLINE');
      await waitFor(
        async () =>
          (await platform.services.delivery.db.query(`SELECT 1 FROM delivery WHERE dossier_id = $1`, [d.id])).length,
        { what: 'delivery' },
      );
      const blob = await new FileBlobStore(join(platform.dataDir, 'blobs')).put(
        Buffer.from(`%PDF-1.4 result ${d.code}`),
      );
      const payload: DossierDecidedV1 = {
        dossierId: d.id,
        code: d.code,
        decision: 'APPROVED',
        reason: null,
        resolvedAt: new Date().toISOString(),
        dueAt: new Date(Date.now() + 86400_000).toISOString(),
        processingCentreId: centre.id,
        actor: { id: 'leader', name: 'Lãnh đạo', role: 'LEADER', centre: centre.code },
        result: {
          recordId: d.id,
          documentType: 'PHIEU_LLTP',
          title: 'Phiếu',
          sha256: blob.sha256,
          sizeBytes: blob.sizeBytes,
          mimeType: 'application/pdf',
          validUntil: null,
        },
      };
      const event: EventEnvelope = {
        id: d.id,
        type: 'DossierDecided',
        version: 1,
        sequence: 1,
        source: 'processing',
        aggregateId: d.id,
        occurredAt: new Date().toISOString(),
        correlationId: null,
        payload,
      };
      await platform.services.delivery.consumer!.apply({ data: event });

      const forged = linkPath(
        signLink('onestop-development-download-link-secret', d.id, new Date(Date.now() + 3600_000)),
      );
      const res = await fetch(`${platform.url}${forged}`);
      expect(res.status).toBe(403);
      expect(
        (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [d.id]))[0]
          .status,
      ).toBe('READY');
      // The link the platform itself issues still works.
      const { dossier } = await platform.ok(
        `query($id: ID!) { dossier(id: $id) { delivery { downloadUrl } } }`,
        { id: d.id },
        t.citizen,
      );
      const real = await fetch(new URL(dossier.delivery.downloadUrl, platform.url));
      expect(real.status).toBe(200);
    });

    it('npm start keeps a secret of its own under DATA_DIR (mode 0600), and production without DOWNLOAD_LINK_SECRET stops with a sentence', () => {
      const dir = mkdtempSync(join(tmpdir(), 'onestop-secret-'));
      try {
        const first = downloadLinkSecret({}, dir);
        expect(first).toMatch(/^[0-9a-f]{64}$/);
        expect(statSync(join(dir, 'download-link.secret')).mode & 0o777).toBe(0o600);
        expect(downloadLinkSecret({}, dir)).toBe(first);
        expect(readFileSync(join(dir, 'download-link.secret'), 'utf8').trim()).toBe(first);
        expect(downloadLinkSecret({}, mkdtempSync(join(dir, 'other-')))).not.toBe(first);
        expect(downloadLinkSecret({ DOWNLOAD_LINK_SECRET: 'from-the-environment' }, dir)).toBe('from-the-environment');
        expect(() => downloadLinkSecret({ NODE_ENV: 'production' }, dir)).toThrow(
          /DOWNLOAD_LINK_SECRET must be set in production/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('public tracking that cannot be brute-forced', () => {
    const TRACK = `query($code: String!, $verifier: String!) { trackDossier(code: $code, verifier: $verifier) { code } }`;
    let address = 0;
    /** Each lookup from an address of its own, as from a botnet. */
    const track = (code: string, verifier: string) =>
      post(TRACK, { code, verifier }, undefined, { 'x-forwarded-for': `198.51.100.${++address % 250}, 10.0.0.1` });
    const outcome = (r: Awaited<ReturnType<typeof track>>) =>
      r.errors
        ? `${String(r.errors[0].extensions?.code)}/${String(r.errors[0].extensions?.reason)}`
        : r.data.trackDossier
          ? 'FOUND'
          : 'NULL';

    it('refuses a code to every address after 5 wrong verifiers, the right verifier too, and says how long to wait', async () => {
      const d = await submit('COUNTER');
      const other = await submit('COUNTER');
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++) outcomes.push(outcome(await track(d.code, String(2000 + i))));
      expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('NULL'));
      expect(new Set(outcomes.slice(5))).toEqual(new Set(['BAD_USER_INPUT/RATE_LIMITED']));

      const right = await track(d.code, CITIZEN.slice(-4));
      expect(outcome(right)).toBe('BAD_USER_INPUT/RATE_LIMITED');
      expect(right.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(3000);
      // Other codes are not affected, and their owners' lookups do not count against them.
      for (let i = 0; i < 8; i++) expect(outcome(await track(other.code, CITIZEN.slice(-4)))).toBe('FOUND');

      // Counted in the database, not in one process: a restarted intake still refuses.
      await platform.stopService('intake');
      await platform.startService('intake');
      expect(outcome(await track(d.code, CITIZEN.slice(-4)))).toBe('BAD_USER_INPUT/RATE_LIMITED');
    }, 120_000);

    it('an unknown code looks exactly like a known one with a wrong verifier', async () => {
      const unknown = `${centre.code}-000101-9999`;
      const outcomes: string[] = [];
      for (let i = 0; i < 8; i++) outcomes.push(outcome(await track(unknown, String(3000 + i))));
      expect(outcomes).toEqual([...Array(5).fill('NULL'), ...Array(3).fill('BAD_USER_INPUT/RATE_LIMITED')]);
    });

    it('concurrent guesses cannot slip past the count', async () => {
      const d = await submit('COUNTER');
      const outcomes = (await Promise.all(Array.from({ length: 30 }, (_, i) => track(d.code, String(4000 + i))))).map(
        outcome,
      );
      expect(outcomes.filter((o) => o === 'NULL')).toHaveLength(5);
    });
  });
});
