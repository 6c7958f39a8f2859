import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '@onestop/calendar';
import { TestPlatform, waitFor } from '@onestop/test-kit';
import { DEMO_CENTRES } from '@onestop/demo-province';
import { nationalStatusCode, type DossierStatus } from '@onestop/processing';
import { reconcileStatistics } from '../services/statistics/src/commands/reconcile';
import { seedDemo } from '../scripts/seed-demo';
import { DEMO_CITIZEN, LIVE, parseDemoHistory, seedDemoHistory } from '../scripts/demo-history';

/**
 * The demo province's recent history as `npm start` seeds it (scripts/start.ts: the province before
 * readiness, the history right after), through the gateway: a seeding cut short is resumed by the
 * next start into one complete history, and then the dashboard's report, the officers' inboxes, the
 * returns desk and the demo citizen's /me have something in them, with the same counts in intake,
 * processing and statistics.
 */
const SIZE = 400;

describe('the demo history', () => {
  let platform: TestPlatform;
  let graphqlUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-demo-history-'));
  const intake = (sql: string) => platform.services.intake.db.query(sql);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    graphqlUrl = `${platform.url}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('DEMO_HISTORY sizes it or turns it off', () => {
    expect([undefined, '', '0', 'off', '250'].map(parseDemoHistory)).toEqual([3000, 3000, 0, 0, 250]);
    expect(() => parseDemoHistory('lots')).toThrow(/DEMO_HISTORY/);
  });

  it('a first start stopped in the middle of the history is completed by the next one: one history, nothing twice', async () => {
    const first = await seedDemo(graphqlUrl, platform.jwtSecret, {
      dataDir,
      databaseUrl: platform.databaseUrl,
      history: SIZE,
    });
    expect(first.history).toEqual({ size: SIZE, until: expect.any(String) });

    // The platform stops while the first batches are being imported.
    const stop = new AbortController();
    const cut = seedDemoHistory(graphqlUrl, platform.jwtSecret, first.history!, { signal: stop.signal });
    cut.catch(() => undefined);
    await waitFor(async () => (await intake(`SELECT count(*)::int AS n FROM dossier`))[0].n > 0, {
      what: 'the first imported dossiers',
      timeoutMs: 60_000,
    });
    stop.abort(new Error('stopped'));
    await expect(cut).rejects.toThrow();
    const part = (await intake(`SELECT count(*)::int AS n FROM dossier`))[0].n;
    expect(part).toBeLessThan(SIZE);

    // The next start finds the same plan in the marker, whatever DEMO_HISTORY says now.
    const second = await seedDemo(graphqlUrl, platform.jwtSecret, {
      dataDir,
      databaseUrl: platform.databaseUrl,
      history: 0,
    });
    expect(second.history).toEqual(first.history);
    const done = await seedDemoHistory(graphqlUrl, platform.jwtSecret, second.history!);
    expect(done).toMatchObject({ rejected: 0, live: LIVE.length });
    expect(done.imported + done.alreadyImported).toBe(SIZE - LIVE.length);
    second.historyDone();
    expect(JSON.parse(readFileSync(join(dataDir, 'demo-province.json'), 'utf8')).history).toMatchObject({
      size: SIZE,
      done: true,
    });

    // A later start leaves it alone.
    const third = await seedDemo(graphqlUrl, platform.jwtSecret, {
      dataDir,
      databaseUrl: platform.databaseUrl,
      history: SIZE,
    });
    expect(third.history).toBeNull();

    const [{ n, codes }] = await intake(`SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM dossier`);
    expect({ n, codes }).toEqual({ n: SIZE, codes: SIZE });
  }, 400_000);

  it("the dashboard, the inboxes, the returns desk and the demo citizen's /me show it, with the same counts everywhere", async () => {
    const admin = await platform.token({ role: 'ADMIN', centre: DEMO_CENTRES[0].code });
    const { centres } = await platform.ok(`{ centres { id code } }`, {}, admin);
    const province = centres.find((c: { code: string }) => c.code === DEMO_CENTRES[0].code);

    // Statistics is fed by events: it agrees with intake, processing and delivery once they have travelled.
    await waitFor(
      async () => {
        const [{ pending }] = await intake(`SELECT count(*)::int AS pending FROM outbox WHERE relayed_at IS NULL`);
        return pending === 0 && (await reconcileStatistics(platform.services.statistics.db)).length === 0;
      },
      { what: 'statistics to agree with the owners', timeoutMs: 240_000, intervalMs: 1000 },
    );

    const to = localDate(new Date());
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const { report } = await platform.contractOk(
      'Report',
      { input: { from, to, centreId: province.id, includeDescendants: true, groupBy: 'CENTRE' } },
      admin,
    );
    const t = report.total;
    expect({
      early: t.resolvedEarly > 0,
      onTime: t.resolvedOnTime > 0,
      late: t.resolvedLate > 0,
      inProgress: t.inProgress > 0,
      overdue: t.inProgressOverdue > 0,
    }).toEqual({ early: true, onTime: true, late: true, inProgress: true, overdue: true });

    // The same figures from each owner: received in intake, resolved in processing.
    const [{ received }] = await intake(`SELECT count(*)::int AS received FROM dossier WHERE received_at IS NOT NULL`);
    const [{ resolved }] = await platform.services.processing.db.query(
      `SELECT count(*)::int AS resolved FROM dossier WHERE resolved_at IS NOT NULL`,
    );
    expect({ received: t.received, resolved: t.resolved }).toEqual({ received, resolved });
    expect(t.resolvedEarly + t.resolvedOnTime + t.resolvedLate).toBe(t.resolved);

    // Every national status a visitor may meet.
    const statuses: Array<{ status: DossierStatus }> = await platform.services.processing.db.query(
      `SELECT DISTINCT status FROM dossier`,
    );
    expect(statuses.map((s) => nationalStatusCode(s.status))).toEqual(
      expect.arrayContaining([1, 3, 4, 5, 7, 8, 9, 10]),
    );

    // The demo citizen's /me.
    const citizen = await platform.token({
      role: 'CITIZEN',
      sub: 'demo-citizen',
      identityNumber: DEMO_CITIZEN.identityNumber,
    });
    const { myDossiers } = await platform.ok(`{ myDossiers { code status } }`, {}, citizen);
    expect(myDossiers.length).toBeGreaterThan(5);
    expect(new Set(myDossiers.map((d: { status: string }) => d.status)).size).toBeGreaterThan(3);

    // A specialist's inbox at the provincial centre, and a returns desk with a result waiting somewhere.
    const specialist = await platform.token({ role: 'SPECIALIST', centre: DEMO_CENTRES[0].code });
    expect((await platform.ok(`{ inbox { code } }`, {}, specialist)).inbox.length).toBeGreaterThan(0);
    let waiting = 0;
    for (const centre of DEMO_CENTRES) {
      const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
      waiting += (await platform.ok(`{ returnsDesk(queue: COUNTER) { code } }`, {}, officer)).returnsDesk.length;
    }
    expect(waiting).toBeGreaterThan(0);
  }, 400_000);
});
