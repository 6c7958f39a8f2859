import { randomBytes } from 'node:crypto';
import type { TestPlatform } from './platform';

/** Small builders through the public API, for tests that need a centre, a procedure or a received dossier. */
export class Fixtures {
  /** The first root centre these fixtures created: its ADMIN keeps the reference data (catalogue, calendar, new roots). */
  private root?: string;

  constructor(private readonly platform: TestPlatform) {}

  /** An ADMIN of `centreCode`; by default of the first root centre created here. */
  async admin(centreCode = this.root ?? 'ROOT') {
    return this.platform.token({ role: 'ADMIN', centre: centreCode });
  }

  /** A centre; the first root is set up by its own ADMIN (the empty tree's bootstrap), later roots by that root's ADMIN. */
  async centre(
    input: { code?: string; name?: string; level?: 'PROVINCE' | 'DISTRICT' | 'COMMUNE'; parentId?: string | null } = {},
    token?: string,
  ) {
    const code = input.code ?? `T${randomBytes(3).toString('hex').toUpperCase()}`;
    const root = !input.parentId;
    token ??= await this.admin(this.root ?? code);
    if (root) this.root ??= code;
    const { createCentre } = await this.platform.ok(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id code name level } }`,
      {
        input: {
          code,
          name: input.name ?? `Trung tâm ${code}`,
          level: input.level ?? 'PROVINCE',
          parentId: input.parentId ?? null,
        },
      },
      token,
    );
    return createCentre as { id: string; code: string; name: string; level: string };
  }

  async procedure(
    input: Partial<{
      code: string;
      name: string;
      sector: string;
      levels: string[];
      feeVnd: number;
      processingTime: { amount: number; unit: string };
      components: unknown[];
    }> = {},
    token?: string,
  ) {
    const code = input.code ?? `P-${randomBytes(3).toString('hex')}`;
    const { upsertProcedure } = await this.platform.ok(
      `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id code version } }`,
      {
        input: {
          code,
          name: input.name ?? `Thủ tục ${code}`,
          sector: input.sector ?? 'Tư pháp',
          levels: input.levels ?? ['PROVINCE', 'DISTRICT', 'COMMUNE'],
          feeVnd: input.feeVnd ?? 0,
          processingTime: input.processingTime ?? { amount: 5, unit: 'WORKING_DAYS' },
          ...(input.components ? { components: input.components } : {}),
        },
      },
      token ?? (await this.admin()),
    );
    return upsertProcedure as { id: string; code: string; version: number };
  }

  /** A dossier received at a counter of `centre`, for an applicant with no documents required. */
  async receiveDossier(opts: {
    centre: { id: string; code: string };
    procedureCode: string;
    identityNumber?: string;
    channel?: string;
    deliveryMethod?: string;
    fields?: string;
  }) {
    const officer = await this.platform.token({ role: 'INTAKE_OFFICER', centre: opts.centre.code });
    const { submitDossier } = await this.platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code status nationalStatusCode dueAt ${opts.fields ?? ''} } }`,
      {
        input: {
          procedureCode: opts.procedureCode,
          centreId: opts.centre.id,
          channel: opts.channel ?? 'COUNTER',
          applicant: {
            kind: 'CITIZEN',
            identityNumber: opts.identityNumber ?? '046090001234',
            fullName: 'Nguyễn Văn An',
            phone: '0905123456',
            email: 'an@example.vn',
          },
          documents: [],
          delivery: {
            method: opts.deliveryMethod ?? 'COUNTER',
            address: opts.deliveryMethod === 'POST' ? '12 Lê Lợi, Huế' : null,
          },
        },
      },
      officer,
    );
    return submitDossier as {
      id: string;
      code: string;
      status: string;
      nationalStatusCode: number;
      dueAt: string;
      [k: string]: unknown;
    };
  }
}
