import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { decodeUpload, UploadProblem } from '@onestop/blob-store';
import { isCalendarDate, type WorkingCalendar } from '@onestop/calendar';
import { publish } from '@onestop/events';
import { actorOf, awaitingEvent, badInput, catchingUp, checkLength, conflict, isUniqueViolation, isUuid, notFound, requireCaller, type Caller } from '@onestop/service-kit';
import { mayApologise, newAppointmentProblem } from '../domain/clock';
import { close, completeStep, decide, NotAtStep, restartClock, stopClock, type Patch } from '../domain/dossier-process';
import { mayBeBehind, RefusedTransition, transition } from '../domain/lifecycle';
import { workflowProblems, type WorkflowStep } from '../domain/workflow';
import { stepOutcome } from '../domain/clock';
import { Apology, ClockPause, ProcessingDossier, type StoredResult } from '../persistence';
import { appendHistory, commitTransition, loadDossier, publishStatusChanged, type Actor } from '../persistence/dossier-store';
import { defineWorkflowVersion } from '../persistence/workflows';
import { nowOf, type ProcessingContext } from '../deps';
import { authorizeCatalogue, authorizeDossier, requireRoleOfStep } from './access';


interface DecisionInput {
  dossierId: string;
  decision: 'APPROVED' | 'REJECTED';
  reason?: string | null;
  result?: { documentType: string; title: string; validUntil?: string | null; upload: { fileName: string; mimeType: string; contentBase64: string } } | null;
}

/** The largest result document accepted (bytes). */
const MAX_RESULT_BYTES = 20 * 1024 * 1024;

interface Act {
  manager: EntityManager;
  dossier: ProcessingDossier;
  now: Date;
  calendar: WorkingCalendar;
}

/**
 * Runs one lifecycle command: checks `authorize` on the dossier as read, then `apply` in one
 * transaction. A refused transition or a dossier changed meanwhile is CONFLICT and writes nothing.
 * A dossier not known here yet (its reception is on its way from intake), or refused in a status
 * another service moves on, first waits for that service's event (catchingUp).
 */
async function act(ctx: ProcessingContext, dossierId: string, authorize: (d: ProcessingDossier) => Promise<Caller>, apply: (a: Act, caller: Caller) => Promise<ProcessingDossier>) {
  requireCaller(ctx); // no token: UNAUTHENTICATED before anything is looked up
  if (!isUuid(dossierId)) throw notFound('Dossier');
  const calendar = await ctx.deps.calendar();
  return catchingUp(ctx, async () => {
    const now = nowOf(ctx.deps);
    const seen = await loadDossier(ctx.db.manager, dossierId).catch((err) => { throw awaitingEvent(err, dossierId); });
    try {
      const caller = await authorize(seen);
      return await ctx.db.transaction(async (manager) => apply({ manager, dossier: await loadDossier(manager, dossierId), now, calendar }, caller));
    } catch (err) {
      const refusal = err instanceof RefusedTransition || err instanceof NotAtStep ? conflict(err.message) : err;
      throw mayBeBehind(seen.status) ? awaitingEvent(refusal, dossierId) : refusal;
    }
  });
}

const actor = (caller: Caller): Actor => ({ id: caller.id, name: caller.name, role: caller.role });
const required = (value: string | null | undefined, what: string, kind: 'code' | 'name' | 'reason' = 'reason') => {
  if (!value?.trim()) throw badInput(`${what} is required`);
  checkLength(value, what, kind);
  return value.trim();
};

/** Changes the dossier, writes the control slip's line and announces the new status, in one go. */
async function record(a: Act, caller: Caller, ctx: ProcessingContext, action: string, patch: Patch & Partial<ProcessingDossier>, extra: { note?: string | null; reason?: string | null; componentCodes?: string[]; centreId?: string; stepCode?: string; stepDueAt?: Date | null; stepOutcome?: 'EARLY' | 'ON_TIME' | 'LATE' | null; announce?: boolean } = {}) {
  const before = a.dossier.processingCentreId;
  const updated = await commitTransition(a.manager, a.dossier, patch);
  await appendHistory(a.manager, updated, {
    action, actor: actor(caller), at: a.now, note: extra.note ?? extra.reason ?? null, centreId: extra.centreId ?? before,
    stepCode: extra.stepCode, stepDueAt: extra.stepDueAt, stepOutcome: extra.stepOutcome,
  });
  if (extra.announce !== false) {
    await publishStatusChanged(a.manager, updated, {
      action, at: a.now, actor: actorOf(caller), reason: extra.reason, componentCodes: extra.componentCodes, correlationId: ctx.correlationId,
    });
  }
  return updated;
}

export const Mutation = {
  async defineWorkflow(_: unknown, { input }: { input: { procedureCode: string; steps: WorkflowStep[] } }, ctx: ProcessingContext) {
    const caller = await authorizeCatalogue(ctx, 'defineWorkflow');
    const procedureCode = required(input.procedureCode, 'procedureCode', 'code');
    for (const s of input.steps) {
      checkLength(s.code, 'steps.code', 'code');
      checkLength(s.name, 'steps.name', 'name');
    }
    const steps = input.steps.map((s) => ({ code: s.code?.trim(), name: s.name?.trim(), role: s.role, durationHours: s.durationHours }));
    const problems = workflowProblems(steps);
    if (problems.length) throw badInput(problems.join('; '), { problems });
    try {
      return await ctx.db.transaction((manager) => defineWorkflowVersion(manager, procedureCode, steps, caller.name, nowOf(ctx.deps)));
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('Another version of this workflow was defined at the same moment; try again');
      throw err;
    }
  },

  withdrawDossier(_: unknown, args: { dossierId: string; reason: string }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'withdrawDossier', d), (a, caller) =>
      record(a, caller, ctx, 'WITHDRAW', close(a.dossier, 'WITHDRAW'), { reason }));
  },

  /** The current step is done; the next begins. The first step's completion starts processing (2→4). */
  completeStep(_: unknown, args: { dossierId: string; note?: string | null }, ctx: ProcessingContext) {
    checkLength(args.note, 'note', 'reason');
    return act(ctx, args.dossierId, (d) => requireRoleOfStep(ctx, 'completeStep', d, d.stepIndex), async (a, caller) => {
      const d = a.dossier;
      // The role is checked again on the row read in the transaction: the step may have moved on.
      if (d.steps[d.stepIndex]?.role !== caller.role) throw conflict(`The dossier has moved on to step ${d.steps[d.stepIndex]?.code}`);
      const { patch, finished, outcome } = completeStep(a.calendar, d, a.now);
      return record(a, caller, ctx, 'COMPLETE_STEP', patch, {
        note: args.note?.trim() || null, stepCode: finished.code, stepDueAt: d.stepDueAt, stepOutcome: outcome, announce: d.status !== patch.status,
      });
    });
  },

  /** Yêu cầu bổ sung, hoàn thiện hồ sơ (4→5): the clock stops; the slip is printable at /processing/dossiers/:id/supplement-request. */
  requestSupplement(_: unknown, args: { dossierId: string; reason: string; componentCodes: string[] }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    args.componentCodes.forEach((c) => checkLength(c, 'componentCodes', 'code'));
    const componentCodes = [...new Set(args.componentCodes.map((c) => c.trim()))];
    if (componentCodes.length === 0 || componentCodes.some((c) => !c)) throw badInput('Name at least one component, by its code');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'requestSupplement', d), async (a, caller) => {
      const patch = stopClock(a.calendar, a.dossier, a.now, 'REQUEST_SUPPLEMENT');
      await a.manager.insert(ClockPause, {
        dossierId: a.dossier.id, kind: 'SUPPLEMENT', reason, componentCodes, amountVnd: null, centreId: a.dossier.processingCentreId,
        requestedAt: a.now, requestedBy: caller.name, remainingMinutes: patch.pausedRemainingMinutes ?? null,
      });
      return record(a, caller, ctx, 'REQUEST_SUPPLEMENT', patch, { reason, componentCodes, note: `${reason} [${componentCodes.join(', ')}]` });
    });
  },

  /** Yêu cầu thực hiện nghĩa vụ tài chính (4→6): the clock stops until the payment is confirmed. */
  requestFinancialObligation(_: unknown, args: { dossierId: string; reason: string; amountVnd: number }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    if (!Number.isInteger(args.amountVnd) || args.amountVnd <= 0) throw badInput('amountVnd must be a positive whole number of đồng');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'requestFinancialObligation', d), async (a, caller) => {
      const patch = stopClock(a.calendar, a.dossier, a.now, 'REQUEST_FINANCIAL_OBLIGATION');
      await a.manager.insert(ClockPause, {
        dossierId: a.dossier.id, kind: 'FINANCIAL_OBLIGATION', reason, componentCodes: [], amountVnd: String(args.amountVnd),
        centreId: a.dossier.processingCentreId, requestedAt: a.now, requestedBy: caller.name, remainingMinutes: patch.pausedRemainingMinutes ?? null,
      });
      return record(a, caller, ctx, 'REQUEST_FINANCIAL_OBLIGATION', patch, { reason, note: `${reason} (${args.amountVnd} VND)` });
    });
  },

  /** The obligation is paid (6→4): the clock resumes now with the time it kept. */
  confirmFinancialObligation(_: unknown, args: { dossierId: string; note?: string | null }, ctx: ProcessingContext) {
    checkLength(args.note, 'note', 'reason');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'confirmFinancialObligation', d), async (a, caller) => {
      const patch = restartClock(a.calendar, a.dossier, a.now, 'CONFIRM_FINANCIAL_OBLIGATION');
      await a.manager.query(`UPDATE clock_pause SET resumed_at = $2 WHERE dossier_id = $1 AND resumed_at IS NULL`, [a.dossier.id, a.now]);
      return record(a, caller, ctx, 'CONFIRM_FINANCIAL_OBLIGATION', patch, { note: args.note?.trim() || null });
    });
  },

  /** Dừng xử lý (4→8), by a leader of the processing centre, with the reason. */
  stopDossier(_: unknown, args: { dossierId: string; reason: string }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'stopDossier', d), (a, caller) =>
      record(a, caller, ctx, 'STOP', close(a.dossier, 'STOP'), { reason }));
  },

  /**
   * Liên thông: another centre goes on with the dossier, at the step it has reached. The
   * receiving centre, the code and the due dates stay.
   */
  transferDossier(_: unknown, args: { dossierId: string; toCentreId: string; reason: string }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'transferDossier', d), async (a, caller) => {
      const centres = ctx.deps.centres.within(a.manager); // the dossier is locked: no second connection
      const to = isUuid(args.toCentreId) ? await centres.byId(args.toCentreId) : null;
      if (!to) throw isUuid(args.toCentreId) ? awaitingEvent(notFound('Centre'), args.toCentreId) : notFound('Centre'); // a new centre reaches processing by event
      if (to.id === a.dossier.processingCentreId) throw badInput('The dossier is already processed at that centre');
      const status = transition(a.dossier.status, 'TRANSFER');
      const from = await centres.byId(a.dossier.processingCentreId);
      return record(a, caller, ctx, 'TRANSFER', { status, processingCentreId: to.id }, { reason, note: `${from?.code ?? a.dossier.processingCentreId} → ${to.code}: ${reason}` });
    });
  },

  /** The decision (4→9) at the decision step, by its role: APPROVED with a result document, or REJECTED with reasons. */
  async decideDossier(_: unknown, { input }: { input: DecisionInput }, ctx: ProcessingContext) {
    checkLength(input.reason, 'reason', 'reason');
    const reason = input.reason?.trim() || null;
    if (input.decision === 'REJECTED' && !reason) throw badInput('A rejection needs its reasons');
    if (input.decision === 'APPROVED' && !input.result) throw badInput('An approval needs its result document');
    const upload = input.result ? decodeResult(input.result) : null;
    return act(ctx, input.dossierId, (d) => requireRoleOfStep(ctx, 'decideDossier', d, d.steps.length - 1), async (a, caller) => {
      const d = a.dossier;
      const patch = decide(d, a.now);
      let result: StoredResult | null = null;
      if (upload) {
        const stored = await ctx.deps.blobs.put(upload.content);
        result = { recordId: randomUUID(), ...upload.meta, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
      }
      const step = d.steps[d.stepIndex];
      const updated = await record(a, caller, ctx, 'DECIDE', { ...patch, decision: input.decision, result }, {
        reason, note: `${input.decision}${reason ? `: ${reason}` : ''}`, stepCode: step.code, stepDueAt: d.stepDueAt,
        stepOutcome: d.stepDueAt ? stepOutcome(a.now, d.stepDueAt) : null,
      });
      // dueAt here is the statutory one: a dossier decided after it is late, apology or not.
      await publish(a.manager, 'DossierDecided', d.id, {
        dossierId: d.id, code: d.code, decision: input.decision, reason, resolvedAt: a.now.toISOString(),
        dueAt: (d.statutoryDueAt ?? d.dueAt ?? a.now).toISOString(), processingCentreId: d.processingCentreId,
        result, actor: actorOf(caller),
      }, { correlationId: ctx.correlationId, occurredAt: a.now });
      return updated;
    });
  },

  /**
   * Văn bản xin lỗi và đề nghị gia hạn: for a dossier that is late or has one working day or
   * less left. The applicant's appointment (dueAt) moves to newDueAt; the statutory due date stays,
   * so a late dossier stays late in statistics.
   */
  issueApology(_: unknown, args: { dossierId: string; reason: string; newDueAt: Date }, ctx: ProcessingContext) {
    const reason = required(args.reason, 'reason');
    const newDueAt = new Date(args.newDueAt);
    return act(ctx, args.dossierId, (d) => authorizeDossier(ctx, 'issueApology', d), async (a, caller) => {
      const d = a.dossier;
      const status = transition(d.status, 'APOLOGISE');
      const problem = newAppointmentProblem(newDueAt, a.now, d.dueAt);
      if (problem) throw badInput(problem, { field: 'newDueAt' });
      if (!mayApologise(a.calendar, a.now, d.statutoryDueAt ?? d.dueAt!)) {
        throw conflict('The dossier is neither late nor due within one working day: no apology is due');
      }
      await a.manager.insert(Apology, {
        dossierId: d.id, reason, previousDueAt: d.dueAt!, newDueAt, issuedAt: a.now, issuedBy: caller.name, centreId: d.processingCentreId,
      });
      await publish(a.manager, 'ApologyIssued', d.id, {
        dossierId: d.id, code: d.code, reason, newDueAt: newDueAt.toISOString(), statutoryDueAt: d.statutoryDueAt?.toISOString(),
        issuedAt: a.now.toISOString(), actor: actorOf(caller),
      }, { correlationId: ctx.correlationId, occurredAt: a.now });
      return record(a, caller, ctx, 'APOLOGISE', { status, dueAt: newDueAt }, { reason, note: `${reason} (new appointment ${newDueAt.toISOString()})` });
    });
  },
};

function decodeResult(result: NonNullable<DecisionInput['result']>) {
  const documentType = required(result.documentType, 'result.documentType', 'code');
  const title = required(result.title, 'result.title', 'name');
  const fileName = required(result.upload?.fileName, 'result.upload.fileName', 'name');
  const mimeType = required(result.upload?.mimeType, 'result.upload.mimeType', 'code');
  let content: Buffer;
  try {
    // the same allow-list and content check as the applicants' documents: a result is served to the citizen as stored
    content = decodeUpload({ fileName, mimeType, contentBase64: result.upload?.contentBase64 ?? '' }, MAX_RESULT_BYTES);
  } catch (err) {
    if (err instanceof UploadProblem) throw badInput(`The result document: ${err.message}`, { field: 'result.upload' });
    throw err;
  }
  const validUntil = result.validUntil ?? null;
  if (validUntil !== null && !isCalendarDate(validUntil)) throw badInput('result.validUntil must be a real date YYYY-MM-DD');
  return { content, meta: { documentType, title, fileName, mimeType, validUntil: validUntil === null ? null : String(validUntil) } };
}
