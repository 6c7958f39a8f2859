import { Client } from 'pg';
import { TestPlatform, waitFor, type GraphQLResponse } from '@onestop/test-kit';

/**
 * docs/DESIGN.md rule 3: "an action sent the moment the previous one answered succeeds, whichever
 * service each lands in". A person clicking through the portal sends the second action as soon
 * as the first one's answer shows its button. Each pair of the lifecycle is sent back to back
 * (no sleep, no polling in between) through the gateway, several times so that a race shows, on
 * both queue backends. Getting a dossier to the first action's state may wait; the pair never does.
 */
jest.setTimeout(300_000);

const TIMES = 5;
const PDF = Buffer.from('%PDF-1.4\n% bổ sung\n%%EOF\n').toString('base64');
const CITIZEN_ID = '046090001234';
const RESULT = {
  documentType: 'GIAY_PHEP',
  title: 'Giấy phép',
  validUntil: null,
  upload: { fileName: 'kq.pdf', mimeType: 'application/pdf', contentBase64: PDF },
};

describe.each(['postgres', 'redis'] as const)(
  'an action right after the one before it, on the %s queue backend',
  (backend) => {
    let platform: TestPlatform;
    let centre: { id: string; code: string };
    let admin: string, officer: string, specialist: string, leader: string, citizen: string;

    /** The data of an answer that must have no error; the errors in the failure message otherwise. */
    function answered<T = any>(res: GraphQLResponse<T>, what: string): T {
      if (res.errors?.length)
        throw new Error(`${what} answered ${res.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
      return res.data as T;
    }
    const processingStatus = async (id: string): Promise<string | undefined> =>
      (await platform.services.processing.db.query(`SELECT status FROM dossier WHERE id = $1`, [id]))[0]?.status;
    const untilProcessing = (id: string, status: string) =>
      waitFor(async () => (await processingStatus(id)) === status, { what: `processing to hold ${status}` });

    async function submit(channel: 'COUNTER' | 'ONLINE', deliveryMethod = 'COUNTER'): Promise<string> {
      const res = await platform.contract(
        'SubmitDossier',
        {
          input: {
            procedureCode: 'RYW-01',
            centreId: centre.id,
            channel,
            applicant: { kind: 'CITIZEN', identityNumber: CITIZEN_ID, fullName: 'Nguyễn Văn An', phone: '0905123456' },
            documents: [],
            delivery: { method: deliveryMethod },
          },
        },
        channel === 'ONLINE' ? citizen : officer,
      );
      return answered(res, 'SubmitDossier').submitDossier.id;
    }
    const accept = (id: string) =>
      platform.graphql(`mutation($id: ID!) { acceptDossier(dossierId: $id) { id status } }`, { id }, officer);
    const completeStep = (id: string, by: string) => platform.contract('CompleteStep', { dossierId: id }, by);
    const requestSupplement = (id: string) =>
      platform.contract(
        'RequestSupplement',
        { dossierId: id, reason: 'Thiếu tờ khai', componentCodes: ['TK'] },
        specialist,
      );
    const submitSupplement = (id: string) =>
      platform.contract(
        'SubmitSupplement',
        {
          dossierId: id,
          documents: [
            {
              componentCode: 'TK',
              title: 'Tờ khai',
              upload: { fileName: 'to-khai.pdf', mimeType: 'application/pdf', contentBase64: PDF },
            },
          ],
        },
        citizen,
      );
    const decide = (id: string) =>
      platform.contract(
        'DecideDossier',
        { input: { dossierId: id, decision: 'APPROVED', reason: null, result: RESULT } },
        leader,
      );

    /** A counter dossier that processing knows, at the step of `steps` completed. */
    async function received(steps = 0): Promise<string> {
      const id = await submit('COUNTER');
      await untilProcessing(id, 'RECEIVED');
      for (const by of [officer, specialist].slice(0, steps)) answered(await completeStep(id, by), 'CompleteStep');
      return id;
    }

    /** Runs `pair` TIMES on fresh dossiers; each time, the second action is sent the moment the first answered. */
    async function times(pair: () => Promise<void>): Promise<void> {
      for (let i = 0; i < TIMES; i++) await pair();
    }

    beforeAll(async () => {
      platform = await TestPlatform.start({ backend });
      admin = await platform.token({ role: 'ADMIN', centre: 'RYW' });
      centre = answered(
        await platform.contract(
          'CreateCentre',
          { input: { code: 'RYW', name: 'Trung tâm tỉnh', level: 'PROVINCE' } },
          admin,
        ),
        'CreateCentre',
      ).createCentre;
      answered(
        await platform.contract(
          'UpsertProcedure',
          {
            input: {
              code: 'RYW-01',
              name: 'Cấp giấy phép',
              sector: 'Xây dựng',
              levels: ['PROVINCE'],
              feeVnd: 0,
              processingTime: { amount: 10, unit: 'WORKING_DAYS' },
              components: [{ code: 'TK', name: 'Tờ khai', required: false, documentType: 'TO_KHAI' }],
            },
          },
          admin,
        ),
        'UpsertProcedure',
      );
      [officer, specialist, leader] = await Promise.all(
        (['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'] as const).map((role) => platform.token({ role, centre: 'RYW' })),
      );
      citizen = await platform.token({ role: 'CITIZEN', identityNumber: CITIZEN_ID });
      await waitFor(
        async () =>
          (await platform.services.processing.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id]))
            .length > 0,
        { what: 'processing to know the centre' },
      );
      await waitFor(
        async () =>
          (await platform.services.delivery.db.query(`SELECT 1 FROM centre_replica WHERE id = $1`, [centre.id]))
            .length > 0,
        { what: 'delivery to know the centre' },
      );
    });
    afterAll(() => platform?.stop());

    it('an online submission, then its refusal at reception (intake → processing)', () =>
      times(async () => {
        const id = await submit('ONLINE');
        const res = await platform.contract(
          'RefuseDossier',
          { dossierId: id, reason: 'Hồ sơ không thuộc thẩm quyền' },
          officer,
        );
        expect(answered(res, 'RefuseDossier').refuseDossier).toMatchObject({
          status: 'NOT_ACCEPTED',
          nationalStatusCode: 3,
        });
      }));

    it('an online submission, then its acceptance (intake → intake)', () =>
      times(async () => {
        const id = await submit('ONLINE');
        expect(answered(await accept(id), 'acceptDossier').acceptDossier).toMatchObject({ status: 'RECEIVED' });
      }));

    it('an acceptance, then the handover step (intake → processing)', () =>
      times(async () => {
        const id = await submit('ONLINE');
        await untilProcessing(id, 'NEW');
        answered(await accept(id), 'acceptDossier');
        expect(answered(await completeStep(id, officer), 'CompleteStep').completeStep).toMatchObject({
          status: 'PROCESSING',
          currentStep: { code: 'REVIEW' },
        });
      }));

    it('an acceptance, then a withdrawal (intake → processing)', () =>
      times(async () => {
        const id = await submit('ONLINE');
        await untilProcessing(id, 'NEW');
        answered(await accept(id), 'acceptDossier');
        const res = await platform.contract(
          'WithdrawDossier',
          { dossierId: id, reason: 'Công dân rút hồ sơ' },
          officer,
        );
        expect(answered(res, 'WithdrawDossier').withdrawDossier).toMatchObject({
          status: 'WITHDRAWN',
          nationalStatusCode: 7,
        });
      }));

    it('a reception at the counter, then the handover step (intake → processing)', () =>
      times(async () => {
        const id = await submit('COUNTER');
        expect(answered(await completeStep(id, officer), 'CompleteStep').completeStep).toMatchObject({
          status: 'PROCESSING',
          nationalStatusCode: 4,
        });
      }));

    it('a reception at the counter, then a withdrawal (intake → processing)', () =>
      times(async () => {
        const id = await submit('COUNTER');
        const res = await platform.contract(
          'WithdrawDossier',
          { dossierId: id, reason: 'Công dân rút hồ sơ' },
          officer,
        );
        expect(answered(res, 'WithdrawDossier').withdrawDossier).toMatchObject({ status: 'WITHDRAWN' });
      }));

    it('a step, then the next step (processing → processing)', () =>
      times(async () => {
        const id = await received();
        answered(await completeStep(id, officer), 'CompleteStep');
        expect(answered(await completeStep(id, specialist), 'CompleteStep').completeStep).toMatchObject({
          currentStep: { code: 'DECIDE', role: 'LEADER' },
        });
      }));

    it('a request for supplementation, then the applicant supplies it (processing → intake)', () =>
      times(async () => {
        const id = await received(1);
        answered(await requestSupplement(id), 'RequestSupplement');
        expect(answered(await submitSupplement(id), 'SubmitSupplement').submitSupplement).toMatchObject({
          status: 'PROCESSING',
          nationalStatusCode: 4,
        });
      }));

    it('a handover, a request for supplementation and the applicant supplying it, all back to back (processing → intake)', () =>
      times(async () => {
        const id = await received();
        answered(await completeStep(id, officer), 'CompleteStep');
        answered(await requestSupplement(id), 'RequestSupplement');
        expect(answered(await submitSupplement(id), 'SubmitSupplement').submitSupplement).toMatchObject({
          status: 'PROCESSING',
        });
      }));

    it('a supplementation supplied, then the next step (intake → processing)', () =>
      times(async () => {
        const id = await received(1);
        answered(await requestSupplement(id), 'RequestSupplement');
        await waitFor(
          async () =>
            (await platform.services.intake.db.query(`SELECT status FROM dossier WHERE id = $1`, [id]))[0].status ===
            'SUPPLEMENT_REQUESTED',
          { what: 'intake to learn of the request' },
        );
        answered(await submitSupplement(id), 'SubmitSupplement');
        expect(answered(await completeStep(id, specialist), 'CompleteStep').completeStep).toMatchObject({
          currentStep: { code: 'DECIDE' },
        });
      }));

    it('a decision, then the pickup at the counter (processing → delivery)', () =>
      times(async () => {
        const id = await received(2);
        answered(await decide(id), 'DecideDossier');
        expect(
          answered(await platform.contract('ConfirmPickup', { dossierId: id }, officer), 'ConfirmPickup').confirmPickup,
        ).toMatchObject({ status: 'RETURNED', nationalStatusCode: 10 });
      }));

    it('a pickup, then the applicant rates the service (delivery → delivery)', () =>
      times(async () => {
        const id = await received(2);
        answered(await decide(id), 'DecideDossier');
        await waitFor(
          async () =>
            (await platform.services.delivery.db.query(`SELECT status FROM delivery WHERE dossier_id = $1`, [id]))[0]
              ?.status === 'READY',
          { what: 'the result to be ready' },
        );
        answered(await platform.contract('ConfirmPickup', { dossierId: id }, officer), 'ConfirmPickup');
        const res = await platform.contract(
          'RateService',
          { dossierId: id, rating: { overall: 'SATISFIED', comment: null } },
          citizen,
        );
        expect(answered(res, 'RateService').rateService).toMatchObject({ dossierId: id, overall: 'SATISFIED' });
      }));

    it('a new centre, then a dossier transferred to it (intake → processing)', () =>
      times(async () => {
        const id = await received(1);
        const code = `RYW.${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
        const to = answered(
          await platform.contract(
            'CreateCentre',
            { input: { code, name: 'Xã mới', level: 'COMMUNE', parentId: centre.id } },
            admin,
          ),
          'CreateCentre',
        ).createCentre;
        const res = await platform.contract(
          'TransferDossier',
          { dossierId: id, toCentreId: to.id, reason: 'Liên thông' },
          leader,
        );
        expect(answered(res, 'TransferDossier').transferDossier).toMatchObject({ processingCentre: { code } });
      }));

    it('announces an applied event only to a command waiting for it: other commits send no notification', async () => {
      const listener = new Client({ connectionString: platform.databaseUrl });
      await listener.connect();
      const heard: string[] = [];
      listener.on('notification', (n) => heard.push(n.payload ?? ''));
      await listener.query('LISTEN applied_processing');
      try {
        const quiet = await received(1); // processing applied its reception with nobody waiting
        const waited = await submit('COUNTER');
        answered(await completeStep(waited, officer), 'CompleteStep');
        await untilProcessing(waited, 'PROCESSING');
        expect(heard).not.toContain(quiet);
        // Whether the handover waited depends on the race; when it did, the reception was announced for it alone.
        expect(heard.every((id) => id === waited)).toBe(true);
        await waitFor(
          async () =>
            (await platform.services.processing.db.query(`SELECT count(*)::int AS n FROM awaited_event`))[0].n === 0,
          { what: 'the watch to be cleared' },
        );
      } finally {
        await listener.end();
      }
    });

    it('still answers NOT_FOUND and CONFLICT when no event is on its way, within the bounded wait', async () => {
      const started = Date.now();
      const missing = await completeStep('00000000-0000-4000-8000-000000000000', officer);
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const id = await received(1);
      const notAsked = await submitSupplement(id);
      expect(notAsked.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  },
);
