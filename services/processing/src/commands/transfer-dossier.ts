import { awaitingEvent, badInput, isUuid, notFound } from '@onestop/service-kit';
import { transition } from '../domain/lifecycle';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/**
 * Liên thông: another centre goes on with the dossier, at the step it has reached. The
 * receiving centre, the code and the due dates stay.
 */
export function transferDossier(ctx: ProcessingContext, dossierId: string, toCentreId: string, reasonGiven: string) {
  const reason = required(reasonGiven, 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'transferDossier', d),
    async (a, caller) => {
      const centres = a.stores.centres; // the dossier is locked: no second connection
      const to = isUuid(toCentreId) ? await centres.byId(toCentreId) : null;
      if (!to) throw isUuid(toCentreId) ? awaitingEvent(notFound('Centre'), toCentreId) : notFound('Centre'); // a new centre reaches processing by event
      if (to.id === a.dossier.processingCentreId) throw badInput('The dossier is already processed at that centre');
      const status = transition(a.dossier.status, 'TRANSFER');
      const from = await centres.byId(a.dossier.processingCentreId);
      return record(
        a,
        caller,
        ctx,
        'TRANSFER',
        { status, processingCentreId: to.id },
        { reason, note: `${from?.code ?? a.dossier.processingCentreId} → ${to.code}: ${reason}` },
      );
    },
  );
}
