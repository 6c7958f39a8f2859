import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * What the portal's officers' pages ask of the API beyond the contract: the online dossiers
 * awaiting acceptance (/counter), the inbox paged on the server (/inbox), the returns desk's
 * lists and the hand-over record of who collected a result (/returns).
 */
describe("the officers' desk queries", () => {
  let platform: TestPlatform;
  let fx: Fixtures;
  let centre: { id: string; code: string };
  let other: { id: string; code: string };
  let procedureCode: string;
  const token = (role: string, c = centre) => platform.token({ role: role as never, centre: c.code });
  let n = 0;
  const identity = () => `0460910${String(10000 + ++n).slice(-5)}`;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    fx = new Fixtures(platform);
    centre = await fx.centre({ level: 'PROVINCE' });
    other = await fx.centre({ level: 'DISTRICT', parentId: centre.id }, await fx.admin(centre.code));
    procedureCode = (await fx.procedure()).code;
    await waitFor(
      async () => (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica`)).length === 2,
      { what: 'centre replica' },
    );
  });
  afterAll(async () => platform?.stop());

  it("lists the online dossiers awaiting acceptance at the officer's centre, until accepted", async () => {
    const online = await fx.receiveDossier({ centre, procedureCode, channel: 'ONLINE', identityNumber: identity() });
    const query = `{ awaitingAcceptance { id code status applicant { identityNumber } } }`;
    const { awaitingAcceptance } = await platform.ok(query, {}, await token('INTAKE_OFFICER'));
    expect(awaitingAcceptance.map((d: { id: string }) => d.id)).toContain(online.id);
    expect(awaitingAcceptance.find((d: { id: string }) => d.id === online.id).applicant.identityNumber).toMatch(/\*/);
    const foreign = await platform.graphql(
      `{ awaitingAcceptance(centreId: "${centre.id}") { id } }`,
      {},
      await token('INTAKE_OFFICER', other),
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await platform.ok(
      `mutation($id: ID!) { acceptDossier(dossierId: $id) { id } }`,
      { id: online.id },
      await token('INTAKE_OFFICER'),
    );
    const after = await platform.ok(query, {}, await token('INTAKE_OFFICER'));
    expect(after.awaitingAcceptance.map((d: { id: string }) => d.id)).not.toContain(online.id);
  });

  it('pages the inbox on the server with first and offset', async () => {
    for (let i = 0; i < 3; i++) await fx.receiveDossier({ centre, procedureCode, identityNumber: identity() });
    // The default workflow starts with the intake officer's RECEIVE step.
    const specialist = await token('INTAKE_OFFICER');
    const all = await waitFor(
      async () => {
        const { inbox } = await platform.ok(`{ inbox(first: 50) { id } }`, {}, specialist);
        // these three and the online dossier accepted above
        return inbox.length >= 4 ? inbox : null;
      },
      { what: 'four dossiers in the inbox' },
    );
    const { inbox: second } = await platform.ok(`{ inbox(first: 1, offset: 1) { id } }`, {}, specialist);
    expect(second).toEqual([all[1]]);
  });

  it('lists a result waiting at the counter, records who collected it, and then lists it no more', async () => {
    const dossier = await fx.receiveDossier({ centre, procedureCode, identityNumber: identity() });
    const specialist = await token('SPECIALIST');
    const leader = await token('LEADER');
    await waitFor(
      async () =>
        (await platform.ok(`query($id: ID!) { dossier(id: $id) { status } }`, { id: dossier.id }, specialist)).dossier
          .status === 'RECEIVED',
      { what: 'received' },
    );
    // The default workflow: reception, a specialist's review, then the leader's decision.
    await platform.ok(
      `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
      { id: dossier.id },
      await token('INTAKE_OFFICER'),
    );
    await platform.ok(`mutation($id: ID!) { completeStep(dossierId: $id) { id } }`, { id: dossier.id }, specialist);
    await platform.ok(
      `mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`,
      {
        input: {
          dossierId: dossier.id,
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
      leader,
    );
    const officer = await token('INTAKE_OFFICER');
    const desk = `{ returnsDesk(queue: COUNTER) { id code delivery { status } } }`;
    await waitFor(
      async () => (await platform.ok(desk, {}, officer)).returnsDesk.some((d: { id: string }) => d.id === dossier.id),
      { what: 'the result at the counter' },
    );
    expect((await platform.ok(`{ returnsDesk(queue: POST) { id } }`, {}, officer)).returnsDesk).toEqual([]);
    const foreign = await platform.graphql(
      `{ returnsDesk(queue: COUNTER, centreId: "${centre.id}") { id } }`,
      {},
      await token('INTAKE_OFFICER', other),
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const blank = await platform.graphql(
      `mutation($id: ID!) { confirmPickup(dossierId: $id, collector: { fullName: " ", identityNumber: "046090001234" }) { id } }`,
      { id: dossier.id },
      officer,
    );
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await platform.ok(
      `mutation($id: ID!) { confirmPickup(dossierId: $id, collector: { fullName: "Trần Thị Bình", identityNumber: "046090005678" }) { id status } }`,
      { id: dossier.id },
      officer,
    );
    const { dossier: returned } = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { delivery { status collectedBy { fullName identityNumber } } } }`,
      { id: dossier.id },
      officer,
    );
    expect(returned.delivery).toEqual({
      status: 'PICKED_UP',
      collectedBy: { fullName: 'Trần Thị Bình', identityNumber: '046090005678' },
    });
    expect((await platform.ok(desk, {}, officer)).returnsDesk.map((d: { id: string }) => d.id)).not.toContain(
      dossier.id,
    );
  });
});
