import {
  AUTHORIZATION_MATRIX,
  authorizeOn,
  isAllowed,
  mayRead,
  perRequest,
  type Caller,
  type CentreDirectory,
  type ObjectGuards,
  type OperationName,
} from '@onestop/service-kit';
import {
  Applicant,
  applicantNumberOf,
  centresServing,
  logPersonalDataRead,
  type Centre,
  type DigitalRecord,
  type Dossier,
} from '../persistence';
import type { IntakeContext } from '../deps';
import { maskIdentityNumber } from './applicants';

/**
 * Intake's access rules, in one place. The decisions are cells of the platform's authorization
 * matrix (packages/service-kit/src/authorization-matrix.json); this file only says what each
 * operation acts on:
 * - a dossier: its receiving centre (and processing centre, for reads) and its applicant;
 * - a digital record: the centre where it was digitised and its owner;
 * - reference data (calendar, procedures): the province as a whole (a root centre's ADMIN);
 * - the centre tree: the parent a centre is created or moved under, and the centre moved.
 * The catalogue (centres, procedures, calendarDays) and trackDossier need no token.
 */
type Ctx = Pick<IntakeContext, 'caller'> & { deps: Pick<IntakeContext['deps'], 'centres'> };

/** The province's reference data (calendar, catalogue) and the history import: the matrix's cell for the caller's own centre. */
export const authorizeProvinceWide = (ctx: Ctx, operation: 'setCalendarDay' | 'upsertProcedure' | 'importDossiers') =>
  authorizeOn(ctx.deps.centres, ctx.caller, operation);

/**
 * A new centre under `parent` (inside the caller's subtree), or a new root (a root ADMIN). The
 * platform's first centre is the bootstrap: on an empty tree, an ADMIN whose token names it.
 * `centres` reads the tree in the caller's transaction, which holds the tree's lock.
 */
export async function authorizeNewCentre(
  ctx: Ctx,
  centres: CentreDirectory,
  parent: Pick<Centre, 'id'> | null,
  code: string,
  treeIsEmpty: () => Promise<boolean>,
): Promise<Caller> {
  if (parent) return authorizeOn(centres, ctx.caller, 'createCentre', { centreIds: [parent.id] });
  if (ctx.caller?.role === 'ADMIN' && ctx.caller.centre === code && (await treeIsEmpty())) return ctx.caller;
  return authorizeOn(centres, ctx.caller, 'makeRootCentre');
}

/** A move: the caller must reach both the centre moved and where it goes (no parent: a new root). */
export async function authorizeCentreMove(
  ctx: Ctx,
  centres: CentreDirectory,
  centre: Pick<Centre, 'id'>,
  parent: Pick<Centre, 'id'> | null,
): Promise<Caller> {
  await authorizeOn(centres, ctx.caller, 'moveCentre', { centreIds: [centre.id] });
  return parent
    ? authorizeOn(centres, ctx.caller, 'moveCentre', { centreIds: [parent.id] })
    : authorizeOn(centres, ctx.caller, 'makeRootCentre');
}

/** Renaming: the centre renamed must be in the caller's subtree. */
export function authorizeCentreRename(ctx: Ctx, centres: CentreDirectory, centre: Pick<Centre, 'id'>): Promise<Caller> {
  return authorizeOn(centres, ctx.caller, 'renameCentre', { centreIds: [centre.id] });
}

/** A dossier the caller acts on (or reads, with `dossier`/`receipt`, which also count the processing centre). */
export function authorizeDossier(
  ctx: Ctx,
  operation: OperationName,
  dossier: Pick<Dossier, 'centreId' | 'processingCentreId'>,
  applicant: Pick<Applicant, 'identityNumber'>,
): Promise<Caller> {
  const reads = AUTHORIZATION_MATRIX[operation].type !== 'mutation';
  // the request's directory: the Dossier guard (mayRead) asks for the same centres' ancestors
  return authorizeOn(ctx.deps.centres.forRequest(ctx), ctx.caller, operation, {
    centreIds: reads ? [dossier.centreId, dossier.processingCentreId] : [dossier.centreId],
    ownerIdentityNumber: applicant.identityNumber,
  });
}

/** Reading a dossier (GraphQL or its printable receipt), as a boolean. */
export function canSeeDossier(
  ctx: Ctx,
  dossier: Pick<Dossier, 'centreId' | 'processingCentreId'>,
  applicant: Pick<Applicant, 'identityNumber'>,
  operation: 'dossier' | 'receipt' = 'dossier',
): Promise<boolean> {
  return isAllowed(ctx.deps.centres.forRequest(ctx), ctx.caller, operation, {
    centreIds: [dossier.centreId, dossier.processingCentreId],
    ownerIdentityNumber: applicant.identityNumber,
  });
}

/** A reception at `centreId` for the applicant `identityNumber`. */
export function authorizeReception(ctx: Ctx, centreId: string, identityNumber: string): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, 'submitDossier', {
    centreIds: [centreId],
    ownerIdentityNumber: identityNumber,
  });
}

/** Officers read any applicant's records (they are the province's memory); citizens only their own. */
export function requireApplicantReader(ctx: Ctx, identityNumber: string): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, 'applicant', { ownerIdentityNumber: identityNumber });
}

/** A record's content or its access log: the centre where it was digitised, and its owner. */
export function authorizeRecord(
  ctx: Ctx,
  operation: 'recordContent' | 'recordAccessLog',
  record: Pick<DigitalRecord, 'digitisedAtCentreId' | 'ownerIdentityNumber'>,
): Promise<Caller> {
  return authorizeOn(ctx.deps.centres, ctx.caller, operation, {
    centreIds: [record.digitisedAtCentreId],
    ownerIdentityNumber: record.ownerIdentityNumber,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from users; one that is not a uuid names nothing (and must not reach PostgreSQL as one). */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/**
 * The guards of intake's protected types (service-kit object-guards.ts), applied wherever a value
 * of the type is reached: root fields, links, entity references.
 * - Dossier: the matrix's `dossier` cell, on its receiving and processing centres and its applicant.
 * - Applicant and DigitalRecord (personal data, by need): the applicant themselves, and officers
 *   serving them — the applicant has a dossier at a centre where the matrix lets the officer open
 *   citizens' papers (`recordContent`: not OBSERVER). Someone who may read one of the applicant's
 *   dossiers without that (OBSERVER) sees the applicant without personal data; anyone else nothing.
 */
const applicantNumbers = new WeakMap<object, Map<string, Promise<string | null>>>();
const applicants = new WeakMap<object, Map<string, Promise<Applicant | null>>>();

/**
 * A dossier's applicant, read once per request: the dossier's check, its `applicant` field and
 * the Dossier guard (which then needs no read of the identity number of its own).
 */
export function applicantById(ctx: Reader, id: string): Promise<Applicant | null> {
  return perRequest(ctx, applicants, id, async () => {
    const applicant = await ctx.db.getRepository(Applicant).findOneBy({ id });
    if (applicant) void perRequest(ctx, applicantNumbers, id, async () => applicant.identityNumber);
    return applicant;
  });
}
const servingCentres = new WeakMap<object, Map<string, Promise<string[]>>>();
const logged = new WeakMap<object, Map<string, Promise<void>>>();
const REDACTED = Symbol('redacted');

type Reader = Pick<IntakeContext, 'caller' | 'deps' | 'db'>;

function centresOfApplicant(ctx: Reader, identityNumber: string): Promise<string[]> {
  if (!ctx.caller || ctx.caller.role === 'CITIZEN') return Promise.resolve([]);
  return perRequest(ctx, servingCentres, identityNumber, () => centresServing(ctx.db, identityNumber));
}

const atTheCounter = new WeakMap<object, Set<string>>();
/**
 * An intake officer who types an applicant's identity number at the counter is serving that
 * applicant at their centre: the once-only rule needs their contact data and records there, before
 * any dossier of theirs exists at that centre. Each such read is logged like every other.
 */
export function presentedAtCounter(ctx: Reader, identityNumber: string): void {
  if (ctx.caller?.role !== 'INTAKE_OFFICER') return;
  const numbers = atTheCounter.get(ctx) ?? new Set<string>();
  atTheCounter.set(ctx, numbers.add(identityNumber));
}

/** The caller may see this applicant's personal data (contact details, records). */
export async function servesApplicant(ctx: Reader, identityNumber: string): Promise<boolean> {
  if (atTheCounter.get(ctx)?.has(identityNumber)) return true;
  return mayRead(
    ctx,
    ctx.deps.centres,
    { centreIds: await centresOfApplicant(ctx, identityNumber), ownerIdentityNumber: identityNumber },
    'recordContent',
  );
}

async function readsDossierOf(ctx: Reader, identityNumber: string): Promise<boolean> {
  return mayRead(ctx, ctx.deps.centres, {
    centreIds: await centresOfApplicant(ctx, identityNumber),
    ownerIdentityNumber: identityNumber,
  });
}

/** The applicant without personal data: initials, a masked number, no contact, no records. */
function withoutPersonalData(a: Applicant): Applicant {
  const initials = a.fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]}.`)
    .join(' ');
  return {
    ...a,
    identityNumber: maskIdentityNumber(a.identityNumber),
    fullName: initials,
    phone: null,
    email: null,
    address: null,
    [REDACTED]: true,
  } as Applicant;
}
export const isRedacted = (a: Applicant) => !!(a as unknown as Record<symbol, boolean>)[REDACTED];

/** An officer's read of an applicant's contact data or record list, logged once per request. */
export function noteRead(ctx: Reader, a: Applicant, what: 'CONTACT' | 'RECORDS'): Promise<void> {
  const caller = ctx.caller;
  if (!caller || isRedacted(a) || (caller.role === 'CITIZEN' && caller.identityNumber === a.identityNumber))
    return Promise.resolve();
  return perRequest(ctx, logged, `${a.id}:${what}`, () => logPersonalDataRead(ctx.db, a.id, what, caller));
}

export const intakeGuards: ObjectGuards<IntakeContext> = {
  async Dossier(d: Dossier, ctx) {
    const owner = await perRequest(ctx, applicantNumbers, d.applicantId, () =>
      applicantNumberOf(ctx.db, d.applicantId),
    );
    return (await mayRead(ctx, ctx.deps.centres, {
      centreIds: [d.centreId, d.processingCentreId],
      ownerIdentityNumber: owner,
    }))
      ? d
      : null;
  },
  async Applicant(a: Applicant, ctx) {
    if (await servesApplicant(ctx, a.identityNumber)) return a;
    return (await readsDossierOf(ctx, a.identityNumber)) ? withoutPersonalData(a) : null;
  },
  async DigitalRecord(r: DigitalRecord, ctx) {
    return (await servesApplicant(ctx, r.ownerIdentityNumber)) ? r : null;
  },
};
