import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blobIntegrityFailures } from '@onestop/blob-store';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * Personal data: identity numbers masked in lists, "who looked at my documents", content that
 * fails its hash never served, and statistics without personal data.
 */
let platform: TestPlatform;
let fixtures: Fixtures;
let centre: { id: string; code: string };
let dossier: { id: string; code: string; recordId: string };
const CITIZEN = '046090001234';
const PDF = Buffer.from("%PDF-1.4\n% the citizen's birth certificate\n%%EOF\n");

beforeAll(async () => {
  platform = await TestPlatform.start();
  fixtures = new Fixtures(platform);
  centre = await fixtures.centre({ code: 'PD.01' });
  const procedure = await fixtures.procedure({
    components: [{ code: 'GKS', name: 'Giấy khai sinh', required: true, documentType: 'GIAY_KHAI_SINH' }],
  });
  const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
  const { submitDossier } = await platform.contractOk(
    'SubmitDossier',
    {
      input: {
        procedureCode: procedure.code,
        centreId: centre.id,
        channel: 'COUNTER',
        applicant: {
          kind: 'CITIZEN',
          identityNumber: CITIZEN,
          fullName: 'Trần Thị Bình',
          phone: '0905123456',
          email: 'binh@example.vn',
        },
        documents: [
          {
            componentCode: 'GKS',
            upload: { fileName: 'gks.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
          },
        ],
        delivery: { method: 'COUNTER' },
      },
    },
    officer,
  );
  dossier = { id: submitDossier.id, code: submitDossier.code, recordId: submitDossier.components[0].record.id };
  await waitFor(
    async () =>
      (await platform.services.processing.db.query(`SELECT 1 FROM dossier WHERE id = $1`, [dossier.id])).length,
  );
});
afterAll(() => platform?.stop());

const content = (recordId: string, token: string, purpose = 'Đối chiếu bản gốc') =>
  fetch(`${platform.url}/intake/records/${recordId}/content?purpose=${encodeURIComponent(purpose)}`, {
    headers: { authorization: `Bearer ${token}` },
  });

it('masks identity numbers in lists (the inbox), and shows them in full in the single dossier an officer may see', async () => {
  const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
  const { inbox } = await platform.ok(`{ inbox { id applicant { identityNumber fullName } } }`, {}, officer);
  expect(inbox.find((d: { id: string }) => d.id === dossier.id).applicant.identityNumber).toBe('0460******34');
  const single = await platform.contractOk('Dossier', { id: dossier.id }, officer);
  expect(single.dossier.applicant.identityNumber).toBe(CITIZEN);
  const citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN });
  const own = await platform.ok(`{ myDossiers { applicant { identityNumber } } }`, {}, citizen);
  expect(own.myDossiers[0].applicant.identityNumber).toBe(CITIZEN);
});

it("logs every read of a record's content with who, role, centre, dossier and purpose; the owner and ADMIN read that log, nobody else", async () => {
  const officer = await platform.token({ role: 'SPECIALIST', centre: centre.code, name: 'Lê Văn Chuyên' });
  const citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN });
  const res = await content(dossier.recordId, officer, 'Thẩm định hồ sơ');
  expect(res.status).toBe(200);
  expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
  expect((await content(dossier.recordId, citizen, 'Xem lại')).status).toBe(200);
  expect(
    (
      await fetch(`${platform.url}/intake/records/${dossier.recordId}/content`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).status,
  ).toBe(400);

  const LOG = `query($id: ID!) { recordAccessLog(recordId: $id) { readerName readerRole readerCentre purpose dossier { id code } at } }`;
  const { recordAccessLog } = await platform.ok(LOG, { id: dossier.recordId }, citizen);
  expect(recordAccessLog).toEqual([
    {
      readerName: 'Lê Văn Chuyên',
      readerRole: 'SPECIALIST',
      readerCentre: centre.code,
      purpose: 'Thẩm định hồ sơ',
      dossier: { id: dossier.id, code: dossier.code },
      at: expect.any(String),
    },
    {
      readerName: expect.any(String),
      readerRole: 'CITIZEN',
      readerCentre: null,
      purpose: 'Xem lại',
      dossier: { id: dossier.id, code: dossier.code },
      at: expect.any(String),
    },
  ]);
  expect(
    (await platform.ok(LOG, { id: dossier.recordId }, await fixtures.admin(centre.code))).recordAccessLog,
  ).toHaveLength(2);
  expect((await platform.graphql(LOG, { id: dossier.recordId }, officer)).errors?.[0].extensions?.code).toBe(
    'FORBIDDEN',
  );
  const stranger = await platform.token({ role: 'CITIZEN', identityNumber: '079085001234' });
  expect((await platform.graphql(LOG, { id: dossier.recordId }, stranger)).errors?.[0].extensions?.code).toBe(
    'FORBIDDEN',
  );
  // The log is append-only.
  await expect(platform.services.intake.db.query(`DELETE FROM record_access`)).rejects.toThrow(/append-only/);
});

it('never serves content that fails its hash: the operator sees an error and the count goes up', async () => {
  const citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN });
  const { sha256 } = (
    await platform.services.intake.db.query(`SELECT sha256 FROM digital_record WHERE id = $1`, [dossier.recordId])
  )[0];
  const file = join(platform.dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const before = blobIntegrityFailures.count;
  const logged: unknown[] = [];
  const logger = platform.services.intake.logger;
  const original = logger.error.bind(logger);
  (logger as any).error = (obj: unknown, ...rest: unknown[]) => {
    logged.push(obj);
    return (original as any)(obj, ...rest);
  };
  writeFileSync(file, Buffer.from('%PDF-1.4\n% tampered\n%%EOF\n'));
  try {
    const res = await content(dossier.recordId, citizen);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('tampered');
    expect(blobIntegrityFailures.count).toBe(before + 1);
    expect(logged).toContainEqual(
      expect.objectContaining({ event: 'blob_integrity_failure', sha256, recordId: dossier.recordId }),
    );
  } finally {
    (logger as any).error = original;
    writeFileSync(file, PDF);
  }
  // The failed read is not logged as a read.
  const { count } = (
    await platform.services.intake.db.query(
      `SELECT count(*)::int AS count FROM record_access WHERE purpose = 'Đối chiếu bản gốc'`,
    )
  )[0];
  expect(count).toBe(0);
});

it('statistics hold no personal data: no column that could, and no row that does', async () => {
  await waitFor(
    async () =>
      (await platform.services.statistics.db.query(`SELECT 1 FROM dossier_fact WHERE dossier_id = $1`, [dossier.id]))
        .length,
    { what: 'statistics to count the dossier' },
  );
  const columns: Array<{ table_name: string; column_name: string }> = await platform.services.statistics.db.query(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'statistics'`,
  );
  const personal = /identity|full_?name|applicant|phone|email|address|recipient|citizen|owner/i;
  // The event bus's own tables (outbox, processed events) carry other services' payloads in transit, not read models.
  const readModels = columns.filter((c) => !['outbox', 'processed_event'].includes(c.table_name));
  expect(readModels.filter((c) => personal.test(c.column_name))).toEqual([]);
  for (const table of [...new Set(readModels.map((c) => c.table_name))]) {
    const rows = JSON.stringify(await platform.services.statistics.db.query(`SELECT * FROM "${table}"`));
    for (const value of [CITIZEN, 'Trần Thị Bình', '0905123456', 'binh@example.vn'])
      expect([table, rows.includes(value)]).toEqual([table, false]);
  }
});
