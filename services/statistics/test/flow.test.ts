import { TestPlatform, waitFor } from '@onestop/test-kit';
import { dayOf } from '../src/domain/days';
import { rebuildStatistics } from '../src/commands/rebuild';
import { reconcileStatistics } from '../src/commands/reconcile';

/**
 * Statistics through the real flow: dossiers received at intake, processed and decided by
 * processing, handed over and rated at delivery, read back through the gateway with the
 * contract's operations; then the rebuild and the reconciliation against the owners' counts.
 */
const CONTRACT_REPORT = `query Report($input: ReportInput!) {
  report(input: $input) {
    rows {
      key label
      received receivedOnline receivedOffline carriedOver
      resolved resolvedEarly resolvedOnTime resolvedLate
      inProgress inProgressNotDue inProgressOverdue
      onTimeRate averageProcessingDays satisfactionRate
    }
    total {
      received resolved resolvedEarly resolvedOnTime resolvedLate
      inProgress inProgressNotDue inProgressOverdue onTimeRate
    }
  }
}`;

describe('statistics through the real flow', () => {
  let platform: TestPlatform;
  let admin: string, officer: string, communeOfficer: string, specialist: string, leader: string, observer: string;
  let province: { id: string; code: string }, commune: { id: string; code: string };
  const dossiers: Array<{ id: string; code: string; identityNumber: string }> = [];
  const today = dayOf(new Date());

  async function submit(centre: { id: string }, token: string, n: number) {
    const identityNumber = `0460900${String(10000 + n).slice(-5)}`;
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId: centre.id,
          channel: 'COUNTER',
          applicant: { kind: 'CITIZEN', identityNumber, fullName: 'Nguyễn Văn An', phone: '0905123456' },
          delivery: { method: 'COUNTER', address: null },
        },
      },
      token,
    );
    return { ...submitDossier, identityNumber };
  }

  const fact = async (id: string) =>
    (await platform.services.statistics.db.query(`SELECT * FROM dossier_fact WHERE dossier_id = $1`, [id]))[0];

  beforeAll(async () => {
    platform = await TestPlatform.start();
    admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    const create = (input: object) =>
      platform
        .ok(`mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`, { input }, admin)
        .then((d) => d.createCentre);
    province = await create({ code: 'H57', name: 'Trung tâm PVHCC tỉnh Thừa Thiên Huế', level: 'PROVINCE' });
    commune = await create({
      code: 'H57.01',
      name: 'Bộ phận một cửa xã Phú Vang',
      level: 'COMMUNE',
      parentId: province.id,
    });
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-01',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE', 'COMMUNE'],
          feeVnd: 200000,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    [officer, specialist, leader, observer] = await Promise.all(
      (['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'OBSERVER'] as const).map((role) =>
        platform.token({ role, centre: 'H57' }),
      ),
    );
    communeOfficer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57.01' });
    for (let i = 0; i < 3; i++) dossiers.push(await submit(province, officer, i));
    dossiers.push(await submit(commune, communeOfficer, 3));
    await waitFor(async () => (await fact(dossiers[3].id)) && (await fact(dossiers[0].id)), {
      what: 'statistics to learn of the dossiers',
    });
  });
  afterAll(() => platform?.stop());

  it('Dossier.outcome is null while in progress, EARLY once decided before the due day; returned and rated dossiers count', async () => {
    const [first] = dossiers;
    const outcome = async () =>
      (await platform.ok(`query($id: ID!) { dossier(id: $id) { code status outcome } }`, { id: first.id }, admin))
        .dossier;
    expect(await outcome()).toEqual({ code: first.code, status: 'RECEIVED', outcome: null });

    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: first.id }, officer);
    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: first.id }, specialist);
    const result = {
      documentType: 'PHIEU_LLTP',
      title: 'Phiếu lý lịch tư pháp số 1',
      upload: {
        fileName: 'lltp.pdf',
        mimeType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4 LLTP').toString('base64'),
      },
    };
    await platform.ok(
      `mutation($input: DecisionInput!) { decideDossier(input: $input) { id status } }`,
      { input: { dossierId: first.id, decision: 'APPROVED', reason: 'Đủ điều kiện', result } },
      leader,
    );
    expect(await waitFor(async () => ((await outcome()).outcome ? outcome() : null), { what: 'the outcome' })).toEqual({
      code: first.code,
      status: 'RESOLVED',
      outcome: 'EARLY',
    });

    await waitFor(
      async () =>
        (
          await platform.services.delivery.db.query(
            `SELECT 1 FROM delivery WHERE dossier_id = $1 AND status = 'READY'`,
            [first.id],
          )
        ).length > 0,
      { what: 'the result ready at the counter' },
    );
    await platform.ok(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`, { id: first.id }, officer);
    const citizen = await platform.token({ role: 'CITIZEN', identityNumber: first.identityNumber });
    await waitFor(
      async () => {
        const res = await platform.graphql(
          `mutation($id: ID!, $r: SatisfactionInput!) { rateService(dossierId: $id, rating: $r) { overall } }`,
          { id: first.id, r: { overall: 'SATISFIED' } },
          citizen,
        );
        return !res.errors;
      },
      { what: 'the rating to be accepted once the return is known' },
    );
    const f = await waitFor(
      async () => {
        const x = await fact(first.id);
        return x.returned_at && x.satisfaction ? x : null;
      },
      { what: 'return and rating' },
    );
    expect(f).toMatchObject({
      state: 'RETURNED',
      national_status_code: 10,
      outcome: 'EARLY',
      satisfaction: 'SATISFIED',
      channel: 'COUNTER',
    });
    // no personal data in the fact
    expect(JSON.stringify(f)).not.toMatch(/Nguyễn|046090|0905123456/);
  });

  it("answers the contract's Report query for today with the descendants", async () => {
    const { report } = await platform.ok(
      CONTRACT_REPORT,
      { input: { from: today, to: today, centreId: province.id, includeDescendants: true, groupBy: 'CENTRE' } },
      observer,
    );
    expect(report.rows).toEqual([
      {
        key: 'H57',
        label: 'Trung tâm PVHCC tỉnh Thừa Thiên Huế',
        received: 3,
        receivedOnline: 0,
        receivedOffline: 3,
        carriedOver: 0,
        resolved: 1,
        resolvedEarly: 1,
        resolvedOnTime: 0,
        resolvedLate: 0,
        inProgress: 2,
        inProgressNotDue: 2,
        inProgressOverdue: 0,
        onTimeRate: 1,
        averageProcessingDays: expect.any(Number),
        satisfactionRate: 1,
      },
      {
        key: 'H57.01',
        label: 'Bộ phận một cửa xã Phú Vang',
        received: 1,
        receivedOnline: 0,
        receivedOffline: 1,
        carriedOver: 0,
        resolved: 0,
        resolvedEarly: 0,
        resolvedOnTime: 0,
        resolvedLate: 0,
        inProgress: 1,
        inProgressNotDue: 1,
        inProgressOverdue: 0,
        onTimeRate: null,
        averageProcessingDays: null,
        satisfactionRate: null,
      },
    ]);
    expect(report.rows[0].averageProcessingDays).toBeLessThan(1);
    expect(report.total).toEqual({
      received: 4,
      resolved: 1,
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedLate: 0,
      inProgress: 3,
      inProgressNotDue: 3,
      inProgressOverdue: 0,
      onTimeRate: 1,
    });
  });

  it('exports the same report as CSV through the gateway, for an authorized caller only', async () => {
    const path = `/statistics/reports.csv?from=${today}&to=${today}&centreId=${province.id}&includeDescendants=true&groupBy=CENTRE`;
    const res = await fetch(platform.url + path, { headers: { authorization: `Bearer ${observer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = (await res.text()).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith('H57,Trung tâm PVHCC tỉnh Thừa Thiên Huế,3,0,3,0,1,1,0,0,0,2,2,0,1,')).toBe(true);
    expect(lines[3].startsWith('TOTAL,Tổng cộng,4,0,4,0,1,1,0,0,0,3,3,0,1,')).toBe(true);
    expect((await fetch(platform.url + path)).status).toBe(401);
    expect((await fetch(platform.url + path, { headers: { authorization: `Bearer ${officer}` } })).status).toBe(403);
    expect(
      (
        await fetch(platform.url + path.replace(`from=${today}`, 'from=2025-13-01'), {
          headers: { authorization: `Bearer ${observer}` },
        })
      ).status,
    ).toBe(400);
  });

  it('gives the daily traffic and the busiest hours', async () => {
    const { dailyTraffic } = await platform.ok(
      `query($c: ID!, $f: Date!, $t: Date!) { dailyTraffic(centreId: $c, from: $f, to: $t, includeDescendants: true) {
      days { date received atCounter } hours { hour received } busiestHours { hour received } } }`,
      { c: province.id, f: today, t: today },
      observer,
    );
    expect(dailyTraffic.days).toEqual([{ date: today, received: 4, atCounter: 4 }]);
    expect(dailyTraffic.hours.reduce((s: number, h: { received: number }) => s + h.received, 0)).toBe(4);
    expect(dailyTraffic.busiestHours[0].received).toBeGreaterThanOrEqual(dailyTraffic.busiestHours.at(-1).received);
  });

  it('rebuilds from the outboxes into the same read models', async () => {
    const rebuilt = await rebuildStatistics({ databaseUrl: platform.databaseUrl });
    try {
      expect(rebuilt.events).toBeGreaterThan(0);
      expect(rebuilt.unapplied).toEqual([]);
      expect(rebuilt.differences).toEqual([]);
    } finally {
      await rebuilt.dataSource.destroy();
    }
  });

  it("reconciles with the owners' counts: zero differences, and every difference once a fact is lost", async () => {
    expect(
      await waitFor(
        async () => ((await reconcileStatistics(platform.services.statistics.db)).length === 0 ? [] : null),
        { what: 'statistics to agree with intake, processing and delivery' },
      ),
    ).toEqual([]);
    await platform.services.statistics.db.query(`DELETE FROM dossier_fact WHERE dossier_id = $1`, [dossiers[0].id]);
    expect(await reconcileStatistics(platform.services.statistics.db)).toEqual([
      { check: 'received (intake)', centreId: province.id, owner: 3, statistics: 2 },
      { check: 'resolved (processing)', centreId: province.id, owner: 1, statistics: 0 },
      { check: 'returned (delivery)', centreId: province.id, owner: 1, statistics: 0 },
      { check: 'received (counters vs facts)', centreId: province.id, owner: 2, statistics: 3 },
      { check: 'resolved (counters vs facts)', centreId: province.id, owner: 0, statistics: 1 },
    ]);
  });
});
