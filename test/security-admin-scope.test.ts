import { TestPlatform, waitFor, type GraphQLResponse } from '@onestop/test-kit';

/**
 * Issue 16's findings on administrators' reach, replayed through the gateway as the attacker did
 * them. The province PROV (a root, set up on the empty tree by its own ADMIN) has two communes
 * A and B; B received a dossier sent back by post. A's ADMIN, and a well-signed ADMIN token
 * naming no centre at all, try to take over B, the province and its reference data; the
 * courier's callback takes the courier's own credential; the queue dashboard is the root's.
 */
jest.setTimeout(300_000);

let platform: TestPlatform;
const PROV = { id: '', code: 'SCOPE.PROV' };
const A = { id: '', code: 'SCOPE.A' };
const B = { id: '', code: 'SCOPE.B' };
const PROCEDURE = 'SCOPE-PROC';
const CITIZEN = '046090001234';
const EMAIL = 'an.nguyen@example.vn';
const PDF = Buffer.from('%PDF-1.4\n% a test document\n%%EOF\n').toString('base64');
const tokens = {} as Record<'root' | 'adminA' | 'ghost' | 'officerB' | 'specialistB' | 'leaderB', string>;
let dossier: { id: string; code: string; trackingNumber: string };

const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const ok = async (name: string, variables: Record<string, unknown>, token?: string) =>
  platform.contractOk(name, variables, token);
const create = async (code: string, level: string, parentId: string | null, token = tokens.root) =>
  (await ok('CreateCentre', { input: { code, name: `Trung tâm ${code}`, level, parentId } }, token)).createCentre
    .id as string;
const MOVE = `mutation($id: ID!, $parentId: ID) { moveCentre(centreId: $id, parentId: $parentId) { id } }`;
const move = (id: string, parentId: string | null, token: string) => platform.graphql(MOVE, { id, parentId }, token);
const parentOf = async (code: string) =>
  (await platform.ok(`{ centres { code parent { code } } }`)).centres.find((c: { code: string }) => c.code === code)
    ?.parent?.code ?? null;
const procedureVersion = async () =>
  (await platform.ok(`{ procedures { code version feeVnd } }`)).procedures.find(
    (p: { code: string }) => p.code === PROCEDURE,
  );

beforeAll(async () => {
  platform = await TestPlatform.start();
  tokens.root = await platform.token({ role: 'ADMIN', centre: PROV.code });
  tokens.adminA = await platform.token({ role: 'ADMIN', centre: A.code });
  tokens.ghost = await platform.token({ role: 'ADMIN', centre: 'NO.SUCH.CENTRE' });
  tokens.officerB = await platform.token({ role: 'INTAKE_OFFICER', centre: B.code });
  tokens.specialistB = await platform.token({ role: 'SPECIALIST', centre: B.code });
  tokens.leaderB = await platform.token({ role: 'LEADER', centre: B.code });
  PROV.id = await create(PROV.code, 'PROVINCE', null);
  A.id = await create(A.code, 'COMMUNE', PROV.id);
  B.id = await create(B.code, 'COMMUNE', PROV.id);
  await ok(
    'UpsertProcedure',
    {
      input: {
        code: PROCEDURE,
        name: 'Chứng thực bản sao',
        sector: 'Tư pháp',
        levels: ['COMMUNE'],
        feeVnd: 2000,
        processingTime: { amount: 3, unit: 'WORKING_DAYS' },
      },
    },
    tokens.root,
  );
  for (const service of ['processing', 'delivery', 'statistics'] as const) {
    await waitFor(
      async () =>
        (await platform.services[service].db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [B.id])).length,
      { what: `${service} to learn of B` },
    );
  }
  // B receives a dossier to be sent back by post, decides it, and the courier books the parcel.
  const { submitDossier } = await ok(
    'SubmitDossier',
    {
      input: {
        procedureCode: PROCEDURE,
        centreId: B.id,
        channel: 'COUNTER',
        documents: [],
        applicant: {
          kind: 'CITIZEN',
          identityNumber: CITIZEN,
          fullName: 'Nguyễn Văn An',
          phone: '0905123456',
          email: EMAIL,
        },
        delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
      },
    },
    tokens.officerB,
  );
  const processed = () =>
    platform.services.processing.db.query(`SELECT 1 FROM dossier WHERE id = $1`, [submitDossier.id]);
  await waitFor(async () => (await processed()).length, { what: 'processing to learn of the dossier' });
  await ok('CompleteStep', { dossierId: submitDossier.id, note: null }, tokens.officerB);
  await ok('CompleteStep', { dossierId: submitDossier.id, note: null }, tokens.specialistB);
  await ok(
    'DecideDossier',
    {
      input: {
        dossierId: submitDossier.id,
        decision: 'APPROVED',
        reason: null,
        result: {
          documentType: 'BAN_SAO',
          title: 'Bản sao chứng thực',
          validUntil: null,
          upload: { fileName: 'kq.pdf', mimeType: 'application/pdf', contentBase64: PDF },
        },
      },
    },
    tokens.leaderB,
  );
  const trackingNumber = await waitFor(
    async () => (await ok('Dossier', { id: submitDossier.id }, tokens.officerB)).dossier.delivery?.trackingNumber,
    { what: 'the courier to book the parcel' },
  );
  dossier = { id: submitDossier.id, code: submitDossier.code, trackingNumber };
});
afterAll(() => platform?.stop());

describe('an ADMIN acts only within the subtree of their centre', () => {
  it('a commune ADMIN cannot move a neighbouring commune under its own, nor build under it, nor move the province', async () => {
    expect(codeOf(await move(B.id, A.id, tokens.adminA))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'SCOPE.B1', name: 'Tổ', level: 'COMMUNE', parentId: B.id } },
          tokens.adminA,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await move(PROV.id, A.id, tokens.adminA))).toBe('FORBIDDEN');
    expect(codeOf(await move(A.id, null, tokens.adminA))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'SCOPE.ROOT2', name: 'Tỉnh', level: 'PROVINCE', parentId: null } },
          tokens.adminA,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await parentOf(B.code)).toBe(PROV.code);
    expect(await parentOf(PROV.code)).toBeNull();
  });

  it("so B's dossier, inbox, report and result stay out of A's ADMIN's reach", async () => {
    expect(codeOf(await platform.contract('Dossier', { id: dossier.id }, tokens.adminA))).toBe('FORBIDDEN');
    expect(codeOf(await platform.contract('Inbox', { centreId: B.id }, tokens.adminA))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await platform.contract(
          'Report',
          {
            input: {
              from: '2026-01-01',
              to: '2026-12-31',
              centreId: B.id,
              includeDescendants: false,
              groupBy: 'CENTRE',
            },
          },
          tokens.adminA,
        ),
      ),
    ).toBe('FORBIDDEN');
    const result = await fetch(`${platform.url}/processing/dossiers/${dossier.id}/control-slip`, {
      headers: { authorization: `Bearer ${tokens.adminA}` },
    });
    expect(result.status).toBe(403);
  });

  it("A's ADMIN still builds inside A: nothing below a commune, though, since levels nest downwards only", async () => {
    expect(
      codeOf(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'SCOPE.A1', name: 'Tổ', level: 'COMMUNE', parentId: A.id } },
          tokens.adminA,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it("a commune is never placed under a commune, not even by the province's ADMIN", async () => {
    expect(codeOf(await move(B.id, A.id, tokens.root))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'SCOPE.A2', name: 'Xã', level: 'COMMUNE', parentId: A.id } },
          tokens.root,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await parentOf(B.code)).toBe(PROV.code);
    expect(await parentOf('SCOPE.A2')).toBeNull();
  });

  it('a well-signed token whose centre names no centre is refused (FORBIDDEN), whatever it asks', async () => {
    expect(
      codeOf(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'NO.SUCH.CENTRE', name: 'Ma', level: 'PROVINCE', parentId: null } },
          tokens.ghost,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await move(PROV.id, null, tokens.ghost))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await platform.contract(
          'SetCalendarDay',
          { input: { date: '2031-05-06', kind: 'HOLIDAY', name: 'Nghỉ' } },
          tokens.ghost,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await platform.graphql(`mutation { importDossiers(lines: []) { imported } }`, {}, tokens.ghost)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await platform.contract('Applicant', { identityNumber: CITIZEN }, tokens.ghost))).toBe('FORBIDDEN');
    expect(codeOf(await platform.contract('Dossier', { id: dossier.id }, tokens.ghost))).toBe('FORBIDDEN');
    const { centres } = await platform.ok(`{ centres { code } }`);
    expect(centres.map((c: { code: string }) => c.code)).not.toContain('NO.SUCH.CENTRE');
  });
});

describe("the province's reference data is changed by the ADMIN of a root centre only", () => {
  it('a commune ADMIN can neither declare calendar days, nor publish a procedure version, nor redefine its workflow', async () => {
    const holiday = { input: { date: '2031-05-07', kind: 'HOLIDAY', name: 'Nghỉ toàn tỉnh' } };
    expect(codeOf(await platform.contract('SetCalendarDay', holiday, tokens.adminA))).toBe('FORBIDDEN');
    expect(
      (await platform.ok(`{ calendarDays(year: 2031) { date } }`)).calendarDays.map((d: { date: string }) => d.date),
    ).not.toContain('2031-05-07');

    const fee = {
      input: {
        code: PROCEDURE,
        name: 'Chứng thực bản sao',
        sector: 'Tư pháp',
        levels: ['COMMUNE'],
        feeVnd: 1_000_000_000,
        processingTime: { amount: 3, unit: 'WORKING_DAYS' },
      },
    };
    expect(codeOf(await platform.contract('UpsertProcedure', fee, tokens.adminA))).toBe('FORBIDDEN');
    expect(await procedureVersion()).toEqual({ code: PROCEDURE, version: 1, feeVnd: 2000 });

    const versions = async () =>
      await platform.services.processing.db.query(
        `SELECT version, defined_by FROM workflow_template WHERE procedure_code = $1 ORDER BY version`,
        [PROCEDURE],
      );
    const before = await versions();
    const workflow = {
      input: {
        procedureCode: PROCEDURE,
        steps: [
          { code: 'RECEIVE', name: 'Tiếp nhận', role: 'INTAKE_OFFICER', durationHours: 1 },
          { code: 'DECIDE', name: 'Quyết định', role: 'LEADER', durationHours: 1 },
        ],
      },
    };
    expect(codeOf(await platform.contract('DefineWorkflow', workflow, tokens.adminA))).toBe('FORBIDDEN');
    expect(await versions()).toEqual(before);

    // The province's ADMIN may.
    expect(codeOf(await platform.contract('SetCalendarDay', holiday, tokens.root))).toBeUndefined();
    expect(codeOf(await platform.contract('DefineWorkflow', workflow, tokens.root))).toBeUndefined();
  });
});

describe("the courier's callback takes the courier's own credential", () => {
  const postal = (status: string, token: string) =>
    platform.contract(
      'RecordPostalEvent',
      { trackingNumber: dossier.trackingNumber, event: { status, at: null, note: null } },
      token,
    );

  it("an ADMIN of another commune, or of the province, cannot mark someone else's parcel delivered; the courier can", async () => {
    expect(codeOf(await postal('DELIVERED', tokens.adminA))).toBe('FORBIDDEN');
    expect(codeOf(await postal('DELIVERED', tokens.root))).toBe('FORBIDDEN');
    expect((await ok('Dossier', { id: dossier.id }, tokens.officerB)).dossier.delivery.status).not.toBe('DELIVERED');

    const { recordPostalEvent } = await ok(
      'RecordPostalEvent',
      { trackingNumber: dossier.trackingNumber, event: { status: 'DELIVERED', at: null, note: null } },
      platform.courierCredential,
    );
    expect(recordPostalEvent).toEqual({ method: 'POST', status: 'DELIVERED', trackingNumber: dossier.trackingNumber });
  });

  it("the courier's credential is good for nothing else", async () => {
    expect(codeOf(await platform.contract('Dossier', { id: dossier.id }, platform.courierCredential))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await platform.contract(
          'SetCalendarDay',
          { input: { date: '2031-05-08', kind: 'HOLIDAY', name: 'Nghỉ' } },
          platform.courierCredential,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await fetch(`${platform.url}/admin/queues/api/queues`, {
          headers: { authorization: `Bearer ${platform.courierCredential}` },
        })
      ).status,
    ).toBe(403);
  });
});

describe('the queue dashboard', () => {
  const dashboard = (token: string, query = '') =>
    fetch(`${platform.url}/admin/queues/api/queues${query}`, { headers: { authorization: `Bearer ${token}` } });

  it('is refused to an ADMIN below the root, and to a token naming no centre', async () => {
    expect((await dashboard(tokens.adminA)).status).toBe(403);
    expect((await dashboard(tokens.ghost)).status).toBe(403);
  });

  it('shows the root ADMIN the jobs with their personal data masked', async () => {
    let seen = '';
    for (const queue of ['events-processing', 'events-delivery', 'events-statistics']) {
      const res = await dashboard(tokens.root, `?activeQueue=${queue}&status=latest&page=1&jobsPerPage=100`);
      expect(res.status).toBe(200);
      seen += await res.text();
    }
    expect(seen).toContain(dossier.code); // the jobs are there…
    expect(seen).toContain('[redacted]');
    for (const personal of [CITIZEN, EMAIL, '0905123456', 'Nguyễn Văn An', '12 Lê Lợi'])
      expect(seen).not.toContain(personal); // …without whom they are about
  });
});
