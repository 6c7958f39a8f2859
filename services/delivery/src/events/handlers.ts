import type { EventHandlers } from '@onestop/events';
import { applyCentreChanged } from '@onestop/service-kit';
import { applyDecision, applyStatusChange, notifyAccepted, notifyApology, openDelivery } from '../commands/dossier-events';
import type { DeliveryDeps } from '../deps';

/**
 * Delivery learns of a dossier at reception (with the applicant's contact details, kept only for
 * notifications) and of its decision. Each handler hands its event to a command (commands/dossier-events.ts)
 * with the stores bound to the consumer's transaction; a historical import's decision is
 * commands/imported-decision.ts.
 */
export function deliveryHandlers(deps: DeliveryDeps): EventHandlers {
  return {
    async CentreChanged({ event, manager }) {
      await applyCentreChanged(manager, event.payload);
    },
    DossierSubmitted: ({ event, manager }) => openDelivery(deps.stores.within(manager), event.payload),
    DossierAccepted: ({ event, manager }) => notifyAccepted(deps.stores.within(manager), event.payload),
    DossierStatusChanged: ({ event, manager }) => applyStatusChange(deps.stores.within(manager), event.payload),
    ApologyIssued: ({ event, manager }) => notifyApology(deps.stores.within(manager), event.payload),
    DossierDecided: ({ event, manager }) => applyDecision(deps.stores.within(manager), deps, event.payload),
  };
}
