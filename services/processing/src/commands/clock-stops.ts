import { badInput, checkLength } from '@onestop/service-kit';
import { restartClock, stopClock } from '../domain/dossier-process';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/** Yêu cầu bổ sung, hoàn thiện hồ sơ (4→5): the clock stops; the slip is printable at /processing/dossiers/:id/supplement-request. */
export function requestSupplement(
  ctx: ProcessingContext,
  dossierId: string,
  reasonGiven: string,
  componentCodesGiven: string[],
) {
  const reason = required(reasonGiven, 'reason');
  componentCodesGiven.forEach((c) => checkLength(c, 'componentCodes', 'code'));
  const componentCodes = [...new Set(componentCodesGiven.map((c) => c.trim()))];
  if (componentCodes.length === 0 || componentCodes.some((c) => !c))
    throw badInput('Name at least one component, by its code');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'requestSupplement', d),
    async (a, caller) => {
      const patch = stopClock(a.calendar, a.dossier, a.now, 'REQUEST_SUPPLEMENT');
      await a.stores.clockPauses.open({
        dossierId: a.dossier.id,
        kind: 'SUPPLEMENT',
        reason,
        componentCodes,
        amountVnd: null,
        centreId: a.dossier.processingCentreId,
        requestedAt: a.now,
        requestedBy: caller.name,
        remainingMinutes: patch.pausedRemainingMinutes ?? null,
      });
      return record(a, caller, ctx, 'REQUEST_SUPPLEMENT', patch, {
        reason,
        componentCodes,
        note: `${reason} [${componentCodes.join(', ')}]`,
      });
    },
  );
}

/** Yêu cầu thực hiện nghĩa vụ tài chính (4→6): the clock stops until the payment is confirmed. */
export function requestFinancialObligation(
  ctx: ProcessingContext,
  dossierId: string,
  reasonGiven: string,
  amountVnd: number,
) {
  const reason = required(reasonGiven, 'reason');
  if (!Number.isInteger(amountVnd) || amountVnd <= 0)
    throw badInput('amountVnd must be a positive whole number of đồng');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'requestFinancialObligation', d),
    async (a, caller) => {
      const patch = stopClock(a.calendar, a.dossier, a.now, 'REQUEST_FINANCIAL_OBLIGATION');
      await a.stores.clockPauses.open({
        dossierId: a.dossier.id,
        kind: 'FINANCIAL_OBLIGATION',
        reason,
        componentCodes: [],
        amountVnd: String(amountVnd),
        centreId: a.dossier.processingCentreId,
        requestedAt: a.now,
        requestedBy: caller.name,
        remainingMinutes: patch.pausedRemainingMinutes ?? null,
      });
      return record(a, caller, ctx, 'REQUEST_FINANCIAL_OBLIGATION', patch, {
        reason,
        note: `${reason} (${amountVnd} VND)`,
      });
    },
  );
}

/** The obligation is paid (6→4): the clock resumes now with the time it kept. */
export function confirmFinancialObligation(ctx: ProcessingContext, dossierId: string, note?: string | null) {
  checkLength(note, 'note', 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'confirmFinancialObligation', d),
    async (a, caller) => {
      const patch = restartClock(a.calendar, a.dossier, a.now, 'CONFIRM_FINANCIAL_OBLIGATION');
      await a.stores.clockPauses.resume(a.dossier.id, a.now);
      return record(a, caller, ctx, 'CONFIRM_FINANCIAL_OBLIGATION', patch, { note: note?.trim() || null });
    },
  );
}
