import { Centre, DigitalRecord, Dossier, DossierComponent, Procedure, RecordReuse } from '../persistence';
import type { IntakeContext } from '../deps';
import { identityNumberFor } from './applicants';
import { trackingById } from '../persistence/tracking';
import { applicantById } from './access';

const centreById = (ctx: IntakeContext, id: string | null) =>
  id ? ctx.db.getRepository(Centre).findOneBy({ id }) : null;
const dossierById = (ctx: IntakeContext, id: string | null) =>
  id ? ctx.db.getRepository(Dossier).findOneBy({ id }) : null;

export const CentreType = {
  __resolveReference: (ref: { id: string }, ctx: IntakeContext) => centreById(ctx, ref.id),
  parent: (centre: Centre, _: unknown, ctx: IntakeContext) => centreById(ctx, centre.parentId),
  children: (centre: Centre, _: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(Centre).find({ where: { parentId: centre.id }, order: { code: 'ASC' } }),
};

export const ProcedureType = {
  __resolveReference: (ref: { id?: string; code?: string }, ctx: IntakeContext) =>
    ref.id
      ? ctx.db.getRepository(Procedure).findOneBy({ id: ref.id })
      : ctx.db.getRepository(Procedure).findOneBy({ code: ref.code, current: true }),
  processingTime: (p: Procedure) => ({ amount: p.timeAmount, unit: p.timeUnit }),
};

export const DossierType = {
  __resolveReference: (ref: { id: string }, ctx: IntakeContext) => dossierById(ctx, ref.id),
  procedure: (d: Dossier, _: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(Procedure).findOneBy({ id: d.procedureId }),
  applicant: (d: Dossier, _: unknown, ctx: IntakeContext) => applicantById(ctx, d.applicantId),
  receivingCentre: (d: Dossier, _: unknown, ctx: IntakeContext) => centreById(ctx, d.centreId),
  components: (d: Dossier, _: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(DossierComponent).find({ where: { dossierId: d.id }, order: { id: 'ASC' } }),
  receiptUrl: (d: Dossier, _: unknown, ctx: IntakeContext) =>
    d.receivedAt ? `${ctx.deps.publicUrl}/intake/receipts/${d.id}` : null,
  callerIsApplicant: async (d: Dossier, _: unknown, ctx: IntakeContext) =>
    ctx.caller?.role === 'CITIZEN' &&
    !!ctx.caller.identityNumber &&
    (await applicantById(ctx, d.applicantId))?.identityNumber === ctx.caller.identityNumber,
};

export const DossierComponentType = {
  record: (c: DossierComponent, _: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(DigitalRecord).findOneBy({ id: c.recordId }),
};

export const DigitalRecordType = {
  ownerIdentityNumber: (
    r: DigitalRecord,
    _: unknown,
    ctx: IntakeContext,
    info: { path: { prev: unknown; key: string | number } },
  ) => identityNumberFor(r.ownerIdentityNumber, ctx, info),
  digitisedAt: (r: DigitalRecord, _: unknown, ctx: IntakeContext) => centreById(ctx, r.digitisedAtCentreId),
  sourceDossier: (r: DigitalRecord, _: unknown, ctx: IntakeContext) => dossierById(ctx, r.sourceDossierId),
  reuses: (r: DigitalRecord, _: unknown, ctx: IntakeContext) =>
    ctx.db.getRepository(RecordReuse).find({ where: { recordId: r.id }, order: { at: 'ASC' } }),
};

export const RecordAccessType = {
  dossier: (r: { dossierId: string | null }, _: unknown, ctx: IntakeContext) => dossierById(ctx, r.dossierId),
};

export const RecordReuseType = {
  centre: (r: RecordReuse, _: unknown, ctx: IntakeContext) => centreById(ctx, r.centreId),
  dossier: (r: RecordReuse, _: unknown, ctx: IntakeContext) => dossierById(ctx, r.dossierId),
};

/** Intake resolves only its own fields of a tracking; processing and delivery add theirs by id. */
export const DossierTrackingType = {
  __resolveReference: (ref: { id: string }, ctx: IntakeContext) => trackingById(ctx.db, ref.id),
};
