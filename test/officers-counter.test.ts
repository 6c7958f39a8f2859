import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * The counter's two acts beyond reception, through the gateway: refusing a walk-in with a reason
 * and its printable slip (refuseAtCounter), and the rating an applicant gives at the returns desk
 * (rateAtCounter).
 */
describe('the counter: refusal of a walk-in and the rating at the returns desk', () => {
  let platform: TestPlatform;
  let fx: Fixtures;
  let centre: { id: string; code: string };
  let procedureCode: string;
  const token = (role: string, claims: Record<string, string> = {}) => platform.token({ role: role as never, centre: centre.code, ...claims });
  const applicant = { kind: 'CITIZEN', identityNumber: '046090007777', fullName: 'Lê Thị Hoa', phone: '0905000111' };
  const REFUSE = `mutation($input: RefuseAtCounterInput!) { refuseAtCounter(input: $input) { id code status nationalStatusCode dueAt } }`;
  const slip = async (id: string, bearer: string) => {
    const res = await fetch(`${platform.url}/processing/dossiers/${id}/refusal-slip`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    fx = new Fixtures(platform);
    centre = await fx.centre({ level: 'PROVINCE' });
    procedureCode = (await fx.procedure()).code;
    await waitFor(async () => (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica`)).length === 1, { what: 'centre replica' });
  });
  afterAll(async () => platform?.stop());

  it('records a walk-in refused at the counter as not accepted, with its slip printable at once, and counts it', async () => {
    const officer = await token('INTAKE_OFFICER');
    const input = { procedureCode, centreId: centre.id, applicant, reason: 'Thiếu bản chính giấy khai sinh để đối chiếu', idempotencyKey: 'refuse-walk-in-1' };
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
    const { dossier } = await platform.ok(`query($id: ID!) { dossier(id: $id) { status nationalStatusCode channel history { action note } } }`, { id: refuseAtCounter.id }, officer);
    expect(dossier).toMatchObject({ status: 'NOT_ACCEPTED', nationalStatusCode: 3, channel: 'COUNTER' });
    expect(dossier.history.map((h: { action: string }) => h.action)).toContain('REFUSE');
    await waitFor(async () => (await platform.services.statistics.db.query(`SELECT national_status_code FROM dossier_fact WHERE dossier_id = $1`, [refuseAtCounter.id]))[0]?.national_status_code === 3,
      { what: 'statistics to count the refusal' });
    const { inbox } = await platform.ok(`{ inbox(first: 100) { id } }`, {}, officer);
    expect(inbox.map((d: { id: string }) => d.id)).not.toContain(refuseAtCounter.id);
    // Nobody was told their dossier was registered: they left with the slip in hand.
    expect((await platform.services.delivery.db.query(`SELECT 1 FROM notification WHERE dossier_id = $1`, [refuseAtCounter.id])).length).toBe(0);
  });

  it('needs a reason, and is the counter officers\' alone', async () => {
    const blank = await platform.graphql(REFUSE, { input: { procedureCode, centreId: centre.id, applicant, reason: '  ' } }, await token('INTAKE_OFFICER'));
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const specialist = await platform.graphql(REFUSE, { input: { procedureCode, centreId: centre.id, applicant, reason: 'Sai thủ tục' } }, await token('SPECIALIST'));
    expect(specialist.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await platform.graphql(REFUSE, { input: { procedureCode, centreId: centre.id, applicant, reason: 'Sai thủ tục' } },
      await platform.token({ role: 'CITIZEN', identityNumber: applicant.identityNumber }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records the rating the applicant gives at the returns desk, once, with who took it', async () => {
    const d = await fx.receiveDossier({ centre, procedureCode, identityNumber: '046090008888' });
    const officer = await token('INTAKE_OFFICER', { name: 'Phan Văn Quầy' });
    await waitFor(async () => (await platform.ok(`query($id: ID!) { dossier(id: $id) { status } }`, { id: d.id }, officer)).dossier.status === 'RECEIVED', { what: 'received' });
    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: d.id }, officer);
    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: d.id }, await token('SPECIALIST'));
    await platform.ok(`mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`, {
      input: { dossierId: d.id, decision: 'APPROVED', result: { documentType: 'KQ', title: 'Kết quả', upload: { fileName: 'kq.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\nkq').toString('base64') } } },
    }, await token('LEADER'));
    const RATE = `mutation($id: ID!) { rateAtCounter(dossierId: $id, rating: { overall: VERY_SATISFIED, comment: "Cán bộ hướng dẫn tận tình" }) { overall comment takenAtCounter recordedBy } }`;

    // Before the hand-over there is nothing to rate at the counter.
    await waitFor(async () => (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [d.id]))[0]?.status === 'READY', { what: 'the result at the counter' });
    const early = await platform.graphql(RATE, { id: d.id }, officer);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    await platform.ok(`mutation($id: ID!) { confirmPickup(dossierId: $id) { id } }`, { id: d.id }, officer);

    const forbidden = await platform.graphql(RATE, { id: d.id }, await token('SPECIALIST'));
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rateAtCounter } = await platform.ok(RATE, { id: d.id }, officer);
    expect(rateAtCounter).toEqual({ overall: 'VERY_SATISFIED', comment: 'Cán bộ hướng dẫn tận tình', takenAtCounter: true, recordedBy: 'Phan Văn Quầy' });

    // Once per dossier, whoever records it: neither again at the counter nor by the applicant online.
    expect((await platform.graphql(RATE, { id: d.id }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const online = await platform.graphql(`mutation($id: ID!) { rateService(dossierId: $id, rating: { overall: NOT_SATISFIED }) { overall } }`, { id: d.id },
      await platform.token({ role: 'CITIZEN', identityNumber: '046090008888' }));
    expect(online.errors?.[0].extensions?.code).toBe('CONFLICT');
    const { dossier } = await platform.ok(`query($id: ID!) { dossier(id: $id) { delivery { rating { overall takenAtCounter recordedBy } } } }`, { id: d.id }, officer);
    expect(dossier.delivery.rating).toEqual({ overall: 'VERY_SATISFIED', takenAtCounter: true, recordedBy: rateAtCounter.recordedBy });
    await waitFor(async () => (await platform.services.statistics.db.query(`SELECT satisfaction FROM dossier_fact WHERE dossier_id = $1`, [d.id]))[0]?.satisfaction,
      { what: 'statistics to count the rating' });
  });
});
