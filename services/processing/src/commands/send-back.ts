import { actorOf } from '@onestop/service-kit';
import { sendBack as sendBackOf } from '../domain/dossier-process';
import { dossierSentBack } from '../events/dossier-sent-back';
import { requireSendBack } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/**
 * Trả lại: back to an earlier step for rework, with a reason (the current step's role, or a
 * LEADER). The step restarts now with a due time from the calendar; its holding is marked rework.
 */
export function sendBack(ctx: ProcessingContext, dossierId: string, toStepCodeGiven: string, reasonGiven: string) {
  const reason = required(reasonGiven, 'reason');
  const toStepCode = required(toStepCodeGiven, 'toStepCode', 'code');
  return act(
    ctx,
    dossierId,
    (d) => requireSendBack(ctx, d),
    async (a, caller) => {
      const d = a.dossier;
      const { patch, from, to } = sendBackOf(a.calendar, d, toStepCode, a.now);
      const updated = await record(a, caller, ctx, 'SEND_BACK', patch, {
        note: `${from.code} → ${to.code}: ${reason}`,
        stepCode: from.code,
        stepDueAt: d.stepDueAt,
        announce: false,
        rework: true,
      });
      await a.stores.outbox.publish(
        'DossierSentBack',
        d.id,
        dossierSentBack(updated, {
          fromStepCode: from.code,
          toStepCode: to.code,
          reason,
          stepDueAt: patch.stepDueAt!,
          at: a.now,
          actor: actorOf(caller),
        }),
        { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
      );
      return updated;
    },
  );
}
