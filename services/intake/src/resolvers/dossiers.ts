import { authorize, authorizeOn, checkLength, notFound, requireCaller } from '@onestop/service-kit';
import { trackDossier } from '../commands/track-dossier';
import { Applicant, DigitalRecord, Dossier, RecordAccess } from '../persistence';
import type { IntakeContext } from '../deps';
import { applicantById, authorizeDossier, authorizeRecord, isUuid } from './access';

export const dossierQueries = {
  async dossier(_: unknown, { id }: { id: string }, ctx: IntakeContext) {
    requireCaller(ctx); // no token: UNAUTHENTICATED, before anything is looked up
    const dossier = isUuid(id) ? await ctx.db.getRepository(Dossier).findOneBy({ id }) : null;
    if (!dossier) return null;
    const applicant = await applicantById(ctx, dossier.applicantId);
    if (!applicant) throw new Error(`Dossier ${dossier.id} has no applicant ${dossier.applicantId}`);
    await authorizeDossier(ctx, 'dossier', dossier, applicant);
    return dossier;
  },

  async myDossiers(_: unknown, __: unknown, ctx: IntakeContext) {
    const caller = authorize(ctx.caller, 'myDossiers');
    if (!caller.identityNumber) return [];
    return ctx.db
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .innerJoin(Applicant, 'a', 'a.id = d.applicant_id')
      .where('a.identity_number = :number', { number: caller.identityNumber })
      .orderBy('d.submitted_at', 'DESC')
      .getMany();
  },

  /**
   * Online dossiers at a centre (the caller's own by default) waiting for an officer to accept or
   * refuse them (NEW, national code 1), oldest first: whoever may accept them there may list them.
   */
  async awaitingAcceptance(_: unknown, args: { centreId?: string | null; first?: number | null }, ctx: IntakeContext) {
    const caller = requireCaller(ctx);
    const centre = args.centreId
      ? isUuid(args.centreId)
        ? await ctx.deps.centres.byId(args.centreId)
        : null
      : caller.centre
        ? await ctx.deps.centres.byCode(caller.centre)
        : null;
    if (!centre) throw notFound('Centre');
    await authorizeOn(ctx.deps.centres, caller, 'acceptDossier', { centreIds: [centre.id] });
    return ctx.db.getRepository(Dossier).find({
      where: { centreId: centre.id, status: 'NEW' },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: Math.min(Math.max(args.first ?? 50, 1), 200),
    });
  },

  /** Who read the record's content (record_access), for its owner and ADMIN. */
  async recordAccessLog(_: unknown, { recordId }: { recordId: string }, ctx: IntakeContext) {
    requireCaller(ctx);
    const record = isUuid(recordId) ? await ctx.db.getRepository(DigitalRecord).findOneBy({ id: recordId }) : null;
    if (!record) throw notFound('Record');
    await authorizeRecord(ctx, 'recordAccessLog', record);
    return ctx.db.getRepository(RecordAccess).find({ where: { recordId }, order: { at: 'ASC', id: 'ASC' } });
  },

  /** Public tracking by code and verifier (commands/track-dossier.ts). */
  async trackDossier(_: unknown, { code, verifier }: { code: string; verifier: string }, ctx: IntakeContext) {
    checkLength(code, 'code', 'code');
    checkLength(verifier, 'verifier', 'code');
    return trackDossier(ctx, code.trim(), verifier);
  },
};
