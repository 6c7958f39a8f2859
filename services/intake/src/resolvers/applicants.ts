import { badInput, checkLength } from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import { checkIdentityNumber, normaliseTaxCode, type ApplicantKind } from '../domain/identity-numbers';
import { Applicant, DigitalRecord } from '../persistence';
import type { IntakeContext } from '../deps';
import { isRedacted, noteRead, presentedAtCounter, requireApplicantReader } from './access';

export interface ApplicantInput {
  kind: ApplicantKind; identityNumber: string; fullName: string; phone?: string | null; email?: string | null; address?: string | null;
}

/** The applicant as it will be stored, or BAD_USER_INPUT; no I/O. */
export function validApplicant(input: ApplicantInput): ApplicantInput {
  checkLength(input.identityNumber, 'applicant.identityNumber', 'code');
  checkLength(input.fullName, 'applicant.fullName', 'name');
  checkLength(input.email, 'applicant.email', 'name');
  checkLength(input.phone, 'applicant.phone', 'code');
  checkLength(input.address, 'applicant.address', 'address');
  const checked = checkIdentityNumber(input.kind, input.identityNumber);
  if (!checked.ok) throw badInput(checked.problem, { field: 'applicant.identityNumber' });
  const fullName = input.fullName?.trim();
  if (!fullName) throw badInput('The applicant\'s full name is required', { field: 'applicant.fullName' });
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw badInput('The applicant\'s email is not an address', { field: 'applicant.email' });
  if (input.phone && !/^\+?[\d\s.()-]{8,20}$/.test(input.phone)) throw badInput('The applicant\'s phone is not a phone number', { field: 'applicant.phone' });
  return { ...input, identityNumber: checked.number, fullName };
}

/** The latest contact details win; a detail left out keeps the one on file. */
export async function upsertApplicant(manager: EntityManager, input: ApplicantInput): Promise<Applicant> {
  // A returning applicant with nothing new is only read: the upsert would lock their row until
  // commit and queue all of that applicant's concurrent receptions behind each other.
  const known = await manager.findOneBy(Applicant, { identityNumber: input.identityNumber });
  if (known && known.kind === input.kind && known.fullName === input.fullName
    && (input.phone ?? known.phone) === known.phone && (input.email ?? known.email) === known.email
    && (input.address ?? known.address) === known.address) return known;
  await manager.query(
    `INSERT INTO applicant (kind, identity_number, full_name, phone, email, address) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (identity_number) DO UPDATE SET full_name = EXCLUDED.full_name,
       phone = COALESCE(EXCLUDED.phone, applicant.phone), email = COALESCE(EXCLUDED.email, applicant.email),
       address = COALESCE(EXCLUDED.address, applicant.address)`,
    [input.kind, input.identityNumber, input.fullName, input.phone ?? null, input.email ?? null, input.address ?? null],
  );
  return manager.findOneByOrFail(Applicant, { identityNumber: input.identityNumber });
}

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
const SINGLE_VIEWS = ['applicant', 'dossier', 'submitDossier', 'acceptDossier', 'refuseDossier', 'submitSupplement', 'myDossiers'];
function rootOf(path: { prev: unknown; key: string | number } | undefined): string | number | undefined {
  let p = path as { prev?: unknown; key: string | number } | undefined;
  while (p?.prev) p = p.prev as typeof p;
  return p?.key;
}
export function identityNumberFor(number: string, ctx: IntakeContext, info: { path: { prev: unknown; key: string | number } }): string {
  if (ctx.caller?.role === 'CITIZEN' && ctx.caller.identityNumber === number) return number;
  return SINGLE_VIEWS.includes(String(rootOf(info.path))) ? number : maskIdentityNumber(number);
}

export const ApplicantType = {
  identityNumber: (a: Applicant, _: unknown, ctx: IntakeContext, info: { path: { prev: unknown; key: string | number } }) => identityNumberFor(a.identityNumber, ctx, info),
  phone: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.phone),
  email: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.email),
  address: async (a: Applicant, _: unknown, ctx: IntakeContext) => (await noteRead(ctx, a, 'CONTACT'), a.address),
  async records(a: Applicant, _: unknown, ctx: IntakeContext) {
    if (isRedacted(a)) return [];
    await noteRead(ctx, a, 'RECORDS');
    return ctx.db.getRepository(DigitalRecord).find({ where: { ownerIdentityNumber: a.identityNumber }, order: { createdAt: 'DESC', id: 'ASC' } });
  },
};
