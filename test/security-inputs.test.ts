import { gzipSync } from 'node:zlib';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * The attack from outside on files and inputs (issue 16, findings 9 and 10), replayed through the
 * gateway: concurrent retries of one submission, results that are not documents, control
 * characters and impossible dates in every kind of parameter, broken bodies, a foreign dossier
 * code in an import, an apology into the year 9999, the workflow query without a token, and the
 * headers every response carries. Beside test/bad-input.test.ts, the corpus of bad input.
 */
jest.setTimeout(300_000);

let platform: TestPlatform;
let fixtures: Fixtures;
let centre: { id: string; code: string };
let other: { id: string; code: string };
let admin: string;
let officer: string;
let leader: string;
const PDF = Buffer.from('%PDF-1.4\n% tờ khai\n%%EOF\n').toString('base64');
const pdfUpload = (text = 'tờ khai') => ({
  fileName: 'to-khai.pdf',
  mimeType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64'),
});

const SUBMIT = `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code components { record { id } } } }`;
const DECIDE = `mutation($input: DecisionInput!) { decideDossier(input: $input) { id status } }`;
const APOLOGY = `mutation($id: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $id, reason: $reason, newDueAt: $newDueAt) { id dueAt } }`;
const STATUS = `query($id: ID!) { dossier(id: $id) { status dueAt } }`;

const codeOf = (res: { errors?: Array<{ extensions?: { code?: unknown } }> }) => res.errors?.[0]?.extensions?.code;

/** A dossier of `procedureCode` received at the counter, with its form uploaded. */
async function submit(procedureCode: string, extra: Record<string, unknown> = {}) {
  const res = await platform.graphql(
    SUBMIT,
    {
      input: {
        procedureCode,
        centreId: centre.id,
        channel: 'COUNTER',
        applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An' },
        documents: [{ componentCode: 'TK', upload: pdfUpload() }],
        ...extra,
      },
    },
    officer,
  );
  return res;
}

/** GET through the gateway (curl's way: no preflight header unless given). */
async function get(path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(platform.url + path, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.text(),
    headers: res.headers,
  };
}

beforeAll(async () => {
  platform = await TestPlatform.start();
  fixtures = new Fixtures(platform);
  centre = await fixtures.centre({ code: 'SEC', level: 'PROVINCE' });
  other = await fixtures.centre({ code: 'OTH', level: 'PROVINCE' });
  admin = await platform.token({ role: 'ADMIN', centre: 'SEC' });
  officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'SEC' });
  leader = await platform.token({ role: 'LEADER', centre: 'SEC' });
  const components = [{ code: 'TK', name: 'Tờ khai', required: true, documentType: 'TK' }];
  await fixtures.procedure({ code: 'SEC-5D', levels: ['PROVINCE'], components }, admin);
  // four working hours: a dossier is due within one working day from its reception, so an apology is due
  await fixtures.procedure(
    { code: 'SEC-4H', levels: ['PROVINCE'], processingTime: { amount: 4, unit: 'WORKING_HOURS' }, components },
    admin,
  );
  for (const code of ['SEC-5D', 'SEC-4H']) {
    await platform.ok(
      `mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode } }`,
      {
        input: {
          procedureCode: code,
          steps: [
            { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 4 },
            { code: 'SIGN', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
          ],
        },
      },
      admin,
    );
  }
});
afterAll(async () => platform?.stop());

describe('files', () => {
  it('50 concurrent submissions with one idempotency key make one dossier, and every answer is that dossier', async () => {
    const idempotencyKey = `retry-storm-${Date.now()}`;
    // a scan of 256 KiB: each write lasts long enough for the other retries to reach the blob store meanwhile
    const scan = {
      fileName: 'scan.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 0x20)]).toString('base64'),
    };
    const documents = [{ componentCode: 'TK', upload: scan }];
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => submit('SEC-5D', { idempotencyKey, documents })),
    );
    const codes = answers.map(codeOf).filter(Boolean);
    expect(codes).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.submitDossier?.id)).size).toBe(1);
    const [{ count }] = await platform.services.intake.db.query(
      `SELECT count(*)::int AS count FROM dossier WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    expect(count).toBe(1);
  });

  describe("a decision's result passes the same checks as an applicant's document", () => {
    let dossierId: string;
    beforeAll(async () => {
      const res = await submit('SEC-5D');
      dossierId = res.data.submitDossier.id;
      await waitFor(async () => (await platform.ok(STATUS, { id: dossierId }, admin)).dossier.status === 'RECEIVED', {
        what: 'processing to receive',
      });
      await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: dossierId }, officer);
    });
    const decide = (upload: Record<string, string>) =>
      platform.graphql(
        DECIDE,
        {
          input: {
            dossierId,
            decision: 'APPROVED',
            result: { documentType: 'GIAY_PHEP', title: 'Giấy phép', upload: { fileName: 'kq.pdf', ...upload } },
          },
        },
        leader,
      );

    it.each([
      [
        'an HTML page with a script',
        {
          mimeType: 'text/html',
          contentBase64: Buffer.from('<html><script>alert(document.cookie)</script></html>').toString('base64'),
        },
      ],
      [
        'HTML that calls itself a PDF',
        {
          mimeType: 'application/pdf',
          contentBase64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'),
        },
      ],
      ['a MIME type with CR/LF', { mimeType: 'application/pdf\r\nX-Injected: 1', contentBase64: PDF }],
      ['an unknown MIME type', { mimeType: 'application/x-msdownload', contentBase64: PDF }],
    ])('%s is refused and nothing is decided', async (_what, upload) => {
      expect(codeOf(await decide(upload))).toBe('BAD_USER_INPUT');
      expect((await platform.ok(STATUS, { id: dossierId }, admin)).dossier.status).toBe('PROCESSING');
    });

    it('a PDF is accepted', async () => {
      expect((await decide({ mimeType: 'application/pdf', contentBase64: PDF })).data?.decideDossier.status).toBe(
        'RESOLVED',
      );
    });
  });
});

describe('inputs', () => {
  const expectJson400 = (res: { status: number; type: string; body: string }) => {
    expect({ status: res.status, type: res.type.split(';')[0] }).toEqual({ status: 400, type: 'application/json' });
    expect(res.body).not.toMatch(/<html|<pre>|at .*\.ts:\d+/i);
  };

  it("a NUL in a GET request's variables is BAD_USER_INPUT, not the database's error", async () => {
    const query = encodeURIComponent('query($n: String!) { applicant(identityNumber: $n) { id } }');
    const variables = encodeURIComponent(JSON.stringify({ n: '0460900\u00001234' }));
    const res = await get(`/graphql?query=${query}&variables=${variables}`, officer, {
      'apollo-require-preflight': 'true',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body).not.toMatch(/invalid byte sequence|0x00/);
  });

  it('a NUL in the URL of a GET is a JSON 400', async () => {
    expectJson400(await get(`/graphql?query=%00`, officer, { 'apollo-require-preflight': 'true' }));
  });

  it('other control characters are refused in variables and in the query text, not stored', async () => {
    const create = `mutation($input: CentreInput!) { createCentre(input: $input) { id } }`;
    const bell = await platform.graphql(
      create,
      { input: { code: 'BELL', name: 'Trung tâm \u0007', level: 'PROVINCE' } },
      admin,
    );
    expect(codeOf(bell)).toBe('BAD_USER_INPUT');
    const inline = await platform.graphql(
      `mutation { createCentre(input: { code: "ESC", name: "Trung t\\u001bm", level: PROVINCE }) { id } }`,
      {},
      admin,
    );
    expect(codeOf(inline)).toBe('BAD_USER_INPUT');
    const rows = await platform.services.intake.db.query(`SELECT code FROM centre WHERE code IN ('BELL', 'ESC')`);
    expect(rows).toEqual([]);
  });

  it('a string argument is bounded: a 10 MB procedure code is refused before any resolver', async () => {
    const res = await platform.graphql(
      `query($c: String!) { workflow(procedureCode: $c) { version } }`,
      { c: 'P'.repeat(10 * 1024 * 1024) },
      officer,
    );
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('workflow(procedureCode) needs a token and refuses an over-long code', async () => {
    const query = `query($c: String!) { workflow(procedureCode: $c) { version } }`;
    expect(codeOf(await platform.graphql(query, { c: 'SEC-5D' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await platform.graphql(query, { c: 'P'.repeat(300) }, officer))).toBe('BAD_USER_INPUT');
    expect((await platform.ok(query, { c: 'SEC-5D' }, officer)).workflow.version).toBe(1);
  });

  it('?purpose=%00 on the record route is a JSON 400 and no access is logged', async () => {
    const res = await submit('SEC-5D');
    const recordId = res.data.submitDossier.components[0].record.id;
    expectJson400(await get(`/intake/records/${recordId}/content?purpose=%00`, officer));
    expectJson400(await get(`/intake/records/${recordId}/content?purpose=ki%E1%BB%83m%1Btra`, officer));
    expectJson400(await get(`/intake/records/${recordId}/content?purpose=%E0%A4%A`, officer));
    const logged = await platform.services.intake.db.query(`SELECT 1 FROM record_access WHERE record_id = $1`, [
      recordId,
    ]);
    expect(logged).toEqual([]);
    // a good purpose still reads it
    expect(
      (await get(`/intake/records/${recordId}/content?purpose=${encodeURIComponent('Kiểm tra hồ sơ')}`, officer))
        .status,
    ).toBe(200);
  });

  it('an impossible date in the CSV export is a JSON 400', async () => {
    expectJson400(await get(`/statistics/reports.csv?from=2026-02-30&to=2026-03-31&centreId=${centre.id}`, admin));
  });

  it.each([
    [
      'a broken gzip body',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from('not gzip at all'),
    ],
    ['gzip of broken JSON', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync('{"query": ')],
    ['broken JSON', { 'content-type': 'application/json' }, Buffer.from('{"query": ')],
    ['an unknown encoding', { 'content-type': 'application/json', 'content-encoding': 'br2' }, Buffer.from('{}')],
  ])('%s is a JSON BAD_USER_INPUT, never an HTML page', async (_what, headers, body) => {
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${officer}` },
      body,
    });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("an unknown API path is a JSON 404, not an HTML page (other paths are the portal's pages)", async () => {
    const res = await get('/auth/nowhere');
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^application\/json/);
  });

  describe('historical import', () => {
    const base = {
      procedure: 'SEC-5D',
      channel: 'COUNTER',
      applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An' },
      receivedAt: '2025-03-03T08:00:00+07:00',
    };
    const IMPORT = `mutation($lines: [HistoricalDossierInput!]!) { importDossiers(lines: $lines) { lines { line code outcome dossierId reason } } }`;

    it("a line with another centre's dossier code is refused without that dossier's id", async () => {
      const theirs = (await submit('SEC-5D')).data.submitDossier;
      const otherAdmin = await platform.token({ role: 'ADMIN', centre: other.code });
      const { importDossiers } = await platform.ok(
        IMPORT,
        { lines: [{ ...base, line: 1, code: theirs.code, centre: other.code }] },
        otherAdmin,
      );
      expect(importDossiers.lines[0]).toMatchObject({ line: 1, outcome: 'REJECTED', dossierId: null });
      expect(JSON.stringify(importDossiers)).not.toContain(theirs.id);
    });

    it('an impossible date is refused, never shifted', async () => {
      const { importDossiers } = await platform.ok(
        IMPORT,
        {
          lines: [
            { ...base, line: 1, code: 'OLD-FEB30', centre: centre.code, receivedAt: '2025-02-30T08:00:00+07:00' },
            { ...base, line: 2, code: 'OLD-H24', centre: centre.code, receivedAt: '2025-03-03T24:00:00+07:00' },
          ],
        },
        admin,
      );
      expect(importDossiers.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['REJECTED', 'REJECTED']);
      expect(
        await platform.services.intake.db.query(`SELECT 1 FROM dossier WHERE code IN ('OLD-FEB30', 'OLD-H24')`),
      ).toEqual([]);
    });
  });

  describe("issueApology's new appointment", () => {
    let dossierId: string;
    let dueAt: string;
    beforeAll(async () => {
      dossierId = (await submit('SEC-4H')).data.submitDossier.id;
      dueAt = await waitFor(
        async () => {
          const d = (await platform.ok(STATUS, { id: dossierId }, admin)).dossier;
          return d.status === 'RECEIVED' ? d.dueAt : null;
        },
        { what: 'processing to receive' },
      );
    });

    it('an impossible day is refused, not shifted to the next month', async () => {
      // the 31st of the next month of 30 days, at least a week after the current appointment
      const day = new Date(Date.parse(dueAt) + 7 * 86_400_000);
      while (new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate() !== 30)
        day.setUTCMonth(day.getUTCMonth() + 1, 1);
      const impossible = `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-31T10:00:00+07:00`;
      expect(
        codeOf(
          await platform.graphql(APOLOGY, { id: dossierId, reason: 'Chậm do thẩm định', newDueAt: impossible }, leader),
        ),
      ).toBe('BAD_USER_INPUT');
      expect((await platform.ok(STATUS, { id: dossierId }, admin)).dossier.dueAt).toBe(dueAt);
    });

    it('a new appointment in 9999 is refused; one within the year is accepted', async () => {
      expect(
        codeOf(
          await platform.graphql(
            APOLOGY,
            { id: dossierId, reason: 'Chậm do thẩm định', newDueAt: '9999-12-31T10:00:00+07:00' },
            leader,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect((await platform.ok(STATUS, { id: dossierId }, admin)).dossier.dueAt).toBe(dueAt);
      const newDueAt = new Date(Date.parse(dueAt) + 10 * 86_400_000).toISOString();
      expect(
        (await platform.ok(APOLOGY, { id: dossierId, reason: 'Chậm do thẩm định', newDueAt }, leader)).issueApology
          .dueAt,
      ).toBe(newDueAt);
    });
  });

  describe('headers', () => {
    const expectSafeHeaders = (headers: Headers) => {
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    };

    it('the gateway: nosniff, a strict CSP and no x-powered-by, on GraphQL, errors and printable documents', async () => {
      expectSafeHeaders((await get('/healthz')).headers);
      expectSafeHeaders(
        (
          await fetch(`${platform.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{ centres { code } }"}',
          })
        ).headers,
      );
      expectSafeHeaders((await get('/auth/nowhere')).headers);
      // a portal page may run the portal's own scripts, and nothing else's; it is never framed
      const page = (await get('/counter')).headers;
      expect(page.get('x-content-type-options')).toBe('nosniff');
      expect(page.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(page.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      const dossierId = (await submit('SEC-5D')).data.submitDossier.id;
      const receipt = await get(`/intake/receipts/${dossierId}`, officer);
      expect(receipt.status).toBe(200);
      expectSafeHeaders(receipt.headers);
    });

    it('each service answers with the same headers', async () => {
      for (const name of ['intake', 'processing', 'delivery', 'statistics'] as const) {
        const res = await fetch(platform.services[name].url!.replace(/\/graphql$/, '/healthz'));
        expectSafeHeaders(res.headers);
      }
    });
  });
});
