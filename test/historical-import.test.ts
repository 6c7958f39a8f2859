import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { importFile } from '../scripts/import';
import { optionsFrom, runSimulation } from '../scripts/simulate';

/**
 * The historical import and the simulator through the gateway: a small file of every kind of
 * line (early, late, supplemented, still open, waiting for a supplement, rejected, returned by
 * post and online, bad lines and a duplicate), then a simulated province-year of 300 dossiers
 * whose II.06a report must equal the ground truth.
 */
describe('historical import and simulator', () => {
  let platform: TestPlatform;
  let admin: string;
  let centre: { id: string; code: string };
  const dir = mkdtempSync(join(tmpdir(), 'onestop-import-test-'));

  beforeAll(async () => {
    platform = await TestPlatform.start();
    const fixtures = new Fixtures(platform);
    centre = await fixtures.centre({ code: 'IMP', level: 'PROVINCE' });
    admin = await platform.token({ role: 'ADMIN', centre: 'IMP' });
    await fixtures.procedure({ code: 'IMP-5D', processingTime: { amount: 5, unit: 'WORKING_DAYS' } }, admin);
  }, 120_000);
  afterAll(() => platform?.stop());

  // 2025-03-03 is a Monday; 5 working days from a reception that morning: due Monday 10 March 17:00 (+07).
  const base = {
    centre: 'IMP',
    procedure: 'IMP-5D',
    channel: 'COUNTER',
    applicant: {
      kind: 'CITIZEN',
      identityNumber: '046090001234',
      fullName: 'Nguyễn Văn An',
      phone: '0905123456',
      email: 'an@example.vn',
    },
    receivedAt: '2025-03-03T08:00:00+07:00',
  };
  const steps = [
    { code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: '2025-03-03T09:00:00+07:00', actor: 'Lê Thị Một Cửa' },
  ];
  const approved = (decidedAt: string) => ({
    decision: 'APPROVED',
    decidedAt,
    actor: 'Lãnh đạo',
    result: { documentType: 'GP', title: 'Giấy phép', validUntil: '2030-01-01' },
  });
  const lines: Array<object | string> = [
    {
      ...base,
      code: 'OLD-001',
      steps,
      decision: approved('2025-03-05T10:00:00+07:00'),
      returnedAt: '2025-03-06T09:00:00+07:00',
      delivery: { method: 'COUNTER' },
      rating: { overall: 'SATISFIED' },
    },
    {
      ...base,
      code: 'OLD-002',
      steps,
      decision: approved('2025-03-13T10:00:00+07:00'),
      returnedAt: '2025-03-14T09:00:00+07:00',
    }, // LATE
    {
      ...base,
      code: 'OLD-003',
      steps,
      decision: approved('2025-03-10T10:00:00+07:00'),
      returnedAt: '2025-03-10T15:00:00+07:00',
    }, // ON_TIME
    {
      ...base,
      code: 'OLD-004',
      steps,
      supplements: [
        { requestedAt: '2025-03-04T08:00:00+07:00', reason: 'Thiếu bản sao', submittedAt: '2025-03-11T08:00:00+07:00' },
      ],
      decision: approved('2025-03-14T10:00:00+07:00'),
      returnedAt: '2025-03-14T15:00:00+07:00',
    }, // the pause moves the due date to 17 March: EARLY, not LATE
    { ...base, code: 'OLD-005', steps }, // still in processing
    {
      ...base,
      code: 'OLD-006',
      steps,
      supplements: [{ requestedAt: '2025-03-04T08:00:00+07:00', reason: 'Thiếu bản sao' }],
    }, // waiting
    {
      ...base,
      code: 'OLD-007',
      channel: 'POST',
      steps,
      decision: approved('2025-03-05T10:00:00+07:00'),
      delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
    }, // decided, not returned
    {
      ...base,
      code: 'OLD-008',
      channel: 'ONLINE',
      submittedAt: '2025-03-02T20:00:00+07:00',
      steps,
      decision: approved('2025-03-05T10:00:00+07:00'),
      returnedAt: '2025-03-05T11:00:00+07:00',
      delivery: { method: 'ONLINE' },
    },
    {
      ...base,
      code: 'OLD-009',
      steps,
      decision: { decision: 'REJECTED', decidedAt: '2025-03-06T10:00:00+07:00', reason: 'Không đủ điều kiện' },
      returnedAt: '2025-03-07T09:00:00+07:00',
    },
    {
      ...base,
      code: 'OLD-010',
      applicant: { kind: 'ORGANIZATION', identityNumber: '0100109106', fullName: 'Công ty Cổ phần Huế' },
      steps,
      decision: approved('2025-03-04T10:00:00+07:00'),
      returnedAt: '2025-03-04T15:00:00+07:00',
    },
    '{"code": "OLD-BAD", ', // bad JSON
    { ...base, code: 'OLD-011', centre: 'NOPE' },
    { ...base, code: 'OLD-012', procedure: 'NOPE' },
    { ...base, code: 'OLD-013', applicant: { ...base.applicant, identityNumber: '999090001234' } },
    { ...base, code: 'OLD-014', steps, decision: approved('2025-03-01T10:00:00+07:00') }, // decided before reception
    { ...base, code: 'OLD-015', returnedAt: '2025-03-05T10:00:00+07:00' }, // returned without a decision
    { ...base, code: 'OLD-001', steps }, // the same code again
  ];
  let ids: Record<string, string> = {};

  it('imports the valid lines, reports every rejected one with its line and reason, and a second run changes nothing', async () => {
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    const summary = await importFile(file, { gatewayUrl: platform.url, token: admin, batchSize: 8 });
    expect(summary).toMatchObject({ lines: 17, imported: 10, alreadyImported: 1 });
    expect(summary.rejected.map((r) => [r.line, r.reason])).toEqual([
      [11, expect.stringMatching(/bad JSON/)],
      [12, expect.stringMatching(/unknown centre NOPE/)],
      [13, expect.stringMatching(/unknown procedure NOPE/)],
      [14, expect.stringMatching(/invalid identity number/)],
      [15, expect.stringMatching(/decision\.decidedAt .* is before receivedAt/)],
      [16, expect.stringMatching(/returnedAt without a decision/)],
    ]);

    const again = await importFile(file, { gatewayUrl: platform.url, token: admin, batchSize: 50 });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 11 });
    expect(again.rejected).toHaveLength(6);
    const rows: Array<{ id: string; code: string }> = await platform.services.intake.db.query(
      `SELECT id, code FROM dossier WHERE code LIKE 'OLD-%'`,
    );
    expect(rows).toHaveLength(10);
    ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });

  it('only an ADMIN imports', async () => {
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'IMP' });
    const res = await platform.graphql(
      `mutation($lines: [HistoricalDossierInput!]!) { importDossiers(lines: $lines) { imported } }`,
      { lines: [] },
      officer,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('processing, delivery and statistics show the history as if it had been lived here, and nobody was notified', async () => {
    const late = await waitFor(
      async () => {
        const { dossier } = await platform.contractOk('Dossier', { id: ids['OLD-002'] }, admin);
        return dossier.status === 'RETURNED' && dossier.outcome ? dossier : null;
      },
      { what: 'the late dossier to be returned and counted', timeoutMs: 120_000 },
    );
    expect(late).toMatchObject({
      code: 'OLD-002',
      status: 'RETURNED',
      nationalStatusCode: 10,
      outcome: 'LATE',
      receivedAt: '2025-03-03T01:00:00.000Z',
      dueAt: '2025-03-10T10:00:00.000Z',
      resolvedAt: '2025-03-13T03:00:00.000Z',
      delivery: { method: 'COUNTER', status: 'PICKED_UP', notifications: [] },
    });
    expect(late.history.map((h: { action: string }) => h.action)).toEqual([
      'RECEIVE',
      'COMPLETE_STEP',
      'COMPLETE_STEP',
      'DECIDE',
      'RETURN_RESULT',
    ]);

    const q = `query($id: ID!) { dossier(id: $id) { status dueAt outcome delivery { status } } }`;
    // Each dossier once its history has travelled through the events (processing, then delivery,
    // then processing again, and statistics for the outcome): each may still be on its way.
    const settled = async (code: string, expected: Record<string, unknown>) => {
      const dossier = await waitFor(
        async () => {
          const { dossier: d } = await platform.ok(q, { id: ids[code] }, admin);
          return matches(d, expected) ? d : null;
        },
        { what: `${code} to become ${JSON.stringify(expected)}`, timeoutMs: 90_000 },
      );
      expect(dossier).toMatchObject(expected);
    };
    await settled('OLD-001', { status: 'RETURNED', outcome: 'EARLY' }); // its first line, not the later one without a decision
    await settled('OLD-004', { status: 'RETURNED', outcome: 'EARLY', dueAt: '2025-03-17T10:00:00.000Z' });
    await settled('OLD-005', { status: 'PROCESSING', outcome: null });
    await settled('OLD-006', { status: 'SUPPLEMENT_REQUESTED', outcome: null });
    await settled('OLD-007', { status: 'RESOLVED', outcome: 'EARLY', delivery: { status: 'READY' } });
    await settled('OLD-008', { status: 'RETURNED', delivery: { status: 'DOWNLOADED' } });
    await settled('OLD-009', { status: 'RETURNED', outcome: 'EARLY' });

    // The imported result is a record of its applicant, reusable like a live one.
    const { applicant } = await platform.ok(
      `query { applicant(identityNumber: "0100109106") { records { documentType title sourceDossier { code } } } }`,
      {},
      admin,
    );
    expect(applicant.records).toEqual([{ documentType: 'GP', title: 'Giấy phép', sourceDossier: { code: 'OLD-010' } }]);

    const report = await waitFor(
      async () => {
        const { report: r } = await platform.contractOk(
          'Report',
          { input: { from: '2025-01-01', to: '2025-12-31', centreId: centre.id, groupBy: 'CENTRE' } },
          admin,
        );
        return r.total.resolved === 8 && r.total.received === 10 ? r : null;
      },
      { what: 'statistics to count the history', timeoutMs: 90_000, intervalMs: 200 },
    );
    expect(report.total).toMatchObject({
      received: 10,
      resolved: 8,
      resolvedLate: 1,
      resolvedOnTime: 1,
      resolvedEarly: 6,
      inProgress: 2,
      inProgressOverdue: 1,
      inProgressNotDue: 1,
    });
    expect(report.rows[0]).toMatchObject({ receivedOnline: 1, receivedOffline: 9 });
    expect(report.rows[0].satisfactionRate).toBeGreaterThan(0);

    const [{ count }] = await platform.services.delivery.db.query(`SELECT count(*)::int AS count FROM notification`);
    expect(count).toBe(0);
  }, 300_000);

  it('simulates a province-year of 300 dossiers whose II.06a report equals the ground truth', async () => {
    const options = optionsFrom(
      new Map([
        ['size', '300'],
        ['centres', '3'],
        ['seed', '7'],
        ['late-share', '0.1'],
      ]),
    );
    const run = await runSimulation({
      ...options,
      gatewayUrl: platform.url,
      jwtSecret: platform.jwtSecret,
      catchUpTimeoutMs: 90_000,
      log: () => undefined,
    });
    expect(run.summary).toMatchObject({ imported: 300, rejected: [] });
    expect(run.differences).toEqual([]);
    expect(run.rows.reduce((s, r) => s + r.truth.resolvedLate, 0)).toBeGreaterThan(10);
    expect(run.rows.reduce((s, r) => s + r.truth.inProgress, 0)).toBe(14);
  }, 300_000);
});

function matches(actual: unknown, expected: Record<string, unknown>): boolean {
  try {
    expect(actual).toMatchObject(expected);
    return true;
  } catch {
    return false;
  }
}
