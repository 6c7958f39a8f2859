import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * The officers' workspace beyond reception, through the gateway: refusing a walk-in with a reason
 * and its printable slip (refuseAtCounter), the rating an applicant gives at the returns desk
 * (rateAtCounter), and the inbox filtered and counted on the server (inboxPage).
 */
describe('the counter: refusal of a walk-in and the rating at the returns desk', () => {
  let platform: TestPlatform;
  let fx: Fixtures;
  let centre: { id: string; code: string };
  let procedureCode: string;
  const token = (role: string, claims: Record<string, string> = {}) =>
    platform.token({ role: role as never, centre: centre.code, ...claims });
  const applicant = { kind: 'CITIZEN', identityNumber: '046090007777', fullName: 'Lê Thị Hoa', phone: '0905000111' };
  const REFUSE = `mutation($input: RefuseAtCounterInput!) { refuseAtCounter(input: $input) { id code status nationalStatusCode dueAt } }`;
  const slip = async (id: string, bearer: string) => {
    const res = await fetch(`${platform.url}/processing/dossiers/${id}/refusal-slip?format=html`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    fx = new Fixtures(platform);
    centre = await fx.centre({ level: 'PROVINCE' });
    procedureCode = (await fx.procedure()).code;
    await waitFor(
      async () => (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica`)).length === 1,
      { what: 'centre replica' },
    );
  });
  afterAll(async () => platform?.stop());

  it('records a walk-in refused at the counter as not accepted, with its slip printable at once, and counts it', async () => {
    const officer = await token('INTAKE_OFFICER');
    const input = {
      procedureCode,
      centreId: centre.id,
      applicant,
      reason: 'Thiếu bản chính giấy khai sinh để đối chiếu',
      idempotencyKey: 'refuse-walk-in-1',
    };
    const { refuseAtCounter } = await platform.ok(REFUSE, { input }, officer);
    expect(refuseAtCounter).toMatchObject({ status: 'NOT_ACCEPTED', nationalStatusCode: 3, dueAt: null });
    expect(refuseAtCounter.code).toMatch(new RegExp(`^${centre.code.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));

    // The slip, asked for the moment the refusal answered: it waits for processing to learn of it.
    const printed = await slip(refuseAtCounter.id, officer);
    expect(printed.status).toBe(200);
    expect(printed.html).toContain('Phiếu từ chối tiếp nhận giải quyết hồ sơ');
    expect(printed.html).toContain('Thiếu bản chính giấy khai sinh để đối chiếu');
    expect(printed.html).toContain(refuseAtCounter.code);

    // A double click gives the same refusal, once.
    const again = await platform.ok(REFUSE, { input }, officer);
    expect(again.refuseAtCounter.id).toBe(refuseAtCounter.id);

    // Everyone agrees: not accepted, on the control slip, in the statistics, and in nobody's inbox.
    const { dossier } = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { status nationalStatusCode channel history { action note } } }`,
      { id: refuseAtCounter.id },
      officer,
    );
    expect(dossier).toMatchObject({ status: 'NOT_ACCEPTED', nationalStatusCode: 3, channel: 'COUNTER' });
    expect(dossier.history.map((h: { action: string }) => h.action)).toContain('REFUSE');
    await waitFor(
      async () =>
        (
          await platform.services.statistics.db.query(
            `SELECT national_status_code FROM dossier_fact WHERE dossier_id = $1`,
            [refuseAtCounter.id],
          )
        )[0]?.national_status_code === 3,
      { what: 'statistics to count the refusal' },
    );
    const { inbox } = await platform.ok(`{ inbox(first: 100) { id } }`, {}, officer);
    expect(inbox.map((d: { id: string }) => d.id)).not.toContain(refuseAtCounter.id);
    // Nobody was told their dossier was registered: they left with the slip in hand.
    expect(
      (
        await platform.services.delivery.db.query(`SELECT 1 FROM notification WHERE dossier_id = $1`, [
          refuseAtCounter.id,
        ])
      ).length,
    ).toBe(0);
  });

  it("needs a reason, and is the counter officers' alone", async () => {
    const blank = await platform.graphql(
      REFUSE,
      { input: { procedureCode, centreId: centre.id, applicant, reason: '  ' } },
      await token('INTAKE_OFFICER'),
    );
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const specialist = await platform.graphql(
      REFUSE,
      { input: { procedureCode, centreId: centre.id, applicant, reason: 'Sai thủ tục' } },
      await token('SPECIALIST'),
    );
    expect(specialist.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await platform.graphql(
      REFUSE,
      { input: { procedureCode, centreId: centre.id, applicant, reason: 'Sai thủ tục' } },
      await platform.token({ role: 'CITIZEN', identityNumber: applicant.identityNumber }),
    );
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records the rating the applicant gives at the returns desk, once, with who took it', async () => {
    const d = await fx.receiveDossier({ centre, procedureCode, identityNumber: '046090008888' });
    const officer = await token('INTAKE_OFFICER', { name: 'Phan Văn Quầy' });
    await waitFor(
      async () =>
        (await platform.ok(`query($id: ID!) { dossier(id: $id) { status } }`, { id: d.id }, officer)).dossier.status ===
        'RECEIVED',
      { what: 'received' },
    );
    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: d.id }, officer);
    await platform.ok(
      `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
      { id: d.id },
      await token('SPECIALIST'),
    );
    await platform.ok(
      `mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`,
      {
        input: {
          dossierId: d.id,
          decision: 'APPROVED',
          result: {
            documentType: 'KQ',
            title: 'Kết quả',
            upload: {
              fileName: 'kq.pdf',
              mimeType: 'application/pdf',
              contentBase64: Buffer.from('%PDF-1.7\nkq').toString('base64'),
            },
          },
        },
      },
      await token('LEADER'),
    );
    const RATE = `mutation($id: ID!) { rateAtCounter(dossierId: $id, rating: { overall: VERY_SATISFIED, comment: "Cán bộ hướng dẫn tận tình" }) { overall comment takenAtCounter recordedBy } }`;

    // Before the hand-over there is nothing to rate at the counter.
    await waitFor(
      async () =>
        (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [d.id]))[0]
          ?.status === 'READY',
      { what: 'the result at the counter' },
    );
    const early = await platform.graphql(RATE, { id: d.id }, officer);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    await platform.ok(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`, { id: d.id }, officer);

    const forbidden = await platform.graphql(RATE, { id: d.id }, await token('SPECIALIST'));
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rateAtCounter } = await platform.ok(RATE, { id: d.id }, officer);
    expect(rateAtCounter).toEqual({
      overall: 'VERY_SATISFIED',
      comment: 'Cán bộ hướng dẫn tận tình',
      takenAtCounter: true,
      recordedBy: 'Phan Văn Quầy',
    });

    // Once per dossier, whoever records it: neither again at the counter nor by the applicant online.
    expect((await platform.graphql(RATE, { id: d.id }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const online = await platform.graphql(
      `mutation($id: ID!) { rateService(dossierId: $id, rating: { overall: NOT_SATISFIED }) { overall } }`,
      { id: d.id },
      await platform.token({ role: 'CITIZEN', identityNumber: '046090008888' }),
    );
    expect(online.errors?.[0].extensions?.code).toBe('CONFLICT');
    const { dossier } = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { delivery { rating { overall takenAtCounter recordedBy } } } }`,
      { id: d.id },
      officer,
    );
    expect(dossier.delivery.rating).toEqual({
      overall: 'VERY_SATISFIED',
      takenAtCounter: true,
      recordedBy: rateAtCounter.recordedBy,
    });
    await waitFor(
      async () =>
        (
          await platform.services.statistics.db.query(`SELECT satisfaction FROM dossier_fact WHERE dossier_id = $1`, [
            d.id,
          ])
        )[0]?.satisfaction,
      { what: 'statistics to count the rating' },
    );
  });

  it('filters the inbox on the server, totals it, and counts each deadline state of the whole centre', async () => {
    const here = await fx.centre({ level: 'PROVINCE' });
    const other = (await fx.procedure()).code;
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [here.id]))
          .length === 1,
      { what: 'centre replica' },
    );
    const intake = await platform.token({ role: 'INTAKE_OFFICER', centre: here.code });
    const specialist = await platform.token({ role: 'SPECIALIST', centre: here.code });
    const ds: Array<{ id: string }> = [];
    for (const [i, code] of [procedureCode, procedureCode, procedureCode, other].entries()) {
      const d = await fx.receiveDossier({
        centre: here,
        procedureCode: code,
        identityNumber: `04609100${String(5000 + i)}`,
      });
      await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: d.id }, intake);
      ds.push(d);
    }
    // Deadlines set where the states are unambiguous whatever the hour: overdue, due within the hour, a month away.
    const db = platform.services.processing.db;
    await db.query(`UPDATE dossier SET statutory_due_at = now() - interval '1 hour' WHERE id = $1`, [ds[0].id]);
    await db.query(`UPDATE dossier SET statutory_due_at = now() + interval '20 minutes' WHERE id = $1`, [ds[1].id]);
    await db.query(`UPDATE dossier SET statutory_due_at = now() + interval '60 days' WHERE id = ANY($1)`, [
      [ds[2].id, ds[3].id],
    ]);
    await platform
      .ok(
        `mutation($id: ID!) { requestSupplement(dossierId: $id, reason: "Thiếu bản sao", componentCodes: ["GT"]) { id } }`,
        { id: ds[3].id },
        specialist,
      )
      .catch(async () =>
        platform.ok(
          `mutation($id: ID!) { requestFinancialObligation(dossierId: $id, reason: "Lệ phí", amountVnd: 50000) { id } }`,
          { id: ds[3].id },
          specialist,
        ),
      );

    const PAGE = `query($filter: InboxFilter, $first: Int, $offset: Int) { inboxPage(filter: $filter, first: $first, offset: $offset) {
      total counts { onTrack dueSoon overdue paused } items { id code status procedure { code } sla { state } } } }`;
    const page = async (filter: Record<string, unknown> | null, first = 20, offset = 0) =>
      (await platform.ok(PAGE, { filter, first, offset }, specialist)).inboxPage;
    const ids = (p: { items: Array<{ id: string }> }) => p.items.map((d) => d.id);

    const all = await page(null);
    expect(all.counts).toEqual({ onTrack: 1, dueSoon: 1, overdue: 1, paused: 1 });
    expect(all.total).toBe(3);
    expect(ids(all).sort()).toEqual([ds[0].id, ds[1].id, ds[2].id].sort());
    expect(
      (await page({ deadline: 'OVERDUE' })).items.map((d: { id: string; sla: { state: string } }) => [
        d.id,
        d.sla.state,
      ]),
    ).toEqual([[ds[0].id, 'OVERDUE']]);
    expect(ids(await page({ deadline: 'DUE_SOON' }))).toEqual([ds[1].id]);
    expect(ids(await page({ deadline: 'PAUSED' }))).toEqual([ds[3].id]);
    const byProcedure = await page({ procedureCode: other });
    expect({ total: byProcedure.total, ids: ids(byProcedure) }).toEqual({ total: 0, ids: [] }); // the other procedure's one is paused
    expect(ids(await page({ procedureCode: other, deadline: 'PAUSED' }))).toEqual([ds[3].id]);
    expect((await page({ status: 'PROCESSING', deadline: 'PAUSED' })).total).toBe(0);
    // Paged: the total and the counts are the whole inbox's, whatever the page.
    const second = await page(null, 1, 1);
    expect({ total: second.total, counts: second.counts, n: second.items.length }).toEqual({
      total: 3,
      counts: all.counts,
      n: 1,
    });
    expect(second.items[0].id).toBe(all.items[1].id);
    // The contract's inbox still answers as before.
    const { inbox } = await platform.ok(`{ inbox(first: 50) { id } }`, {}, specialist);
    expect(inbox.map((d: { id: string }) => d.id).sort()).toEqual(ids(all).sort());
    // Another centre's officer: refused.
    const foreign = await platform.graphql(
      `query($c: ID) { inboxPage(centreId: $c) { total } }`,
      { c: here.id },
      await token('SPECIALIST'),
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
