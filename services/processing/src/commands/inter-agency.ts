import { actorOf, checkLength } from '@onestop/service-kit';
import { acceptAtAgency, returnFromAgency } from '../domain/dossier-process';
import { interAgencyEvent } from '../events/inter-agency';
import { authorizeAgency } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/**
 * Liên thông: the receiving agency takes the dossier; its share of the time (the step's hours)
 * runs from now (shareDueAt). A dossier that waits for no agency's answer is CONFLICT.
 */
export function acceptInterAgency(ctx: ProcessingContext, dossierId: string, note?: string | null) {
  checkLength(note, 'note', 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeAgency(ctx, 'acceptInterAgency', d),
    async (a, caller) => {
      const agency = a.dossier.interAgency?.agencyCentreId;
      const updated = await record(
        a,
        caller,
        ctx,
        'ACCEPT_INTER_AGENCY',
        acceptAtAgency(a.calendar, a.dossier, a.now),
        {
          note: note?.trim() || null,
          centreId: agency,
          stepCode: a.dossier.steps[a.dossier.stepIndex].code,
          announce: false,
        },
      );
      await a.stores.outbox.publish(
        'InterAgencyAccepted',
        updated.id,
        interAgencyEvent(updated, { at: a.now, actor: actorOf(caller) }),
        { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
      );
      return updated;
    },
  );
}

/** The agency returns the dossier with a reason: it goes back to the step before the inter-agency one, restarted now. */
export function returnInterAgency(ctx: ProcessingContext, dossierId: string, reasonGiven: string) {
  const reason = required(reasonGiven, 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeAgency(ctx, 'returnInterAgency', d),
    async (a, caller) => {
      const agency = a.dossier.interAgency?.agencyCentreId;
      const stepCode = a.dossier.steps[a.dossier.stepIndex].code;
      const updated = await record(
        a,
        caller,
        ctx,
        'RETURN_INTER_AGENCY',
        returnFromAgency(a.calendar, a.dossier, a.now, reason),
        {
          reason,
          centreId: agency,
          stepCode,
          announce: false,
          rework: true,
        },
      );
      await a.stores.outbox.publish(
        'InterAgencyReturned',
        updated.id,
        interAgencyEvent(updated, { at: a.now, actor: actorOf(caller) }),
        { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
      );
      return updated;
    },
  );
}
