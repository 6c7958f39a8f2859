import { authorize, checkLength, notFound, requireCaller } from '@onestop/service-kit';
import { trackDossier } from '../commands/track-dossier';
import { Applicant, DigitalRecord, Dossier, RecordAccess } from '../persistence';
import type { IntakeContext } from '../deps';
import { authorizeDossier, authorizeRecord, isUuid } from './access';

export const dossierQueries = {
  async dossier(_: unknown, { id }: { id: string }, ctx: IntakeContext) {
    requireCaller(ctx); // no token: UNAUTHENTICATED, before anything is looked up
    const dossier = isUuid(id) ? await ctx.db.getRepository(Dossier).findOneBy({ id }) : null;
    if (!dossier) return null;
    const applicant = await ctx.db.getRepository(Applicant).findOneByOrFail({ id: dossier.applicantId });
    await authorizeDossier(ctx, 'dossier', dossier, applicant);
    return dossier;
  },

  async myDossiers(_: unknown, __: unknown, ctx: IntakeContext) {
    const caller = authorize(ctx.caller, 'myDossiers');
    if (!caller.identityNumber) return [];
    return ctx.db.getRepository(Dossier).createQueryBuilder('d')
      .innerJoin(Applicant, 'a', 'a.id = d.applicant_id')
      .where('a.identity_number = :number', { number: caller.identityNumber })
      .orderBy('d.submitted_at', 'DESC')
      .getMany();
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
