import { randomBytes } from 'node:crypto';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * Issue 14: delivery and statistics answer for a dossier to the same people as intake and
 * processing — its applicant, and the officers of its receiving or processing centre — and an
 * online result's download link is there as soon as processing has decided.
 *
 * The province P has two districts D and E. Citizen A's dossiers are received at D; one is
 * transferred to E and decided there.
 */
jest.setTimeout(240_000);

let platform: TestPlatform;
let f: Fixtures;
const A = '046090001234';
const B = '079085001234';
let P: { id: string; code: string }, D: { id: string; code: string }, E: { id: string; code: string };
let procedureCode = '';

const PDF = Buffer.from('%PDF-1.4\n% result\n%%EOF\n');
const tokenOf = (role: string, centre?: { code: string }) =>
  platform.token({ role: role as never, ...(centre ? { centre: centre.code } : {}) });
const citizen = (identityNumber: string) => platform.token({ role: 'CITIZEN', identityNumber });

// One link secret for the delivery process the test restarts, as production's processes share one.
const linkSecret = process.env.DOWNLOAD_LINK_SECRET;
beforeAll(async () => {
  process.env.DOWNLOAD_LINK_SECRET = randomBytes(32).toString('hex');
  platform = await TestPlatform.start();
  f = new Fixtures(platform);
  P = await f.centre({ code: 'CP.P' });
  D = await f.centre({ code: 'CP.D', level: 'DISTRICT', parentId: P.id });
  E = await f.centre({ code: 'CP.E', level: 'DISTRICT', parentId: P.id });
  procedureCode = (await f.procedure({ levels: ['PROVINCE', 'DISTRICT'] })).code;
  await platform.contractOk(
    'DefineWorkflow',
    {
      input: {
        procedureCode,
        steps: [
          { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 8 },
          { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
        ],
      },
    },
    await f.admin(),
  );
  for (const service of ['processing', 'delivery', 'statistics'] as const) {
    await waitFor(
      async () =>
        (await platform.services[service].db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [E.id])).length,
      { what: `${service} to learn of the centres` },
    );
  }
});
afterAll(async () => {
  await platform?.stop();
  if (linkSecret === undefined) delete process.env.DOWNLOAD_LINK_SECRET;
  else process.env.DOWNLOAD_LINK_SECRET = linkSecret;
});

/** Receives a dossier of A at D and waits until every service knows it. */
async function receive(deliveryMethod: 'COUNTER' | 'ONLINE') {
  const d = await f.receiveDossier({ centre: D, procedureCode, identityNumber: A, deliveryMethod });
  for (const [service, table] of [
    ['processing', 'dossier'],
    ['delivery', 'delivery'],
    ['statistics', 'dossier_fact'],
  ] as const) {
    await waitFor(
      async () =>
        (
          await platform.services[service].db.query(
            `SELECT 1 FROM ${table} WHERE ${table === 'dossier' ? 'id' : 'dossier_id'} = $1`,
            [d.id],
          )
        ).length,
      { what: `${service} to learn of ${d.code}` },
    );
  }
  return d;
}

/** The officers of `centre` take the dossier through its steps to an approval with a result document. */
async function decide(dossierId: string, centre: { code: string }) {
  await platform.ok(
    `mutation($id: ID!) { completeStep(dossierId: $id) { id } }`,
    { id: dossierId },
    await tokenOf('SPECIALIST', centre),
  );
  await platform.ok(
    `mutation($input: DecisionInput!) { decideDossier(input: $input) { id } }`,
    {
      input: {
        dossierId,
        decision: 'APPROVED',
        result: {
          documentType: 'KET_QUA',
          title: 'Kết quả',
          upload: { fileName: 'ket-qua.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
        },
      },
    },
    await tokenOf('LEADER', centre),
  );
}

const PARTS = `query($id: ID!) { dossier(id: $id) { id outcome delivery { method status } } }`;

it("the applicant reads their own dossier's outcome; another citizen reads nothing of it", async () => {
  const d = await receive('COUNTER');
  await decide(d.id, D);
  const mine = await waitFor(
    async () => {
      const { dossier } = await platform.ok(PARTS, { id: d.id }, await citizen(A));
      return dossier?.outcome ? dossier : null;
    },
    { what: 'the applicant to see the outcome' },
  );
  expect(mine).toMatchObject({ id: d.id, outcome: 'EARLY', delivery: { method: 'COUNTER', status: 'READY' } });
  const other = await platform.graphql(PARTS, { id: d.id }, await citizen(B));
  expect([other.data?.dossier ?? null, other.errors?.[0]?.extensions?.code]).toEqual([null, 'FORBIDDEN']);
  const list = await platform.ok(`{ myDossiers { id outcome } }`, {}, await citizen(A));
  expect(list.myDossiers).toContainEqual({ id: d.id, outcome: 'EARLY' });
});

it("after a transfer, the processing centre's officers read the delivery and the outcome; a sibling's do not", async () => {
  const d = await receive('COUNTER');
  await platform.contractOk(
    'TransferDossier',
    { dossierId: d.id, toCentreId: E.id, reason: 'Thuộc thẩm quyền' },
    await tokenOf('SPECIALIST', D),
  );
  const atE = await waitFor(
    async () => (await platform.ok(PARTS, { id: d.id }, await tokenOf('SPECIALIST', E))).dossier?.delivery ?? null,
    { what: 'the processing centre to see the delivery' },
  );
  expect(atE).toEqual({ method: 'COUNTER', status: 'AWAITING_RESULT' });
  await decide(d.id, E);
  const leader = await waitFor(
    async () => {
      const { dossier } = await platform.ok(PARTS, { id: d.id }, await tokenOf('LEADER', E));
      return dossier?.outcome ? dossier : null;
    },
    { what: 'the processing centre to see the outcome' },
  );
  expect(leader).toMatchObject({ outcome: 'EARLY', delivery: { method: 'COUNTER', status: 'READY' } });
  // the receiving centre keeps its sight of the dossier; a centre that neither received nor processes it has none
  expect((await platform.ok(PARTS, { id: d.id }, await tokenOf('INTAKE_OFFICER', D))).dossier).toMatchObject({
    outcome: 'EARLY',
    delivery: { status: 'READY' },
  });
  const sibling = await platform.graphql(
    `query($id: ID!) { dossier(id: $id) { id } }`,
    { id: d.id },
    await tokenOf('SPECIALIST', P),
  );
  expect(sibling.data?.dossier ?? null).toBeNull();
});

it("an online result's download link is the applicant's as soon as processing has decided, and serves the result once delivery catches up", async () => {
  const d = await receive('ONLINE');
  // Delivery's worker stopped: the decision's event waits in its queue, as on a busy day.
  await platform.stopService('delivery');
  await platform.startService('delivery', { api: true, worker: false });
  try {
    await decide(d.id, D);
    const { dossier } = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { status delivery { status downloadUrl } } }`,
      { id: d.id },
      await citizen(A),
    );
    expect(dossier).toMatchObject({
      status: 'RESOLVED',
      delivery: { status: 'READY', downloadUrl: expect.stringMatching(/\/delivery\/results\//) },
    });
    const other = await platform.graphql(
      `query($id: ID!) { dossier(id: $id) { delivery { downloadUrl } } }`,
      { id: d.id },
      await citizen(B),
    );
    expect(other.data?.dossier ?? null).toBeNull();
    // The worker is back: the link, followed now, waits for the event and serves the result.
    await platform.stopService('delivery');
    await platform.startService('delivery');
    const res = await fetch(new URL(dossier.delivery.downloadUrl, platform.url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    const after = await waitFor(
      async () => {
        const { dossier: x } = await platform.ok(
          `query($id: ID!) { dossier(id: $id) { status delivery { status } } }`,
          { id: d.id },
          await citizen(A),
        );
        return x.status === 'RETURNED' ? x : null;
      },
      { what: 'the download to return the dossier' },
    );
    expect(after.delivery.status).toBe('DOWNLOADED');
  } finally {
    if (!platform.services.delivery.consumer) {
      await platform.stopService('delivery');
      await platform.startService('delivery');
    }
  }
});

it('an online dossier refused at reception cannot be accepted the moment after, nor an accepted one refused', async () => {
  const submitOnline = async () => {
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id status nationalStatusCode } }`,
      {
        input: {
          procedureCode,
          centreId: D.id,
          channel: 'ONLINE',
          documents: [],
          delivery: { method: 'ONLINE' },
          applicant: { kind: 'CITIZEN', identityNumber: A, fullName: 'Nguyễn Văn An', phone: '0905123456' },
        },
      },
      await citizen(A),
    );
    expect(submitDossier).toMatchObject({ status: 'NEW', nationalStatusCode: 1 });
    await waitFor(
      async () =>
        (await platform.services.processing.db.query(`SELECT 1 FROM dossier WHERE id = $1`, [submitDossier.id])).length,
      { what: 'processing to learn of it' },
    );
    return submitDossier.id as string;
  };
  const officer = await tokenOf('INTAKE_OFFICER', D);
  const accept = (id: string) =>
    platform.graphql(`mutation($id: ID!) { acceptDossier(dossierId: $id) { id status } }`, { id }, officer);

  const refused = await submitOnline();
  const { refuseDossier } = await platform.contractOk(
    'RefuseDossier',
    { dossierId: refused, reason: 'Không thuộc thẩm quyền' },
    officer,
  );
  expect(refuseDossier).toMatchObject({ status: 'NOT_ACCEPTED', nationalStatusCode: 3 });
  // At once, as a second officer's click would come: refused, in the contract's words.
  const late = await accept(refused);
  expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  // The refusal slip printed at once carries the reason, and every service comes to the same status.
  const slip = await fetch(`${platform.url}/processing/dossiers/${refused}/refusal-slip?format=html`, {
    headers: { authorization: `Bearer ${officer}` },
  });
  expect(await slip.text()).toContain('Không thuộc thẩm quyền');
  const seen = await waitFor(
    async () => {
      const { dossier } = await platform.ok(
        `query($id: ID!) { dossier(id: $id) { status nationalStatusCode history { action note } } }`,
        { id: refused },
        await citizen(A),
      );
      return dossier.status === 'NOT_ACCEPTED' ? dossier : null;
    },
    { what: 'processing to apply the refusal' },
  );
  expect(seen.history.map((h: { action: string }) => h.action)).toContain('REFUSE');

  // Both at once: exactly one wins.
  const raced = await submitOnline();
  const outcomes = await Promise.all([
    accept(raced),
    platform.contract('RefuseDossier', { dossierId: raced, reason: 'Sai thủ tục' }, officer),
  ]);
  expect(outcomes.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
});
