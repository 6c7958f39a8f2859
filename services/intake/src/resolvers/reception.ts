import { randomUUID } from 'node:crypto';
import { localDate } from '@onestop/calendar';
import { publish, type DossierSubmittedV1 } from '@onestop/events';
import {
  actorOf, authorizeOn, awaitingEvent, badInput, catchingUp, checkLength, conflict, forbidden, isUniqueViolation, notFound, requireCaller, type Caller,
} from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import { formatDossierCode } from '../domain/dossier-code';
import { mayBeAskedForSupplement } from '../domain/supplementation';
import type { DocumentInput } from '../domain/documents';
import { Applicant, Centre, Dossier, Procedure } from '../persistence';
import type { IntakeContext } from '../deps';
import { authorizeDossier, authorizeReception, canSeeDossier, isUuid } from './access';
import { upsertApplicant, validApplicant, type ApplicantInput } from './applicants';
import { checkDocuments, checkReuses, discardBlobs, storeBlobs, writeDocuments, type CheckedDocuments } from './digitisation';

interface SubmitDossierInput {
  procedureCode: string; centreId: string; channel: Dossier['channel'];
  applicant: ApplicantInput;
  documents?: DocumentInput[] | null;
  delivery?: { method: Dossier['deliveryMethod']; address?: string | null } | null;
  idempotencyKey?: string | null;
}

/**
 * Reception (tiếp nhận hồ sơ). Order matters: every check first (nothing written on bad input),
 * then the blobs, then one transaction for the rows and the event; the per-centre, per-day
 * sequence row is locked last so that concurrent receptions queue only for the final writes.
 */
export async function submitDossier(_: unknown, { input }: { input: SubmitDossierInput }, ctx: IntakeContext) {
  requireCaller(ctx);
  checkLength(input.procedureCode, 'procedureCode', 'code');
  checkLength(input.delivery?.address, 'delivery.address', 'address');
  checkDocumentTexts(input.documents ?? []);
  const applicantInput = validApplicant(input.applicant);
  const centre = isUuid(input.centreId) ? await ctx.db.getRepository(Centre).findOneBy({ id: input.centreId }) : null;
  if (!centre) throw notFound('Centre');
  const caller = await authorizeReception(ctx, centre.id, applicantInput.kind === 'CITIZEN' ? applicantInput.identityNumber : '');
  if (caller.role === 'CITIZEN' && input.channel !== 'ONLINE') throw forbidden('Citizens submit online; at a counter or by post an officer receives the dossier');
  const idempotencyKey = checkedIdempotencyKey(input.idempotencyKey);
  const retried = await retryOf(ctx, caller, idempotencyKey);
  if (retried) return retried;

  const procedure = await ctx.db.getRepository(Procedure).findOneBy({ code: input.procedureCode, current: true });
  if (!procedure) throw notFound(`Procedure ${input.procedureCode}`);
  if (!procedure.levels.includes(centre.level)) throw badInput(`${procedure.name} is not handled at ${centre.level} level`);
  const delivery = { method: input.delivery?.method ?? 'COUNTER', address: input.delivery?.address?.trim() || null };
  if (delivery.method === 'POST' && !delivery.address) throw badInput('Delivery by post needs an address');

  const now = new Date();
  const today = localDate(now);
  const plan = checkDocuments(ctx, procedure.components, input.documents ?? [],
    procedure.components.filter((c) => c.required).map((c) => c.code), today);
  checkFileNames(input.documents ?? []);
  await checkReuses(ctx, plan, applicantInput.identityNumber, centre.id, today);
  const calendar = await ctx.deps.calendar();
  const checked = await storeBlobs(ctx, plan);

  try {
    return await ctx.db.transaction(async (manager) => {
      const applicant = await upsertApplicant(manager, applicantInput);
      const received = input.channel !== 'ONLINE';
      // An online dossier gets its code when submitted; reception day and due date wait for acceptance.
      const receptionDay = received ? calendar.receptionDay(now) : null;
      const dueAt = received ? calendar.dueAt(now, { amount: procedure.timeAmount, unit: procedure.timeUnit }) : null;
      const dossierId = randomUUID();
      const components = await writeDocuments(manager, checked,
        { dossierId, centreId: centre.id, owner: applicant.identityNumber, caller, now, supplement: false });
      // Last: the sequence row lock is held until commit, so only these few statements queue.
      const codeDay = receptionDay ?? today;
      const code = formatDossierCode(centre.code, codeDay, await nextSequence(manager, centre.id, codeDay));
      const dossier = manager.create(Dossier, {
        id: dossierId, code, procedureId: procedure.id, centreId: centre.id, applicantId: applicant.id, channel: input.channel,
        submittedAt: now, receivedAt: received ? now : null, receptionDay,
        status: received ? 'RECEIVED' : 'NEW', nationalStatusCode: received ? 2 : 1, dueAt, statusAt: now,
        processingCentreId: null, remainingWorkingMinutes: null, requestedComponentCodes: null,
        deliveryMethod: delivery.method, deliveryAddress: delivery.address, idempotencyKey,
      });
      await manager.insert(Dossier, dossier);
      await publish(manager, 'DossierSubmitted', dossier.id, dossierSubmitted(dossier, procedure, centre, applicant, caller, { components }),
        { correlationId: ctx.correlationId });
      return dossier;
    });
  } catch (err) {
    await discardBlobs(ctx, checked.newBlobs);
    // A concurrent retry with the same key committed first: answer with its dossier.
    const retried = isUniqueViolation(err) ? await retryOf(ctx, caller, idempotencyKey) : null;
    if (retried) return retried;
    throw err;
  }
}

interface RefuseAtCounterInput {
  procedureCode: string; centreId: string; applicant: ApplicantInput; reason: string; idempotencyKey?: string | null;
}

/**
 * Từ chối tiếp nhận at the counter: a walk-in whose papers cannot be received. The dossier is
 * recorded (code of the day, national code 3) so that it is counted like a refused online one; the
 * DossierSubmitted event carries the refusal, and processing writes it as refuseDossier would,
 * which gives it the same refusal slip (/processing/dossiers/{id}/refusal-slip).
 */
export async function refuseAtCounter(_: unknown, { input }: { input: RefuseAtCounterInput }, ctx: IntakeContext) {
  requireCaller(ctx);
  checkLength(input.procedureCode, 'procedureCode', 'code');
  checkLength(input.reason, 'reason', 'reason');
  const reason = input.reason?.trim();
  if (!reason) throw badInput('reason is required');
  const applicantInput = validApplicant(input.applicant);
  const centre = isUuid(input.centreId) ? await ctx.db.getRepository(Centre).findOneBy({ id: input.centreId }) : null;
  if (!centre) throw notFound('Centre');
  const caller = await authorizeOn(ctx.deps.centres, ctx.caller, 'refuseAtCounter',
    { centreIds: [centre.id], ownerIdentityNumber: applicantInput.kind === 'CITIZEN' ? applicantInput.identityNumber : '' });
  const idempotencyKey = checkedIdempotencyKey(input.idempotencyKey);
  const retried = await retryOf(ctx, caller, idempotencyKey);
  if (retried) return retried;
  const procedure = await ctx.db.getRepository(Procedure).findOneBy({ code: input.procedureCode, current: true });
  if (!procedure) throw notFound(`Procedure ${input.procedureCode}`);

  const now = new Date();
  const today = localDate(now);
  try {
    return await ctx.db.transaction(async (manager) => {
      const applicant = await upsertApplicant(manager, applicantInput);
      const dossierId = randomUUID();
      const code = formatDossierCode(centre.code, today, await nextSequence(manager, centre.id, today));
      const dossier = manager.create(Dossier, {
        id: dossierId, code, procedureId: procedure.id, centreId: centre.id, applicantId: applicant.id, channel: 'COUNTER',
        submittedAt: now, receivedAt: null, receptionDay: null, status: 'NOT_ACCEPTED', nationalStatusCode: 3, dueAt: null, statusAt: now,
        processingCentreId: null, remainingWorkingMinutes: null, requestedComponentCodes: null,
        deliveryMethod: 'COUNTER', deliveryAddress: null, idempotencyKey,
      });
      await manager.insert(Dossier, dossier);
      await publish(manager, 'DossierSubmitted', dossier.id,
        dossierSubmitted(dossier, procedure, centre, applicant, caller, { components: [], refusal: { reason, at: now.toISOString() } }),
        { correlationId: ctx.correlationId });
      return dossier;
    });
  } catch (err) {
    const retried = isUniqueViolation(err) ? await retryOf(ctx, caller, idempotencyKey) : null;
    if (retried) return retried;
    throw err;
  }
}

/** The one builder of DossierSubmitted, from the rows a reception (or a counter refusal) just wrote. */
function dossierSubmitted(
  d: Dossier, procedure: Procedure, centre: Centre, applicant: Applicant, caller: Caller,
  extra: Pick<DossierSubmittedV1, 'components' | 'refusal'>,
): DossierSubmittedV1 {
  return {
    dossierId: d.id, code: d.code, status: d.status === 'RECEIVED' ? 2 : 1, channel: d.channel,
    submittedAt: d.submittedAt.toISOString(), receivedAt: d.receivedAt?.toISOString() ?? null,
    receptionDay: d.receptionDay, dueAt: d.dueAt?.toISOString() ?? null,
    procedure: { id: procedure.id, code: procedure.code, name: procedure.name, sector: procedure.sector, version: procedure.version,
      processingTime: { amount: procedure.timeAmount, unit: procedure.timeUnit } },
    receivingCentre: { id: centre.id, code: centre.code, level: centre.level },
    applicant: { id: applicant.id, kind: applicant.kind, identityNumber: applicant.identityNumber, fullName: applicant.fullName,
      phone: applicant.phone, email: applicant.email },
    delivery: { method: d.deliveryMethod, address: d.deliveryAddress }, actor: actorOf(caller), ...extra,
  };
}

function checkedIdempotencyKey(key: string | null | undefined): string | null {
  const trimmed = key?.trim() || null;
  if (trimmed && trimmed.length > 200) throw badInput('idempotencyKey has at most 200 characters');
  return trimmed;
}

/** A retry of a reception already made with this key (a double click, a lost answer): its dossier. */
async function retryOf(ctx: IntakeContext, caller: Caller, idempotencyKey: string | null) {
  const first = idempotencyKey ? await ctx.db.getRepository(Dossier).findOneBy({ idempotencyKey }) : null;
  return first ? answerRetry(ctx, caller, first) : null;
}

/** Free text of the documents, before anything else is looked at. */
function checkDocumentTexts(documents: readonly DocumentInput[]): void {
  for (const d of documents) {
    checkLength(d.componentCode, 'documents.componentCode', 'code');
    checkLength(d.title, 'documents.title', 'name');
    checkLength(d.upload?.mimeType, 'documents.upload.mimeType', 'code');
  }
}

/** File names, once the documents' content passed its checks (a size or type problem is the one to report first). */
function checkFileNames(documents: readonly DocumentInput[]): void {
  for (const d of documents) checkLength(d.upload?.fileName, 'documents.upload.fileName', 'name');
}

/** A retried submission gets the first dossier back, but only if the caller may see it. */
async function answerRetry(ctx: IntakeContext, caller: Caller, dossier: Dossier): Promise<Dossier> {
  const applicant = await ctx.db.getRepository(Applicant).findOneByOrFail({ id: dossier.applicantId });
  if (!(await canSeeDossier(ctx, dossier, applicant))) throw conflict('This idempotencyKey was used for another dossier');
  return dossier;
}

/**
 * The next number of the centre's day. The upsert takes a row lock on (centre, day) that is held
 * to commit: concurrent receptions queue here, and a rolled-back reception gives its number back,
 * so the codes stay consecutive without gaps.
 */
async function nextSequence(manager: EntityManager, centreId: string, day: string): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO dossier_sequence (centre_id, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (centre_id, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1 RETURNING last_value`,
    [centreId, day],
  );
  return row.last_value;
}

/** The dossier under a row lock, with the caller's right to act on it checked. */
async function lockDossier(manager: EntityManager, ctx: IntakeContext, dossierId: string, operation: 'acceptDossier' | 'refuseDossier' = 'acceptDossier'): Promise<{ dossier: Dossier; caller: Caller }> {
  const dossier = isUuid(dossierId) ? await manager.findOne(Dossier, { where: { id: dossierId }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!dossier) throw notFound('Dossier');
  const applicant = await manager.findOneByOrFail(Applicant, { id: dossier.applicantId });
  // The centre check reads through this transaction: waiting for a second connection while
  // holding the lock froze intake when the pool filled with requests queued for that lock.
  const within = { caller: ctx.caller, deps: { centres: ctx.deps.centres.within(manager) } };
  return { dossier, caller: await authorizeDossier(within, operation, dossier, applicant) };
}

/** An intake officer accepts an online dossier (1 → 2): reception day and due date run from now. */
export async function acceptDossier(_: unknown, { dossierId }: { dossierId: string }, ctx: IntakeContext) {
  requireCaller(ctx);
  const calendar = await ctx.deps.calendar();
  return ctx.db.transaction(async (manager) => {
    const { dossier, caller } = await lockDossier(manager, ctx, dossierId);
    if (dossier.status !== 'NEW') throw conflict(`Only a new online dossier can be accepted; this one is ${dossier.status}`, { status: dossier.status });
    const procedure = await manager.findOneByOrFail(Procedure, { id: dossier.procedureId });
    const now = new Date();
    Object.assign(dossier, {
      receivedAt: now, receptionDay: calendar.receptionDay(now), status: 'RECEIVED', nationalStatusCode: 2, statusAt: now,
      dueAt: calendar.dueAt(now, { amount: procedure.timeAmount, unit: procedure.timeUnit }),
    });
    await manager.update(Dossier, { id: dossier.id }, {
      receivedAt: dossier.receivedAt, receptionDay: dossier.receptionDay, status: dossier.status,
      nationalStatusCode: dossier.nationalStatusCode, statusAt: now, dueAt: dossier.dueAt,
    });
    await publish(manager, 'DossierAccepted', dossier.id, {
      dossierId: dossier.id, receivedAt: now.toISOString(), receptionDay: dossier.receptionDay!, dueAt: dossier.dueAt!.toISOString(), actor: actorOf(caller),
    }, { correlationId: ctx.correlationId });
    return dossier;
  });
}

/**
 * Từ chối tiếp nhận: an intake officer refuses an online dossier (1 → 3) with the reason. It is
 * decided here, under the same row lock as acceptance, so that a dossier is never both accepted and
 * refused (each was once decided by another service, and intake could accept a dossier processing
 * had just refused); processing applies DossierRefused and announces the new status.
 */
export async function refuseDossier(_: unknown, { dossierId, reason }: { dossierId: string; reason: string }, ctx: IntakeContext) {
  requireCaller(ctx);
  if (!reason?.trim()) throw badInput('reason is required');
  checkLength(reason, 'reason', 'reason');
  return ctx.db.transaction(async (manager) => {
    const { dossier, caller } = await lockDossier(manager, ctx, dossierId, 'refuseDossier');
    if (dossier.status !== 'NEW') throw conflict(`Only a new online dossier can be refused; this one is ${dossier.status}`, { status: dossier.status });
    const now = new Date();
    Object.assign(dossier, { status: 'NOT_ACCEPTED', nationalStatusCode: 3, statusAt: now });
    await manager.update(Dossier, { id: dossier.id }, { status: dossier.status, nationalStatusCode: dossier.nationalStatusCode, statusAt: now });
    await publish(manager, 'DossierRefused', dossier.id, {
      dossierId: dossier.id, reason: reason.trim(), refusedAt: now.toISOString(), actor: actorOf(caller),
    }, { correlationId: ctx.correlationId, occurredAt: now });
    return dossier;
  });
}

/**
 * The applicant supplies what processing asked for (bổ sung hồ sơ, 5 → 4). The clock resumes now
 * with the working time that was left when it stopped; processing applies SupplementSubmitted
 * with the same calendar arithmetic from resumedAt, so both compute the same dueAt.
 */
export async function submitSupplement(_: unknown, { dossierId, documents }: { dossierId: string; documents: DocumentInput[] }, ctx: IntakeContext) {
  requireCaller(ctx);
  checkDocumentTexts(documents);
  return catchingUp(ctx, () => supplement(ctx, dossierId, documents));
}

/** A supplementation that intake's replica does not know was asked for yet waits for processing's event (catchingUp). */
function notRequested(dossier: Dossier) {
  const refusal = conflict(`No supplementation was requested; the dossier is ${dossier.status}`, { status: dossier.status });
  return mayBeAskedForSupplement(dossier.status) ? awaitingEvent(refusal, dossier.id) : refusal;
}

async function supplement(ctx: IntakeContext, dossierId: string, documents: DocumentInput[]) {
  const found = isUuid(dossierId) ? await ctx.db.getRepository(Dossier).findOneBy({ id: dossierId }) : null;
  if (!found) throw notFound('Dossier');
  const applicant = await ctx.db.getRepository(Applicant).findOneByOrFail({ id: found.applicantId });
  const caller = await authorizeDossier(ctx, 'submitSupplement', found, applicant);
  if (found.status !== 'SUPPLEMENT_REQUESTED') throw notRequested(found);
  if (!documents.length) throw badInput('A supplementation brings at least one document');

  const procedure = await ctx.db.getRepository(Procedure).findOneByOrFail({ id: found.procedureId });
  const now = new Date();
  const today = localDate(now);
  const requested = (found.requestedComponentCodes ?? []).filter((code) => procedure.components.some((c) => c.code === code));
  const plan = checkDocuments(ctx, procedure.components, documents, requested, today);
  checkFileNames(documents);
  await checkReuses(ctx, plan, applicant.identityNumber, found.centreId, today);
  const calendar = await ctx.deps.calendar();
  const checked: CheckedDocuments = await storeBlobs(ctx, plan);
  try {
    return await ctx.db.transaction(async (manager) => {
      const dossier = await manager.findOneOrFail(Dossier, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      if (dossier.status !== 'SUPPLEMENT_REQUESTED') throw notRequested(dossier);
      const written = await writeDocuments(manager, checked,
        { dossierId: dossier.id, centreId: dossier.centreId, owner: applicant.identityNumber, caller, now, supplement: true });
      const dueAt = calendar.resume(now, dossier.remainingWorkingMinutes ?? 0);
      Object.assign(dossier, { status: 'PROCESSING', nationalStatusCode: 4, dueAt, statusAt: now, remainingWorkingMinutes: null, requestedComponentCodes: null });
      await manager.update(Dossier, { id: dossier.id }, {
        status: 'PROCESSING', nationalStatusCode: 4, dueAt, statusAt: now, remainingWorkingMinutes: null, requestedComponentCodes: null,
      });
      await publish(manager, 'SupplementSubmitted', dossier.id, {
        dossierId: dossier.id, resumedAt: now.toISOString(), recordIds: written.map((w) => w.recordId), actor: actorOf(caller),
      }, { correlationId: ctx.correlationId });
      return dossier;
    });
  } catch (err) {
    await discardBlobs(ctx, checked.newBlobs);
    throw err;
  }
}
