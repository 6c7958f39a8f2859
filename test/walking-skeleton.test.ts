import { TestPlatform, waitFor } from '@onestop/test-kit';

describe.each(['redis', 'postgres'] as const)('walking skeleton on the %s queue backend', (backend) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    // Each service as its own database role, as `npm start` runs it (README "Database roles").
    platform = await TestPlatform.start({ backend, roles: true });
  });
  afterAll(() => platform?.stop());

  it('a dossier received at intake is known to processing, delivery and statistics, and one query shows all four', async () => {
    const admin = await platform.token({ role: 'ADMIN', centre: 'H57' });
    const { createCentre: centre } = await platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code } }`,
      { input: { code: 'H57', name: 'Trung tâm PVHCC tỉnh', level: 'PROVINCE' } },
      admin,
    );
    await platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`,
      {
        input: {
          code: 'LLTP-01',
          name: 'Cấp Phiếu lý lịch tư pháp',
          sector: 'Tư pháp',
          levels: ['PROVINCE'],
          feeVnd: 200000,
          processingTime: { amount: 10, unit: 'WORKING_DAYS' },
        },
      },
      admin,
    );
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'H57' });
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code status nationalStatusCode dueAt } }`,
      {
        input: {
          procedureCode: 'LLTP-01',
          centreId: centre.id,
          channel: 'COUNTER',
          applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An' },
          delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
        },
      },
      officer,
    );
    expect(submitDossier.code).toMatch(/^H57-\d{6}-0001$/);
    expect(submitDossier).toMatchObject({ status: 'RECEIVED', nationalStatusCode: 2 });

    const query = `query($id: ID!) { dossier(id: $id) { code status nationalStatusCode dueAt processingCentre { code } delivery { method status } outcome } }`;
    const dossier = await waitFor(
      async () => {
        const data = await platform.ok(query, { id: submitDossier.id }, admin);
        return data.dossier.status && data.dossier.delivery ? data.dossier : null;
      },
      { what: 'processing and delivery to learn of the dossier' },
    );
    expect(dossier).toEqual({
      code: submitDossier.code,
      status: 'RECEIVED',
      nationalStatusCode: 2,
      dueAt: submitDossier.dueAt,
      processingCentre: { code: 'H57' },
      delivery: { method: 'POST', status: 'AWAITING_RESULT' },
      outcome: null,
    });
    // statistics applies its events on its own, one run at a time: it may come a moment later
    const facts = await waitFor(
      async () => {
        const rows = await platform.services.statistics.db.query(
          `SELECT channel FROM dossier_fact WHERE dossier_id = $1`,
          [submitDossier.id],
        );
        return rows.length ? rows : null;
      },
      { what: 'statistics to learn of the dossier' },
    );
    expect(facts).toEqual([{ channel: 'COUNTER' }]);
  });
});
