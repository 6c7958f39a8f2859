import { AUTHORIZATION_MATRIX, authorize, authorizeOn, isAllowed, type Caller, type OperationName } from '@onestop/service-kit';
import type { Applicant, DigitalRecord, Dossier } from '../persistence';
import type { IntakeContext } from '../deps';

/**
 * Intake's access rules, in one place. The decisions are cells of the platform's authorization
 * matrix (packages/service-kit/src/authorization-matrix.json); this file only says what each
 * operation acts on:
 * - a dossier: its receiving centre (and processing centre, for reads) and its applicant;
 * - a digital record: the centre where it was digitised and its owner;
 * - reference data (centres, calendar, procedures): the province as a whole (ADMIN).
 * The catalogue (centres, procedures, calendarDays) and trackDossier need no token.
 */
type Ctx = Pick<IntakeContext, 'caller'> & { deps: Pick<IntakeContext['deps'], 'centres'> };

/** Reference data: the operation's role check alone. */
export const requireAdmin = (ctx: Pick<IntakeContext, 'caller'>, operation: OperationName) => authorize(ctx.caller, operation);

/** A dossier the caller acts on (or reads, with `dossier`/`receipt`, which also count the processing centre). */
export function authorizeDossier(ctx: Ctx, operation: OperationName, dossier: Pick<Dossier, 'centreId' | 'processingCentreId'>, applicant: Pick<Applicant, 'identityNumber'>): Promise<Caller> {
  const reads = AUTHORIZATION_MATRIX[operation].type !== 'mutation';
  return authorizeOn(ctx.deps.centres, ctx.caller, operation, {
    centreIds: reads ? [dossier.centreId, dossier.processingCentreId] : [dossier.centreId],
    ownerIdentityNumber: applicant.identityNumber,
  });
}

/** Reading a dossier (GraphQL or its printable receipt), as a boolean. */
export function canSeeDossier(ctx: Ctx, dossier: Pick<Dossier, 'centreId' | 'processingCentreId'>, applicant: Pick<Applicant, 'identityNumber'>, operation: 'dossier' | 'receipt' = 'dossier'): Promise<boolean> {
  return isAllowed(ctx.deps.centres, ctx.caller, operation, { centreIds: [dossier.centreId, dossier.processingCentreId], ownerIdentityNumber: applicant.identityNumber });
}

/** A reception at `centreId` for the applicant `identityNumber`. */
export function authorizeReception(ctx: Ctx, centreId: string, identityNumber: string): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, 'submitDossier', { centreIds: [centreId], ownerIdentityNumber: identityNumber });
}

/** Officers read any applicant's records (they are the province's memory); citizens only their own. */
export function requireApplicantReader(ctx: Ctx, identityNumber: string): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, 'applicant', { ownerIdentityNumber: identityNumber });
}

/** A record's content or its access log: the centre where it was digitised, and its owner. */
export function authorizeRecord(ctx: Ctx, operation: 'recordContent' | 'recordAccessLog', record: Pick<DigitalRecord, 'digitisedAtCentreId' | 'ownerIdentityNumber'>): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, operation, { centreIds: [record.digitisedAtCentreId], ownerIdentityNumber: record.ownerIdentityNumber });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from users; one that is not a uuid names nothing (and must not reach PostgreSQL as one). */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
