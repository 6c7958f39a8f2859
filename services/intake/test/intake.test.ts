import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendar, localDate } from '@onestop/calendar';
import { TestPlatform, waitFor } from '@onestop/test-kit';

/** Intake through the gateway: reference data, applicants, reception, digitised records, tracking. */

const UPLOAD_LIMIT = 64 * 1024;
const PROVINCE = '000.00.00.H57';
const DISTRICT = '000.00.12.H57';
const COMMUNE = '000.12.34.H57';
const CITIZEN = '046090001234';
const OTHER_CITIZEN = '046185004321';

const pdf = (text: string) => ({
  fileName: `${text}.pdf`,
  mimeType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.7\n${text}`).toString('base64'),
});
const sha256 = (text: string) => require('node:crypto').createHash('sha256').update(`%PDF-1.7\n${text}`).digest('hex');

const CREATE_CENTRE = `mutation CreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }`;
const MOVE_CENTRE = `mutation($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id code } } }`;
const CENTRES = `query Centres { centres { id code name level parent { id code } } }`;
const UPSERT_PROCEDURE = `mutation UpsertProcedure($input: ProcedureInput!) { upsertProcedure(input: $input) { id code version } }`;
const PROCEDURES = `query($centreId: ID) { procedures(centreId: $centreId) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } } }`;
const CALENDAR_DAYS = `query CalendarDays($year: Int!) { calendarDays(year: $year) { date kind name } }`;
const SET_CALENDAR_DAY = `mutation SetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }`;
const SUBMIT = `mutation SubmitDossier($input: SubmitDossierInput!) {
  submitDossier(input: $input) {
    id code status nationalStatusCode channel receivedAt dueAt receiptUrl
    receivingCentre { id code }
    procedure { version }
    components { componentCode reused record { id sha256 } }
  }
}`;
const APPLICANT = `query Applicant($identityNumber: String!) {
  applicant(identityNumber: $identityNumber) {
    id kind identityNumber fullName
    records {
      id documentType title sha256 sizeBytes mimeType validUntil reuseCount
      digitisedAt { id code }
      sourceDossier { id code }
      reuses { officerId officerName centre { code } dossier { id } at }
    }
  }
}`;
const ACCEPT = `mutation($id: ID!) { acceptDossier(dossierId: $id) { id status nationalStatusCode receivedAt dueAt receiptUrl } }`;
const SUBMIT_SUPPLEMENT = `mutation SubmitSupplement($dossierId: ID!, $documents: [DocumentInput!]!) {
  submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }
}`;
const TRACK = `query($code: String!, $verifier: String!) { trackDossier(code: $code, verifier: $verifier) { id code procedureName receivedAt } }`;

describe('intake through the gateway', () => {
  let platform: TestPlatform;
  let admin: string;
  const centres: Record<'province' | 'district' | 'commune', { id: string; code: string }> = {} as never;
  const officers = {} as Record<'province' | 'district' | 'commune', string>;
  let citizen: string;

  const codeOf = (err: { errors?: Array<{ extensions?: { code?: string } }> }) => err.errors?.[0]?.extensions?.code;
  const dossierRows = async () =>
    Number((await platform.services.intake.db.query(`SELECT count(*) AS n FROM dossier`))[0].n);
  const blobExists = (sha: string) =>
    existsSync(join(platform.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha));
  const citizenInput = (overrides: Record<string, unknown> = {}) => ({
    kind: 'CITIZEN',
    identityNumber: CITIZEN,
    fullName: 'Nguyễn Văn An',
    phone: '0912 345 678',
    address: '12 Lê Lợi, Huế',
    ...overrides,
  });
  const submit = (centre: keyof typeof centres, input: Record<string, unknown>, token = officers[centre]) =>
    platform.graphql(
      SUBMIT,
      {
        input: {
          procedureCode: 'LLTP',
          centreId: centres[centre].id,
          channel: 'COUNTER',
          applicant: citizenInput(),
          ...input,
        },
      },
      token,
    );

  beforeAll(async () => {
    process.env.UPLOAD_MAX_BYTES = String(UPLOAD_LIMIT);
    platform = await TestPlatform.start();
    admin = await platform.token({ role: 'ADMIN', centre: PROVINCE, name: 'Quản trị tỉnh' });
    const province = await platform.ok(
      CREATE_CENTRE,
      { input: { code: PROVINCE, name: 'Trung tâm PVHCC tỉnh', level: 'PROVINCE' } },
      admin,
    );
    const district = await platform.ok(
      CREATE_CENTRE,
      {
        input: {
          code: DISTRICT,
          name: 'Bộ phận Một cửa huyện Phú Vang',
          level: 'DISTRICT',
          parentId: province.createCentre.id,
        },
      },
      admin,
    );
    const commune = await platform.ok(
      CREATE_CENTRE,
      {
        input: {
          code: COMMUNE,
          name: 'Bộ phận Một cửa xã Phú Thượng',
          level: 'COMMUNE',
          parentId: district.createCentre.id,
        },
      },
      admin,
    );
    Object.assign(centres, {
      province: province.createCentre,
      district: district.createCentre,
      commune: commune.createCentre,
    });
    for (const [key, code] of [
      ['province', PROVINCE],
      ['district', DISTRICT],
      ['commune', COMMUNE],
    ] as const) {
      officers[key] = await platform.token({
        role: 'INTAKE_OFFICER',
        centre: code,
        sub: `officer-${key}`,
        name: `Cán bộ ${key}`,
      });
    }
    citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN, name: 'Nguyễn Văn An' });
    await platform.ok(
      UPSERT_PROCEDURE,
      {
        input: {
          code: 'LLTP',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Lý lịch tư pháp',
          levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
          feeVnd: 200000,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
          components: [
            { code: 'TK', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true, documentType: 'TK_LLTP' },
            { code: 'CCCD', name: 'Bản chụp Căn cước công dân', required: true, documentType: 'CCCD' },
            { code: 'UQ', name: 'Văn bản ủy quyền', required: false, documentType: 'VBUQ' },
          ],
        },
      },
      admin,
    );
  });
  afterAll(async () => {
    await platform?.stop();
    delete process.env.UPLOAD_MAX_BYTES;
  });

  describe('centres', () => {
    it('keeps a tree that anyone may read without a token', async () => {
      const { centres: list } = await platform.ok(CENTRES);
      const byCode = Object.fromEntries(list.map((c: { code: string }) => [c.code, c]));
      expect(byCode[COMMUNE].parent).toEqual({ id: centres.district.id, code: DISTRICT });
      expect(byCode[PROVINCE].parent).toBeNull();
    });

    it('refuses malformed codes, unknown parents, duplicates and non-admins', async () => {
      expect(
        codeOf(await platform.graphql(CREATE_CENTRE, { input: { code: '', name: 'X', level: 'COMMUNE' } }, admin)),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(
            CREATE_CENTRE,
            { input: { code: 'A'.repeat(40), name: 'X', level: 'COMMUNE' } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(
            CREATE_CENTRE,
            { input: { code: 'X1', name: 'X', level: 'COMMUNE', parentId: randomUUID() } },
            admin,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await platform.graphql(CREATE_CENTRE, { input: { code: PROVINCE, name: 'X', level: 'PROVINCE' } }, admin),
        ),
      ).toBe('CONFLICT');
      expect(
        codeOf(
          await platform.graphql(
            CREATE_CENTRE,
            { input: { code: 'X2', name: 'X', level: 'PROVINCE', parentId: centres.commune.id } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(
            CREATE_CENTRE,
            { input: { code: 'X3', name: 'X', level: 'COMMUNE' } },
            officers.province,
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('moves a centre with its subtree, refuses cycles, and tells the other services', async () => {
      const { createCentre: ward } = await platform.ok(
        CREATE_CENTRE,
        {
          input: {
            code: '000.12.35.H57',
            name: 'Bộ phận Một cửa phường Thuận An',
            level: 'COMMUNE',
            parentId: centres.district.id,
          },
        },
        admin,
      );
      const { moveCentre } = await platform.ok(
        MOVE_CENTRE,
        { centreId: ward.id, parentId: centres.province.id },
        admin,
      );
      expect(moveCentre.parent).toEqual({ id: centres.province.id, code: PROVINCE });
      expect(
        codeOf(
          await platform.graphql(MOVE_CENTRE, { centreId: centres.district.id, parentId: centres.commune.id }, admin),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(MOVE_CENTRE, { centreId: centres.district.id, parentId: centres.district.id }, admin),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(MOVE_CENTRE, { centreId: ward.id, parentId: centres.district.id }, officers.province),
        ),
      ).toBe('FORBIDDEN');
      await waitFor(
        async () => {
          const [row] = await platform.services.processing.db.query(
            `SELECT parent_id FROM centre_replica WHERE id = $1`,
            [ward.id],
          );
          return row?.parent_id === centres.province.id;
        },
        { what: 'processing to learn of the move' },
      );
    });
  });

  describe('working calendar', () => {
    it('lists the statutory holidays of a year without a token', async () => {
      const { calendarDays } = await platform.ok(CALENDAR_DAYS, { year: 2026 });
      const dates = calendarDays.map((d: { date: string }) => d.date);
      expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02']));
      expect(calendarDays.every((d: { kind: string }) => d.kind === 'HOLIDAY' || d.kind === 'MAKEUP_WORKDAY')).toBe(
        true,
      );
    });

    it('adds declared days off and make-up days, and ORDINARY removes them or cancels a holiday', async () => {
      await platform.ok(SET_CALENDAR_DAY, { input: { date: '2027-04-26', kind: 'HOLIDAY', name: 'Nghỉ bù' } }, admin);
      await platform.ok(
        SET_CALENDAR_DAY,
        { input: { date: '2027-05-08', kind: 'MAKEUP_WORKDAY', name: 'Làm bù' } },
        admin,
      );
      let days = (await platform.ok(CALENDAR_DAYS, { year: 2027 })).calendarDays;
      expect(days).toEqual(
        expect.arrayContaining([
          { date: '2027-04-26', kind: 'HOLIDAY', name: 'Nghỉ bù' },
          { date: '2027-05-08', kind: 'MAKEUP_WORKDAY', name: 'Làm bù' },
        ]),
      );
      await platform.ok(SET_CALENDAR_DAY, { input: { date: '2027-04-26', kind: 'ORDINARY' } }, admin);
      await platform.ok(
        SET_CALENDAR_DAY,
        { input: { date: '2027-05-01', kind: 'ORDINARY', name: 'Huỷ nghỉ (thử)' } },
        admin,
      );
      days = (await platform.ok(CALENDAR_DAYS, { year: 2027 })).calendarDays;
      const dates = days.map((d: { date: string }) => d.date);
      expect(dates).not.toContain('2027-04-26');
      expect(dates).not.toContain('2027-05-01');
      expect(dates).toContain('2027-05-08');
      await waitFor(
        async () => {
          const rows = await platform.services.processing.db.query(
            `SELECT kind FROM calendar_day_replica WHERE date = '2027-05-01'`,
          );
          return rows[0]?.kind === 'ORDINARY';
        },
        { what: 'processing to learn of the cancelled holiday' },
      );
    });

    it('refuses a day off without a name, a year out of range and non-admins', async () => {
      expect(
        codeOf(await platform.graphql(SET_CALENDAR_DAY, { input: { date: '2027-06-01', kind: 'HOLIDAY' } }, admin)),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await platform.graphql(CALENDAR_DAYS, { year: 1500 }))).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(
            SET_CALENDAR_DAY,
            { input: { date: '2027-06-01', kind: 'HOLIDAY', name: 'x' } },
            officers.province,
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('moves due dates: a declared day off in the processing period pushes the due date a working day later', async () => {
      await platform.ok(
        UPSERT_PROCEDURE,
        {
          input: {
            code: 'CAL',
            name: 'Thủ tục thử lịch',
            sector: 'Thử',
            levels: ['PROVINCE'],
            feeVnd: 0,
            processingTime: { amount: 3, unit: 'WORKING_DAYS' },
          },
        },
        admin,
      );
      const before = await platform.ok(
        SUBMIT,
        {
          input: { procedureCode: 'CAL', centreId: centres.province.id, channel: 'COUNTER', applicant: citizenInput() },
        },
        officers.province,
      );
      const calendar = new WorkingCalendar();
      const receptionDay = calendar.receptionDay(new Date(before.submitDossier.receivedAt));
      const dayOff = calendar.addWorkingDays(receptionDay, 2);
      await platform.ok(SET_CALENDAR_DAY, { input: { date: dayOff, kind: 'HOLIDAY', name: 'Nghỉ đột xuất' } }, admin);
      const after = await platform.ok(
        SUBMIT,
        {
          input: { procedureCode: 'CAL', centreId: centres.province.id, channel: 'COUNTER', applicant: citizenInput() },
        },
        officers.province,
      );
      await platform.ok(SET_CALENDAR_DAY, { input: { date: dayOff, kind: 'ORDINARY' } }, admin);
      if (calendar.receptionDay(new Date(after.submitDossier.receivedAt)) !== receptionDay) return; // crossed 15:00 between the two: nothing to compare
      const withDayOff = new WorkingCalendar({ declared: [{ date: dayOff, kind: 'HOLIDAY', name: 'x' }] });
      expect(before.submitDossier.dueAt).toBe(
        calendar.dueAt(new Date(before.submitDossier.receivedAt), { amount: 3, unit: 'WORKING_DAYS' }).toISOString(),
      );
      expect(after.submitDossier.dueAt).toBe(
        withDayOff.dueAt(new Date(after.submitDossier.receivedAt), { amount: 3, unit: 'WORKING_DAYS' }).toISOString(),
      );
      expect(localDate(new Date(after.submitDossier.dueAt))).toBe(
        withDayOff.nextWorkingDay(localDate(new Date(before.submitDossier.dueAt))),
      );
    });
  });

  describe('procedure catalogue', () => {
    it('versions a procedure: a dossier keeps the version and due date it was received under', async () => {
      const input = {
        code: 'KS',
        name: 'Đăng ký khai sinh',
        sector: 'Hộ tịch',
        levels: ['COMMUNE'],
        feeVnd: 0,
        processingTime: { amount: 1, unit: 'WORKING_DAYS' },
        components: [],
      };
      expect((await platform.ok(UPSERT_PROCEDURE, { input }, admin)).upsertProcedure.version).toBe(1);
      const { submitDossier } = await platform.ok(
        SUBMIT,
        { input: { procedureCode: 'KS', centreId: centres.commune.id, channel: 'COUNTER', applicant: citizenInput() } },
        officers.commune,
      );
      expect(submitDossier.procedure.version).toBe(1);
      expect(
        (
          await platform.ok(
            UPSERT_PROCEDURE,
            { input: { ...input, processingTime: { amount: 5, unit: 'WORKING_DAYS' } } },
            admin,
          )
        ).upsertProcedure.version,
      ).toBe(2);
      const { dossier } = await platform.ok(
        `query($id: ID!) { dossier(id: $id) { dueAt procedure { version processingTime { amount } } } }`,
        { id: submitDossier.id },
        officers.commune,
      );
      expect(dossier).toEqual({ dueAt: submitDossier.dueAt, procedure: { version: 1, processingTime: { amount: 1 } } });
    });

    it("lists the procedures of a centre's level, without a token", async () => {
      const commune = (await platform.ok(PROCEDURES, { centreId: centres.commune.id })).procedures.map(
        (p: { code: string }) => p.code,
      );
      const province = (await platform.ok(PROCEDURES, { centreId: centres.province.id })).procedures.map(
        (p: { code: string }) => p.code,
      );
      expect(commune).toEqual(expect.arrayContaining(['KS', 'LLTP']));
      expect(province).not.toContain('KS');
      const all = (await platform.ok(PROCEDURES, {})).procedures;
      expect(all.find((p: { code: string }) => p.code === 'KS')).toMatchObject({
        version: 2,
        processingTime: { amount: 5, unit: 'WORKING_DAYS' },
      });
      expect(all.find((p: { code: string }) => p.code === 'LLTP').components).toHaveLength(3);
    });

    it('refuses an invalid procedure and non-admins', async () => {
      const bad = {
        code: 'BAD',
        name: '',
        sector: 'x',
        levels: [],
        feeVnd: -5,
        processingTime: { amount: 0, unit: 'WORKING_DAYS' },
      };
      expect(codeOf(await platform.graphql(UPSERT_PROCEDURE, { input: bad }, admin))).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await platform.graphql(
            UPSERT_PROCEDURE,
            {
              input: {
                ...bad,
                name: 'x',
                levels: ['PROVINCE'],
                feeVnd: 0,
                processingTime: { amount: 1, unit: 'WORKING_DAYS' },
              },
            },
            officers.province,
          ),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('applicants', () => {
    it('refuses identity numbers of the wrong shape or check digit', async () => {
      for (const applicant of [
        citizenInput({ identityNumber: '04609000123' }),
        citizenInput({ identityNumber: '099090001234' }),
        { kind: 'ORGANIZATION', identityNumber: '0100233480', fullName: 'Công ty X' },
        { kind: 'ORGANIZATION', identityNumber: CITIZEN, fullName: 'Công ty X' },
      ]) {
        const res = await submit('commune', {
          applicant,
          documents: [
            { componentCode: 'TK', upload: pdf('a') },
            { componentCode: 'CCCD', upload: pdf('b') },
          ],
        });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
      }
    });

    it('accepts an organisation by a branch tax code written with its dash', async () => {
      const res = await platform.ok(
        SUBMIT,
        {
          input: {
            procedureCode: 'CAL',
            centreId: centres.province.id,
            channel: 'COUNTER',
            applicant: {
              kind: 'ORGANIZATION',
              identityNumber: '0314409058-002',
              fullName: 'Chi nhánh Công ty TNHH ABC tại Huế',
            },
          },
        },
        officers.province,
      );
      expect(res.submitDossier.status).toBe('RECEIVED');
      const { applicant } = await platform.ok(APPLICANT, { identityNumber: '0314409058002' }, officers.province);
      expect(applicant).toMatchObject({ kind: 'ORGANIZATION', identityNumber: '0314409058002' });
      // an officer of a centre that does not serve the organisation learns nothing of it (issue 16);
      // an intake officer who types the number has the organisation at its counter, so it does
      const specialist = await platform.token({ role: 'SPECIALIST', centre: DISTRICT });
      expect((await platform.ok(APPLICANT, { identityNumber: '0314409058002' }, specialist)).applicant).toBeNull();
    });

    it('shows records to officers and to the citizen themselves only', async () => {
      const other = await platform.token({ role: 'CITIZEN', identityNumber: OTHER_CITIZEN });
      expect(codeOf(await platform.graphql(APPLICANT, { identityNumber: CITIZEN }, other))).toBe('FORBIDDEN');
      expect(codeOf(await platform.graphql(APPLICANT, { identityNumber: CITIZEN }))).toBe('UNAUTHENTICATED');
      expect((await platform.ok(APPLICANT, { identityNumber: CITIZEN }, citizen)).applicant.identityNumber).toBe(
        CITIZEN,
      );
    });
  });

  describe('reception and digitised records', () => {
    let first: {
      id: string;
      code: string;
      components: Array<{ componentCode: string; record: { id: string; sha256: string } }>;
    };

    it('receives a counter dossier at a commune, digitises each upload and prints a receipt', async () => {
      const res = await submit('commune', {
        documents: [
          { componentCode: 'TK', upload: pdf('to-khai-an'), title: 'Tờ khai của anh An' },
          { componentCode: 'CCCD', upload: pdf('cccd-an'), validUntil: '2035-01-01' },
        ],
        delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
      });
      expect(res.errors).toBeUndefined();
      first = res.data.submitDossier;
      expect(res.data.submitDossier).toMatchObject({
        status: 'RECEIVED',
        nationalStatusCode: 2,
        channel: 'COUNTER',
        receivingCentre: { code: COMMUNE },
      });
      expect(first.code).toMatch(new RegExp(`^${COMMUNE.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
      expect(first.components).toEqual([
        { componentCode: 'TK', reused: false, record: { id: expect.any(String), sha256: sha256('to-khai-an') } },
        { componentCode: 'CCCD', reused: false, record: { id: expect.any(String), sha256: sha256('cccd-an') } },
      ]);
      expect(blobExists(sha256('cccd-an'))).toBe(true);

      const receiptPath = res.data.submitDossier.receiptUrl.replace(/^https?:\/\/[^/]+/, '');
      const printed = await fetch(`${platform.url}${receiptPath}`, {
        headers: { authorization: `Bearer ${officers.commune}` },
      });
      expect(printed.status).toBe(200);
      expect(printed.headers.get('content-type')).toMatch(/application\/pdf/);
      // the browser's view of the same receipt, to read its text
      const receipt = await fetch(`${platform.url}${receiptPath}${receiptPath.includes('?') ? '&' : '?'}format=html`, {
        headers: { authorization: `Bearer ${officers.commune}` },
      });
      expect(receipt.headers.get('content-type')).toMatch(/text\/html/);
      const html = await receipt.text();
      for (const text of [
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        first.code,
        'Nguyễn Văn An',
        'Cấp Phiếu lý lịch tư pháp',
        'Bản chụp Căn cước công dân',
        'Bộ phận Một cửa xã Phú Thượng',
        'Thời gian trả kết quả',
      ]) {
        expect(html).toContain(text);
      }
      const stranger = await platform.token({ role: 'CITIZEN', identityNumber: OTHER_CITIZEN });
      const refused = await fetch(`${platform.url}/intake/receipts/${first.id}`, {
        headers: { authorization: `Bearer ${stranger}` },
      });
      expect(refused.status).toBe(403);
    });

    it('at the district centre, a second dossier of the same citizen reuses the records without any upload', async () => {
      const tk = first.components.find((c) => c.componentCode === 'TK')!.record.id;
      const cccd = first.components.find((c) => c.componentCode === 'CCCD')!.record.id;
      const res = await submit('district', {
        documents: [
          { componentCode: 'TK', reuseRecordId: tk },
          { componentCode: 'CCCD', reuseRecordId: cccd },
        ],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitDossier.components).toEqual([
        { componentCode: 'TK', reused: true, record: { id: tk, sha256: sha256('to-khai-an') } },
        { componentCode: 'CCCD', reused: true, record: { id: cccd, sha256: sha256('cccd-an') } },
      ]);
      const { applicant } = await platform.ok(APPLICANT, { identityNumber: CITIZEN }, officers.district);
      const record = applicant.records.find((r: { id: string }) => r.id === cccd);
      expect(record).toMatchObject({
        documentType: 'CCCD',
        mimeType: 'application/pdf',
        validUntil: '2035-01-01',
        reuseCount: 1,
        // the commune's dossier it came from is not the district's to see (issue 16); the commune's officers see it
        digitisedAt: { id: centres.commune.id, code: COMMUNE },
        sourceDossier: null,
        reuses: [
          {
            officerId: 'officer-district',
            officerName: 'Cán bộ district',
            centre: { code: DISTRICT },
            dossier: { id: res.data.submitDossier.id },
            at: expect.any(String),
          },
        ],
      });
      const atCommune = (
        await platform.ok(APPLICANT, { identityNumber: CITIZEN }, officers.commune)
      ).applicant.records.find((r: { id: string }) => r.id === cccd);
      expect(atCommune).toMatchObject({
        sourceDossier: { id: first.id, code: first.code },
        reuses: [{ dossier: null }],
      });
      expect(applicant.records.find((r: { id: string }) => r.id === tk)).toMatchObject({
        title: 'Tờ khai của anh An',
        reuseCount: 1,
      });
    });

    it("refuses another applicant's record (FORBIDDEN) and an expired or unknown one (BAD_USER_INPUT)", async () => {
      const tk = first.components.find((c) => c.componentCode === 'TK')!.record.id;
      const cccd = first.components.find((c) => c.componentCode === 'CCCD')!.record.id;
      const other = await submit('district', {
        applicant: citizenInput({ identityNumber: OTHER_CITIZEN, fullName: 'Trần Thị Bình' }),
        documents: [
          { componentCode: 'TK', upload: pdf('tk-binh') },
          { componentCode: 'CCCD', reuseRecordId: cccd },
        ],
      });
      expect(codeOf(other)).toBe('FORBIDDEN');
      const unknown = await submit('district', {
        documents: [
          { componentCode: 'TK', reuseRecordId: randomUUID() },
          { componentCode: 'CCCD', reuseRecordId: cccd },
        ],
      });
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      await platform.services.intake.db.query(`UPDATE digital_record SET valid_until = '2020-01-01' WHERE id = $1`, [
        tk,
      ]);
      const expired = await submit('district', {
        documents: [
          { componentCode: 'TK', reuseRecordId: tk },
          { componentCode: 'CCCD', reuseRecordId: cccd },
        ],
      });
      await platform.services.intake.db.query(`UPDATE digital_record SET valid_until = NULL WHERE id = $1`, [tk]);
      expect(codeOf(expired)).toBe('BAD_USER_INPUT');
      expect(expired.errors![0].message).toMatch(/expired/);
      expect(blobExists(sha256('tk-binh'))).toBe(false);
    });

    it('refuses bad documents with clear errors and leaves no row and no blob behind', async () => {
      const rows = await dossierRows();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ documents: [{ componentCode: 'TK', upload: pdf('only-tk') }] }, /Missing component: CCCD/],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk') },
              { componentCode: 'CCCD', upload: { ...pdf('x'), mimeType: 'application/zip' } },
            ],
          },
          /not accepted/,
        ],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk') },
              { componentCode: 'CCCD', upload: { ...pdf('x'), contentBase64: '%%%' } },
            ],
          },
          /not valid base64/,
        ],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk') },
              { componentCode: 'CCCD', upload: { ...pdf('x'), mimeType: 'image/png' } },
            ],
          },
          /not a image\/png file/,
        ],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk') },
              { componentCode: 'CCCD', upload: { ...pdf('y'.repeat(UPLOAD_LIMIT)), fileName: 'large.pdf' } },
            ],
          },
          new RegExp(`limit is ${UPLOAD_LIMIT} bytes`),
        ],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk'), reuseRecordId: randomUUID() },
              { componentCode: 'CCCD', upload: pdf('x') },
            ],
          },
          /either/,
        ],
        [
          {
            documents: [
              { componentCode: 'TK', upload: pdf('only-tk') },
              { componentCode: 'CCCD', upload: pdf('x') },
            ],
            delivery: { method: 'POST' },
          },
          /address/,
        ],
      ];
      for (const [input, message] of cases) {
        const res = await submit('commune', input);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].message).toMatch(message);
      }
      expect(await dossierRows()).toBe(rows);
      expect(blobExists(sha256('only-tk'))).toBe(false);
      const [{ n }] = await platform.services.intake.db.query(
        `SELECT count(*) AS n FROM digital_record WHERE sha256 = $1`,
        [sha256('only-tk')],
      );
      expect(Number(n)).toBe(0);
    });

    it('a retry with the same idempotency key returns the first dossier once, even when retries race and re-encode their upload', async () => {
      const key = randomUUID();
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          submit('commune', {
            idempotencyKey: key,
            documents: [
              { componentCode: 'TK', upload: pdf(`retry-${i}`) },
              { componentCode: 'CCCD', upload: pdf(`retry-cccd-${i}`) },
            ],
          }),
        ),
      );
      for (const a of attempts) expect(a.errors).toBeUndefined();
      const ids = new Set(attempts.map((a) => a.data.submitDossier.id));
      expect(ids.size).toBe(1);
      const kept = attempts[0].data.submitDossier.components.map(
        (c: { record: { sha256: string } }) => c.record.sha256,
      );
      for (let i = 0; i < 6; i++) {
        expect(blobExists(sha256(`retry-${i}`))).toBe(kept.includes(sha256(`retry-${i}`)));
      }
      const [{ n }] = await platform.services.intake.db.query(
        `SELECT count(*) AS n FROM dossier WHERE idempotency_key = $1`,
        [key],
      );
      expect(Number(n)).toBe(1);
      const again = await submit('commune', {
        idempotencyKey: key,
        documents: [
          { componentCode: 'TK', upload: pdf('later') },
          { componentCode: 'CCCD', upload: pdf('later2') },
        ],
      });
      expect(again.data.submitDossier.id).toEqual([...ids][0]);
    });

    it('lets officers receive only in their own centre, and citizens only online for themselves', async () => {
      const docs = [
        { componentCode: 'TK', upload: pdf('a1') },
        { componentCode: 'CCCD', upload: pdf('a2') },
      ];
      expect(codeOf(await submit('province', { documents: docs }, officers.commune))).toBe('FORBIDDEN');
      expect(codeOf(await submit('commune', { documents: docs }, citizen))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await submit(
            'commune',
            { channel: 'ONLINE', applicant: citizenInput({ identityNumber: OTHER_CITIZEN }), documents: docs },
            citizen,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(codeOf(await submit('commune', { procedureCode: 'NOPE', documents: docs }))).toBe('NOT_FOUND');
      expect(codeOf(await submit('commune', { documents: docs }, ''))).toBe('UNAUTHENTICATED');
    });
  });

  describe('online dossiers', () => {
    let online: { id: string; code: string };

    it('an online dossier waits as NEW until an intake officer accepts it', async () => {
      const res = await submit(
        'commune',
        {
          channel: 'ONLINE',
          delivery: { method: 'ONLINE' },
          documents: [
            { componentCode: 'TK', upload: pdf('online-tk') },
            { componentCode: 'CCCD', upload: pdf('online-cccd') },
          ],
        },
        citizen,
      );
      expect(res.errors).toBeUndefined();
      online = res.data.submitDossier;
      expect(res.data.submitDossier).toMatchObject({
        status: 'NEW',
        nationalStatusCode: 1,
        receivedAt: null,
        dueAt: null,
        receiptUrl: null,
      });
      expect(codeOf(await platform.graphql(ACCEPT, { id: online.id }, citizen))).toBe('FORBIDDEN');
      expect(codeOf(await platform.graphql(ACCEPT, { id: online.id }, officers.district))).toBe('FORBIDDEN');
      const { acceptDossier } = await platform.ok(ACCEPT, { id: online.id }, officers.commune);
      expect(acceptDossier).toMatchObject({
        status: 'RECEIVED',
        nationalStatusCode: 2,
        receivedAt: expect.any(String),
        dueAt: expect.any(String),
        receiptUrl: expect.stringContaining(online.id),
      });
      expect(codeOf(await platform.graphql(ACCEPT, { id: online.id }, officers.commune))).toBe('CONFLICT');
    });

    it("citizens list their own dossiers and no one else's", async () => {
      const { myDossiers } = await platform.ok(`{ myDossiers { id code applicant { identityNumber } } }`, {}, citizen);
      expect(myDossiers.map((d: { id: string }) => d.id)).toContain(online.id);
      expect(
        myDossiers.every((d: { applicant: { identityNumber: string } }) => d.applicant.identityNumber === CITIZEN),
      ).toBe(true);
      const other = await platform.token({ role: 'CITIZEN', identityNumber: OTHER_CITIZEN });
      expect(
        codeOf(await platform.graphql(`query($id: ID!) { dossier(id: $id) { code } }`, { id: online.id }, other)),
      ).toBe('FORBIDDEN');
      expect(
        (await platform.ok(`query($id: ID!) { dossier(id: $id) { code } }`, { id: online.id }, citizen)).dossier.code,
      ).toBe(online.code);
    });

    it('tracks a dossier publicly with a verifier, answering the same for a wrong verifier as for an unknown code', async () => {
      const { trackDossier } = await platform.ok(TRACK, { code: online.code, verifier: CITIZEN.slice(-4) });
      expect(trackDossier).toEqual({
        id: online.id,
        code: online.code,
        procedureName: 'Cấp Phiếu lý lịch tư pháp',
        receivedAt: expect.any(String),
      });
      expect((await platform.ok(TRACK, { code: online.code, verifier: '+84 912 345 678' })).trackDossier.code).toBe(
        online.code,
      );
      const wrong = await platform.graphql(TRACK, { code: online.code, verifier: '9999' });
      const unknown = await platform.graphql(TRACK, { code: 'H57-000000-0001', verifier: '1234' });
      expect(wrong).toEqual(unknown);
      expect(wrong.data).toEqual({ trackDossier: null });
      const text = JSON.stringify(trackDossier);
      expect(text).not.toContain('Nguyễn');
      expect(text).not.toContain(CITIZEN);
    });
  });

  describe('supplementation and results', () => {
    const event = (type: string, payload: Record<string, unknown>) => ({
      data: {
        id: randomUUID(),
        type,
        version: 1,
        sequence: 1,
        source: 'processing',
        aggregateId: String(payload.dossierId),
        occurredAt: new Date().toISOString(),
        correlationId: null,
        payload,
      },
    });
    let dossier: { id: string; code: string };

    beforeAll(async () => {
      dossier = (
        await platform.ok(
          SUBMIT,
          {
            input: {
              procedureCode: 'LLTP',
              centreId: centres.province.id,
              channel: 'COUNTER',
              applicant: citizenInput(),
              documents: [
                { componentCode: 'TK', upload: pdf('sup-tk') },
                { componentCode: 'CCCD', upload: pdf('sup-cccd') },
              ],
            },
          },
          officers.province,
        )
      ).submitDossier;
    });

    it('answers CONFLICT while no supplementation was requested', async () => {
      const res = await platform.graphql(
        SUBMIT_SUPPLEMENT,
        { dossierId: dossier.id, documents: [{ componentCode: 'UQ', upload: pdf('uq') }] },
        officers.province,
      );
      expect(codeOf(res)).toBe('CONFLICT');
    });

    it('takes the requested components and resumes the clock with the working time that was left', async () => {
      // processing's request (4 → 5), as its DossierStatusChanged event reaches intake
      await platform.services.intake.consumer!.apply(
        event('DossierStatusChanged', {
          dossierId: dossier.id,
          code: dossier.code,
          action: 'SUPPLEMENT_REQUESTED',
          status: 'SUPPLEMENT_REQUESTED',
          nationalStatusCode: 5,
          at: new Date().toISOString(),
          dueAt: null,
          resolvedAt: null,
          processingCentreId: centres.province.id,
          remainingWorkingMinutes: 900,
          reason: 'Thiếu văn bản ủy quyền',
          componentCodes: ['UQ'],
          actor: null,
        }) as never,
      );
      const missing = await platform.graphql(
        SUBMIT_SUPPLEMENT,
        { dossierId: dossier.id, documents: [{ componentCode: 'TK', upload: pdf('tk2') }] },
        citizen,
      );
      expect(codeOf(missing)).toBe('BAD_USER_INPUT');
      expect(missing.errors![0].message).toMatch(/UQ/);
      const calendar = new WorkingCalendar();
      const from = calendar.resume(new Date(), 900);
      const { submitSupplement } = await platform.ok(
        SUBMIT_SUPPLEMENT,
        { dossierId: dossier.id, documents: [{ componentCode: 'UQ', upload: pdf('uq-an') }] },
        citizen,
      );
      const to = calendar.resume(new Date(), 900);
      expect(submitSupplement).toMatchObject({ status: 'PROCESSING', nationalStatusCode: 4 });
      expect(new Date(submitSupplement.dueAt).getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(new Date(submitSupplement.dueAt).getTime()).toBeLessThanOrEqual(to.getTime());
      const { dossier: seen } = await platform.ok(
        `query($id: ID!) { dossier(id: $id) { components { componentCode reused supplement record { sha256 } } } }`,
        { id: dossier.id },
        officers.province,
      );
      expect(seen.components).toContainEqual({
        componentCode: 'UQ',
        reused: false,
        supplement: true,
        record: { sha256: sha256('uq-an') },
      });
      expect(
        codeOf(
          await platform.graphql(
            SUBMIT_SUPPLEMENT,
            { dossierId: dossier.id, documents: [{ componentCode: 'UQ', upload: pdf('uq-2') }] },
            citizen,
          ),
        ),
      ).toBe('CONFLICT');
    });

    it('an older status event that arrives late does not undo the supplementation', async () => {
      await platform.services.intake.consumer!.apply(
        event('DossierStatusChanged', {
          dossierId: dossier.id,
          code: dossier.code,
          action: 'SUPPLEMENT_REQUESTED',
          status: 'SUPPLEMENT_REQUESTED',
          nationalStatusCode: 5,
          at: new Date(Date.now() - 60_000).toISOString(),
          dueAt: null,
          resolvedAt: null,
          processingCentreId: centres.province.id,
          remainingWorkingMinutes: 900,
          reason: 'x',
          componentCodes: ['UQ'],
          actor: null,
        }) as never,
      );
      const [row] = await platform.services.intake.db.query(`SELECT status FROM dossier WHERE id = $1`, [dossier.id]);
      expect(row.status).toBe('PROCESSING');
    });

    it('folds a run of status changes, late ones and a return among them, into the replica the same events one by one give', async () => {
      const receive = async (n: string) =>
        (
          await platform.ok(
            SUBMIT,
            {
              input: {
                procedureCode: 'LLTP',
                centreId: centres.province.id,
                channel: 'COUNTER',
                applicant: citizenInput(),
                documents: [
                  { componentCode: 'TK', upload: pdf(`fold-tk-${n}`) },
                  { componentCode: 'CCCD', upload: pdf(`fold-cccd-${n}`) },
                ],
              },
            },
            officers.province,
          )
        ).submitDossier;
      const [single, inRun] = [await receive('a'), await receive('b')];
      const base = Date.now() + 3_600_000;
      const t = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
      const status = (id: string, code: number, name: string, at: string, dueAt: string | null, supplement = false) =>
        event('DossierStatusChanged', {
          dossierId: id,
          code: 'x',
          action: name,
          status: name,
          nationalStatusCode: code,
          at,
          dueAt,
          resolvedAt: null,
          processingCentreId: centres.province.id,
          remainingWorkingMinutes: supplement ? 600 : null,
          reason: null,
          ...(supplement ? { componentCodes: ['UQ'] } : {}),
          actor: null,
        });
      const returned = (id: string, at: string) =>
        event('ResultReturned', { dossierId: id, method: 'COUNTER', returnedAt: at, actor: null });
      const replica = async (id: string) =>
        (
          await platform.services.intake.db.query(
            `SELECT status, national_status_code, status_at, due_at, processing_centre_id, remaining_working_minutes, requested_component_codes FROM dossier WHERE id = $1`,
            [id],
          )
        )[0];
      const both = async (events: (id: string) => Array<ReturnType<typeof event>>) => {
        for (const e of events(single.id)) await platform.services.intake.consumer!.apply(e as never);
        await platform.services.intake.consumer!.applyRun(events(inRun.id).map((e) => e.data) as never);
        expect(await replica(inRun.id)).toEqual(await replica(single.id));
        return replica(inRun.id);
      };
      // processing, a supplementation, a late change that must not apply, the resumption, the return, a late resolution
      expect(
        await both((id) => [
          status(id, 4, 'PROCESSING', t(1), t(100)),
          status(id, 5, 'SUPPLEMENT_REQUESTED', t(3), null, true),
          status(id, 4, 'PROCESSING', t(2), t(200)),
          status(id, 4, 'PROCESSING', t(4), t(300)),
          returned(id, t(5)),
          status(id, 9, 'RESOLVED', t(4.5), t(300)),
        ]),
      ).toEqual({
        status: 'RETURNED',
        national_status_code: 10,
        status_at: new Date(t(5)),
        due_at: new Date(t(300)),
        processing_centre_id: centres.province.id,
        remaining_working_minutes: null,
        requested_component_codes: null,
      });
      // the row is newer than the run's status change but older than its return: the return applies, the change's due date does not
      for (const id of [single.id, inRun.id])
        await platform.services.intake.consumer!.apply(status(id, 4, 'PROCESSING', t(10), t(400)) as never);
      expect(await both((id) => [status(id, 4, 'PROCESSING', t(9), t(500)), returned(id, t(11))])).toMatchObject({
        status: 'RETURNED',
        status_at: new Date(t(11)),
        due_at: new Date(t(400)),
      });
    });

    it('a result that processing issues becomes a record of the applicant, reusable in the next dossier', async () => {
      const recordId = randomUUID();
      await platform.services.intake.consumer!.apply(
        event('DossierDecided', {
          dossierId: dossier.id,
          code: dossier.code,
          decision: 'APPROVED',
          reason: null,
          resolvedAt: new Date().toISOString(),
          dueAt: new Date().toISOString(),
          processingCentreId: centres.province.id,
          actor: { id: 'leader', name: 'Lãnh đạo', role: 'LEADER' },
          result: {
            recordId,
            documentType: 'PHIEU_LLTP',
            title: 'Phiếu lý lịch tư pháp số 1',
            sha256: sha256('phieu'),
            sizeBytes: 14,
            mimeType: 'application/pdf',
            validUntil: '2026-12-31',
          },
        }) as never,
      );
      const { applicant } = await platform.ok(APPLICANT, { identityNumber: CITIZEN }, citizen);
      expect(applicant.records).toContainEqual(
        expect.objectContaining({
          id: recordId,
          documentType: 'PHIEU_LLTP',
          sha256: sha256('phieu'),
          sourceDossier: { id: dossier.id, code: dossier.code },
          digitisedAt: { id: centres.province.id, code: PROVINCE },
        }),
      );
    });
  });

  it("runs the contract's own documents for Procedures, Applicant, SubmitDossier and TrackDossier across the supergraph", async () => {
    const contract = {
      Procedures: `query Procedures($centreId: ID) {
        procedures(centreId: $centreId) {
          id code name sector levels feeVnd version
          processingTime { amount unit }
          components { code name required documentType }
          workflow { steps { code name role durationHours } }
        }
      }`,
      Applicant: `query Applicant($identityNumber: String!) {
        applicant(identityNumber: $identityNumber) {
          id kind identityNumber fullName
          records {
            id documentType title sha256 sizeBytes mimeType validUntil reuseCount
            digitisedAt { id code }
            sourceDossier { id code }
          }
        }
      }`,
      SubmitDossier: `mutation SubmitDossier($input: SubmitDossierInput!) {
        submitDossier(input: $input) {
          id code status nationalStatusCode channel receivedAt dueAt
          receivingCentre { id code }
          components { componentCode reused record { id sha256 } }
        }
      }`,
      TrackDossier: `query TrackDossier($code: String!, $verifier: String!) {
        trackDossier(code: $code, verifier: $verifier) {
          code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus
        }
      }`,
    };
    const { procedures } = await platform.ok(contract.Procedures, { centreId: centres.commune.id });
    expect(procedures.map((p: { code: string }) => p.code)).toContain('LLTP');
    const { submitDossier } = await platform.ok(
      contract.SubmitDossier,
      {
        input: {
          procedureCode: 'LLTP',
          centreId: centres.commune.id,
          channel: 'POST',
          applicant: citizenInput(),
          documents: [
            { componentCode: 'TK', upload: pdf('contract-tk') },
            { componentCode: 'CCCD', upload: pdf('contract-cccd') },
          ],
          delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
          idempotencyKey: randomUUID(),
        },
      },
      officers.commune,
    );
    expect(submitDossier).toMatchObject({ status: 'RECEIVED', nationalStatusCode: 2, channel: 'POST' });
    const { applicant } = await platform.ok(contract.Applicant, { identityNumber: CITIZEN }, officers.commune);
    expect(applicant.records.map((r: { sha256: string }) => r.sha256)).toContain(sha256('contract-cccd'));
    const { trackDossier } = await platform.ok(contract.TrackDossier, { code: submitDossier.code, verifier: '1234' });
    expect(trackDossier).toMatchObject({
      code: submitDossier.code,
      procedureName: 'Cấp Phiếu lý lịch tư pháp',
      receivedAt: submitDossier.receivedAt,
    });
  });

  it('200 concurrent receptions at one centre yield 200 distinct, consecutive codes', async () => {
    await platform.ok(
      UPSERT_PROCEDURE,
      {
        input: {
          code: 'BUSY',
          name: 'Chứng thực bản sao',
          sector: 'Chứng thực',
          levels: ['COMMUNE'],
          feeVnd: 2000,
          processingTime: { amount: 1, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    const { createCentre: busy } = await platform.ok(
      CREATE_CENTRE,
      {
        input: {
          code: '000.12.99.H57',
          name: 'Bộ phận Một cửa phường Vỹ Dạ',
          level: 'COMMUNE',
          parentId: centres.province.id,
        },
      },
      admin,
    );
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: '000.12.99.H57' });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        platform.graphql(
          SUBMIT,
          {
            input: {
              procedureCode: 'BUSY',
              centreId: busy.id,
              channel: 'COUNTER',
              applicant: citizenInput(),
            },
          },
          officer,
        ),
      ),
    );
    const failed = results.filter((r) => r.errors);
    expect(failed.map((r) => JSON.stringify(r.errors).slice(0, 600)).slice(0, 3)).toEqual([]);
    const codes = results.map((r) => r.data.submitDossier.code as string);
    expect(new Set(codes).size).toBe(200);
    const byDay = new Map<string, number[]>();
    for (const code of codes) {
      const [, day, seq] = /-(\d{6})-(\d+)$/.exec(code)!;
      byDay.set(day, [...(byDay.get(day) ?? []), Number(seq)]);
    }
    for (const seqs of byDay.values()) {
      seqs.sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
  });
});
