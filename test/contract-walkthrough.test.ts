import { TestPlatform, waitFor } from '@onestop/test-kit';

/**
 * A province's day, told through the contract: every operation of contract/portal.graphql,
 * run exactly as written there, by the role that runs it in a centre, checking what that person
 * would see. Detailed rules are tested in each service; this is how the parts meet.
 */

const pdf = (text: string) => ({
  fileName: `${text}.pdf`,
  mimeType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64'),
});
const CITIZEN = {
  kind: 'CITIZEN',
  identityNumber: '046090001234',
  fullName: 'Nguyễn Văn An',
  phone: '0905123456',
  email: 'an@example.vn',
  address: '12 Lê Lợi, Huế',
};

describe('the contract, walked through by a province', () => {
  let platform: TestPlatform;
  const t: Record<string, string> = {};
  const centre: Record<'province' | 'district' | 'commune', { id: string; code: string }> = {} as never;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    t.admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
  });
  afterAll(() => platform?.stop());

  /** The dossier's canonical status once processing has applied what happened. */
  const statusOf = async (id: string) =>
    (await platform.contractOk('Dossier', { id }, t.admin)).dossier as Record<string, any>;
  const settle = (id: string, status: string) =>
    waitFor(async () => ((await statusOf(id)).status === status ? statusOf(id) : null), {
      what: `dossier ${id} to be ${status}`,
    });

  it('an administrator sets up the centres, the calendar, a procedure and its workflow', async () => {
    const create = (input: object) =>
      platform.contractOk('CreateCentre', { input }, t.admin).then((d) => d.createCentre);
    centre.province = await create({ code: 'H57', name: 'Trung tâm PVHCC tỉnh', level: 'PROVINCE', parentId: null });
    centre.district = await create({
      code: '000.13.H57',
      name: 'Bộ phận Một cửa thành phố',
      level: 'DISTRICT',
      parentId: centre.province.id,
    });
    const commune = await create({
      code: '000.13.01.H57',
      name: 'Bộ phận Một cửa phường Phú Hội',
      level: 'COMMUNE',
      parentId: centre.district.id,
    });
    centre.commune = commune;
    expect(commune).toMatchObject({ level: 'COMMUNE', parent: { id: centre.district.id } });

    const { centres } = await platform.contractOk('Centres');
    expect(centres.find((c: any) => c.code === commune.code).parent.code).toBe('000.13.H57');

    const { setCalendarDay } = await platform.contractOk(
      'SetCalendarDay',
      { input: { date: '2027-04-29', kind: 'HOLIDAY', name: 'Nghỉ bù (declared)' } },
      t.admin,
    );
    expect(setCalendarDay).toEqual({ date: '2027-04-29', kind: 'HOLIDAY', name: 'Nghỉ bù (declared)' });
    const { calendarDays } = await platform.contractOk('CalendarDays', { year: 2027 });
    const dates = calendarDays.map((d: any) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-02-06', '2027-04-29', '2027-04-30', '2027-05-01']));

    const procedure = {
      code: 'LLTP-01',
      name: 'Cấp Phiếu lý lịch tư pháp',
      sector: 'Tư pháp',
      levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
      feeVnd: 200000,
      processingTime: { amount: 10, unit: 'WORKING_DAYS' },
      components: [
        { code: 'TK', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true, documentType: 'TK_LLTP' },
        { code: 'CCCD', name: 'Căn cước công dân', required: true, documentType: 'CCCD' },
      ],
    };
    const { upsertProcedure } = await platform.contractOk('UpsertProcedure', { input: procedure }, t.admin);
    expect(upsertProcedure).toMatchObject({ code: 'LLTP-01', version: 1 });
    await platform.contractOk(
      'UpsertProcedure',
      {
        input: {
          ...procedure,
          processingTime: { amount: 2, unit: 'WORKING_HOURS' },
          components: [],
          code: 'GH-01',
          name: 'Xác nhận gấp',
        },
      },
      t.admin,
    );

    const steps = [
      { code: 'RECEIVE', name: 'Tiếp nhận, chuyển hồ sơ', role: 'INTAKE_OFFICER', durationHours: 4 },
      { code: 'REVIEW', name: 'Thẩm định', role: 'SPECIALIST', durationHours: 16 },
      { code: 'DECIDE', name: 'Phê duyệt', role: 'LEADER', durationHours: 8 },
    ];
    const { defineWorkflow } = await platform.contractOk(
      'DefineWorkflow',
      { input: { procedureCode: 'LLTP-01', steps } },
      t.admin,
    );
    expect(defineWorkflow.steps.map((s: any) => s.code)).toEqual(['RECEIVE', 'REVIEW', 'DECIDE']);

    const { procedures } = await platform.contractOk('Procedures', { centreId: centre.commune.id });
    const offered = procedures.find((p: any) => p.code === 'LLTP-01');
    expect(offered).toMatchObject({ processingTime: { amount: 10, unit: 'WORKING_DAYS' }, feeVnd: 200000 });
    expect(offered.components.map((c: any) => c.code)).toEqual(['TK', 'CCCD']);
    expect(offered.workflow.steps.map((s: any) => s.role)).toEqual(['INTAKE_OFFICER', 'SPECIALIST', 'LEADER']);

    t.communeIntake = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.commune.code });
    t.communeSpecialist = await platform.token({ role: 'SPECIALIST', centre: centre.commune.code });
    t.districtSpecialist = await platform.token({ role: 'SPECIALIST', centre: centre.district.code });
    t.districtLeader = await platform.token({ role: 'LEADER', centre: centre.district.code });
    t.communeLeader = await platform.token({ role: 'LEADER', centre: centre.commune.code });
    t.citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN.identityNumber });
    t.observer = await platform.token({ role: 'OBSERVER', centre: centre.province.code });
  });

  let first: Record<string, any>;

  it('a commune counter receives a dossier, digitises it, and the citizen can track it', async () => {
    const { submitDossier } = await platform.contractOk(
      'SubmitDossier',
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId: centre.commune.id,
          channel: 'COUNTER',
          applicant: CITIZEN,
          documents: [
            { componentCode: 'TK', upload: pdf('to-khai'), title: 'Tờ khai' },
            { componentCode: 'CCCD', upload: pdf('cccd'), title: 'CCCD' },
          ],
          delivery: { method: 'POST', address: CITIZEN.address },
          idempotencyKey: 'walkthrough-1',
        },
      },
      t.communeIntake,
    );
    first = submitDossier;
    expect(submitDossier).toMatchObject({
      status: 'RECEIVED',
      nationalStatusCode: 2,
      channel: 'COUNTER',
      receivingCentre: { code: centre.commune.code },
    });
    expect(submitDossier.code).toMatch(/^000\.13\.01\.H57-\d{6}-0001$/);
    expect(submitDossier.components.map((c: any) => [c.componentCode, c.reused])).toEqual([
      ['TK', false],
      ['CCCD', false],
    ]);

    const { applicant } = await platform.contractOk(
      'Applicant',
      { identityNumber: CITIZEN.identityNumber },
      t.communeIntake,
    );
    expect(applicant.records).toHaveLength(2);
    expect(applicant.records[0]).toMatchObject({
      digitisedAt: { code: centre.commune.code },
      sourceDossier: { code: first.code },
      reuseCount: 0,
    });

    const tracked = await platform.contractOk('TrackDossier', { code: first.code, verifier: '1234' });
    expect(tracked.trackDossier).toMatchObject({ code: first.code, procedureName: 'Cấp Phiếu lý lịch tư pháp' });
    expect((await platform.contractOk('TrackDossier', { code: first.code, verifier: '9999' })).trackDossier).toBeNull();
  });

  it('the departments process it: handover, transfer to the district, supplementation, review, decision', async () => {
    await settle(first.id, 'RECEIVED');
    const { inbox } = await platform.contractOk('Inbox', { centreId: centre.commune.id }, t.communeIntake);
    expect(inbox.find((d: any) => d.id === first.id).currentStep).toMatchObject({
      code: 'RECEIVE',
      role: 'INTAKE_OFFICER',
    });

    const { completeStep } = await platform.contractOk(
      'CompleteStep',
      { dossierId: first.id, note: 'Đủ thành phần' },
      t.communeIntake,
    );
    expect(completeStep).toMatchObject({
      status: 'PROCESSING',
      nationalStatusCode: 4,
      currentStep: { code: 'REVIEW', role: 'SPECIALIST' },
    });

    const { transferDossier } = await platform.contractOk(
      'TransferDossier',
      { dossierId: first.id, toCentreId: centre.district.id, reason: 'Thuộc thẩm quyền cấp huyện' },
      t.communeSpecialist,
    );
    expect(transferDossier.processingCentre.code).toBe(centre.district.code);

    const { requestSupplement } = await platform.contractOk(
      'RequestSupplement',
      { dossierId: first.id, reason: 'Ảnh CCCD mờ', componentCodes: ['CCCD'] },
      t.districtSpecialist,
    );
    expect(requestSupplement).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', nationalStatusCode: 5 });

    // The citizen brings a clearer copy once intake has learnt of the request.
    const supplemented = await waitFor(
      async () => {
        const res = await platform.contract(
          'SubmitSupplement',
          { dossierId: first.id, documents: [{ componentCode: 'CCCD', upload: pdf('cccd-ro') }] },
          t.citizen,
        );
        return res.errors?.[0]?.extensions?.code === 'CONFLICT' ? null : res;
      },
      { what: 'intake to accept the supplement' },
    );
    expect(supplemented.errors).toBeUndefined();
    expect(supplemented.data.submitSupplement).toMatchObject({ status: 'PROCESSING', nationalStatusCode: 4 });
    expect(supplemented.data.submitSupplement.dueAt).toBeTruthy();

    await settle(first.id, 'PROCESSING');
    await waitFor(
      async () => {
        const res = await platform.contract(
          'CompleteStep',
          { dossierId: first.id, note: 'Hồ sơ hợp lệ' },
          t.districtSpecialist,
        );
        return res.errors ? null : res.data.completeStep;
      },
      { what: 'processing to resume the dossier' },
    );

    const { decideDossier } = await platform.contractOk(
      'DecideDossier',
      {
        input: {
          dossierId: first.id,
          decision: 'APPROVED',
          reason: null,
          result: {
            documentType: 'PHIEU_LLTP',
            title: 'Phiếu lý lịch tư pháp số 1',
            validUntil: null,
            upload: pdf('phieu-lltp'),
          },
        },
      },
      t.districtLeader,
    );
    expect(decideDossier).toMatchObject({
      status: 'RESOLVED',
      nationalStatusCode: 9,
      result: { documentType: 'PHIEU_LLTP' },
    });
    expect(decideDossier.resolvedAt).toBeTruthy();
  });

  it('the result goes by express post, and the citizen rates the service', async () => {
    const tracking = await waitFor(async () => (await statusOf(first.id)).delivery?.trackingNumber, {
      what: 'the courier booking',
    });
    await platform.contractOk(
      'RecordPostalEvent',
      { trackingNumber: tracking, event: { status: 'IN_TRANSIT', at: new Date().toISOString(), note: 'Bưu cục Huế' } },
      platform.courierCredential,
    );
    const { recordPostalEvent } = await platform.contractOk(
      'RecordPostalEvent',
      { trackingNumber: tracking, event: { status: 'DELIVERED', at: new Date().toISOString(), note: null } },
      platform.courierCredential,
    );
    expect(recordPostalEvent).toEqual({ method: 'POST', status: 'DELIVERED', trackingNumber: tracking });

    const dossier = await settle(first.id, 'RETURNED');
    const { rateService } = await platform.contractOk(
      'RateService',
      { dossierId: first.id, rating: { overall: 'VERY_SATISFIED', comment: 'Nhanh, không phải đi lại' } },
      t.citizen,
    );
    expect(rateService).toEqual({ dossierId: first.id, overall: 'VERY_SATISFIED' });

    expect(dossier).toMatchObject({
      code: first.code,
      nationalStatusCode: 10,
      channel: 'COUNTER',
      procedure: { code: 'LLTP-01' },
      receivingCentre: { code: centre.commune.code },
      processingCentre: { code: centre.district.code },
      delivery: { method: 'POST', status: 'DELIVERED', trackingNumber: tracking },
      outcome: 'EARLY',
    });
    expect(dossier.history.map((h: any) => h.action)).toEqual(
      expect.arrayContaining(['TRANSFER', 'REQUEST_SUPPLEMENT', 'DECIDE']),
    );
    expect(dossier.delivery.notifications.length).toBeGreaterThan(0);
  });

  it("a second dossier is picked up at the counter, with the citizen's papers reused instead of uploaded", async () => {
    const { applicant } = await platform.contractOk(
      'Applicant',
      { identityNumber: CITIZEN.identityNumber },
      t.communeIntake,
    );
    const reuse = (type: string) => applicant.records.filter((r: any) => r.documentType === type).at(-1).id;
    const { submitDossier } = await platform.contractOk(
      'SubmitDossier',
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId: centre.commune.id,
          channel: 'COUNTER',
          applicant: CITIZEN,
          documents: [
            { componentCode: 'TK', reuseRecordId: reuse('TK_LLTP') },
            { componentCode: 'CCCD', reuseRecordId: reuse('CCCD') },
          ],
          delivery: { method: 'COUNTER' },
        },
      },
      t.communeIntake,
    );
    expect(submitDossier.components.every((c: any) => c.reused)).toBe(true);
    await settle(submitDossier.id, 'RECEIVED');
    await platform.contractOk('CompleteStep', { dossierId: submitDossier.id, note: null }, t.communeIntake);
    await platform.contractOk('CompleteStep', { dossierId: submitDossier.id, note: null }, t.communeSpecialist);
    await platform.contractOk(
      'DecideDossier',
      { input: { dossierId: submitDossier.id, decision: 'REJECTED', reason: 'Không đủ điều kiện', result: null } },
      t.communeLeader,
    );

    const picked = await waitFor(
      async () => {
        const res = await platform.contract('ConfirmPickup', { dossierId: submitDossier.id }, t.communeIntake);
        return res.errors ? null : res.data.confirmPickup;
      },
      { what: 'the result to wait at the counter' },
    );
    expect(picked).toMatchObject({ status: 'RETURNED', nationalStatusCode: 10, delivery: { method: 'COUNTER' } });
  });

  it('an online dossier is refused at reception, and a late one gets an apology before the citizen withdraws it', async () => {
    const online = (
      await platform.contractOk(
        'SubmitDossier',
        {
          input: {
            procedureCode: 'LLTP-01',
            centreId: centre.commune.id,
            channel: 'ONLINE',
            applicant: CITIZEN,
            documents: [
              { componentCode: 'TK', upload: pdf('tk-online') },
              { componentCode: 'CCCD', upload: pdf('cccd-online') },
            ],
            delivery: { method: 'ONLINE' },
          },
        },
        t.citizen,
      )
    ).submitDossier;
    expect(online).toMatchObject({ status: 'NEW', nationalStatusCode: 1 });
    await settle(online.id, 'NEW');
    const { refuseDossier } = await platform.contractOk(
      'RefuseDossier',
      { dossierId: online.id, reason: 'Không thuộc thẩm quyền' },
      t.communeIntake,
    );
    expect(refuseDossier).toMatchObject({ status: 'NOT_ACCEPTED', nationalStatusCode: 3 });

    // Two working hours: by the end of today it is due, so the centre may apologise and set a new appointment.
    const urgent = (
      await platform.contractOk(
        'SubmitDossier',
        {
          input: {
            procedureCode: 'GH-01',
            centreId: centre.commune.id,
            channel: 'COUNTER',
            applicant: CITIZEN,
            documents: [],
            delivery: { method: 'COUNTER' },
          },
        },
        t.communeIntake,
      )
    ).submitDossier;
    await settle(urgent.id, 'RECEIVED');
    const newDueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const { issueApology } = await platform.contractOk(
      'IssueApology',
      { dossierId: urgent.id, reason: 'Cần xác minh thêm', newDueAt },
      t.communeLeader,
    );
    expect(issueApology.dueAt).toBe(newDueAt);
    expect(issueApology.apologies).toEqual([expect.objectContaining({ reason: 'Cần xác minh thêm', newDueAt })]);

    const { withdrawDossier } = await platform.contractOk(
      'WithdrawDossier',
      { dossierId: urgent.id, reason: 'Không còn nhu cầu' },
      t.citizen,
    );
    expect(withdrawDossier).toMatchObject({ status: 'WITHDRAWN', nationalStatusCode: 7 });
  });

  it('the province statistician reads the II.06a report for this week', async () => {
    // A week around today: a dossier received after 15:00 or on a day off counts from the next working day.
    const localDay = (offsetDays: number) =>
      new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [localDay(-1), localDay(7)];
    const report = await waitFor(
      async () => {
        const { report } = await platform.contractOk(
          'Report',
          { input: { from, to, centreId: centre.province.id, includeDescendants: true, groupBy: 'CENTRE' } },
          t.observer,
        );
        return report.total.resolved === 2 ? report : null;
      },
      { what: 'statistics to count both decisions' },
    );
    // Received: three at the counter (the refused online one was never received); resolved: both decided, early.
    expect(report.total).toMatchObject({
      received: 3,
      resolved: 2,
      resolvedEarly: 2,
      resolvedOnTime: 0,
      resolvedLate: 0,
      onTimeRate: 1,
    });
    // A row per centre one level down: the district, counting its commune's dossiers.
    expect(report.rows.map((r: any) => r.key)).toEqual([centre.district.code]);
    expect(report.rows[0]).toMatchObject({ received: 3, receivedOffline: 3, receivedOnline: 0, resolved: 2 });
    // The statistician drills into the district: the commune received them.
    const { report: district } = await platform.contractOk(
      'Report',
      { input: { from, to, centreId: centre.district.id, includeDescendants: true, groupBy: 'CENTRE' } },
      t.observer,
    );
    expect(district.rows).toEqual([expect.objectContaining({ key: centre.commune.code, received: 3, resolved: 2 })]);
  });
});
