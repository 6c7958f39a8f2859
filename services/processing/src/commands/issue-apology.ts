import { actorOf, badInput, conflict } from '@onestop/service-kit';
import { mayApologise, newAppointmentProblem } from '../domain/clock';
import { transition } from '../domain/lifecycle';
import { apologyIssued } from '../events/apology-issued';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/**
 * Văn bản xin lỗi và đề nghị gia hạn: for a dossier that is late or has one working day or
 * less left. The applicant's appointment (dueAt) moves to newDueAt; the statutory due date stays,
 * so a late dossier stays late in statistics.
 */
export function issueApology(
  ctx: ProcessingContext,
  dossierId: string,
  reasonGiven: string,
  newDueAtGiven: Date | string,
) {
  const reason = required(reasonGiven, 'reason');
  const newDueAt = new Date(newDueAtGiven);
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'issueApology', d),
    async (a, caller) => {
      const d = a.dossier;
      const status = transition(d.status, 'APOLOGISE');
      const problem = newAppointmentProblem(newDueAt, a.now, d.dueAt);
      if (problem) throw badInput(problem, { field: 'newDueAt' });
      if (!mayApologise(a.calendar, a.now, d.statutoryDueAt ?? d.dueAt!)) {
        throw conflict('The dossier is neither late nor due within one working day: no apology is due');
      }
      await a.stores.apologies.add({
        dossierId: d.id,
        reason,
        previousDueAt: d.dueAt!,
        newDueAt,
        issuedAt: a.now,
        issuedBy: caller.name,
        centreId: d.processingCentreId,
      });
      await a.stores.outbox.publish(
        'ApologyIssued',
        d.id,
        apologyIssued(d, { reason, newDueAt, at: a.now, actor: actorOf(caller) }),
        { correlationId: ctx.correlationId, occurredAt: a.now },
      );
      return record(
        a,
        caller,
        ctx,
        'APOLOGISE',
        { status, dueAt: newDueAt },
        { reason, note: `${reason} (new appointment ${newDueAt.toISOString()})` },
      );
    },
  );
}
