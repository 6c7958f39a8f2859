import { checkLength } from '@onestop/service-kit';
import { normaliseTaxCode } from '../domain/identity-numbers';
import { Applicant, DigitalRecord } from '../persistence';
import type { IntakeContext } from '../deps';
import { isRedacted, noteRead, presentedAtCounter, requireApplicantReader } from './access';

export const applicantQueries = {
  async applicant(_: unknown, { identityNumber }: { identityNumber: string }, ctx: IntakeContext) {
    checkLength(identityNumber, 'identityNumber', 'code');
    const number = normaliseTaxCode(identityNumber.trim());
    await requireApplicantReader(ctx, number);
    presentedAtCounter(ctx, number);
    return ctx.db.getRepository(Applicant).findOneBy({ identityNumber: number });
  },
};

/**
 * Identity numbers are shown in full only where the caller named the person or the dossier
 * themselves — applicant(identityNumber), dossier(id), the reception they just made — or to the
 * citizen who owns them; in lists (an inbox, any dossier another service lists) they are masked:
 * 046090001234 → 0460******34.
 */
export function maskIdentityNumber(n: string): string {
  return n.length <= 6 ? '*'.repeat(n.length) : `${n.slice(0, 4)}${'*'.repeat(n.length - 6)}${n.slice(-2)}`;
}
const SINGLE_VIEWS = [
  'applicant',
  'dossier',
  'submitDossier',
  'acceptDossier',
  'refuseDossier',
  'submitSupplement',
  'myDossiers',
];
function rootOf(path: { prev: unknown; key: string | number } | undefined): string | number | undefined {
  let p = path as { prev?: unknown; key: string | number } | undefined;
  while (p?.prev) p = p.prev as typeof p;
  return p?.key;
}
export function identityNumberFor(
  number: string,
  ctx: IntakeContext,
  info: { path: { prev: unknown; key: string | number } },
): string {
  if (ctx.caller?.role === 'CITIZEN' && ctx.caller.identityNumber === number) return number;
  return SINGLE_VIEWS.includes(String(rootOf(info.path))) ? number : maskIdentityNumber(number);
}

export const ApplicantType = {
  identityNumber: (
    a: Applicant,
    _: unknown,
    ctx: IntakeContext,
    info: { path: { prev: unknown; key: string | number } },
  ) => identityNumberFor(a.identityNumber, ctx, info),
  phone: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.phone),
  email: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.email),
  address: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.address),
  async records(a: Applicant, _: unknown, ctx: IntakeContext) {
    if (isRedacted(a)) return [];
    await noteRead(ctx, a, 'RECORDS');
    return ctx.db
      .getRepository(DigitalRecord)
      .find({ where: { ownerIdentityNumber: a.identityNumber }, order: { createdAt: 'DESC', id: 'ASC' } });
  },
};
