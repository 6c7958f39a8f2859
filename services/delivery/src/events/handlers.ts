import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '@onestop/events';
import { applyCentreChanged } from '@onestop/service-kit';
import {
  applyDecision,
  applyStatusChange,
  notifyAccepted,
  notifyApology,
  openDelivery,
} from '../commands/dossier-events';
import type { DeliveryDeps } from '../deps';
import type { DeliveryRun } from '../persistence/deliveries';

/**
 * Delivery learns of a dossier at reception (with the applicant's contact details, kept only for
 * notifications) and of its decision. Each handler hands its event to a command (commands/dossier-events.ts)
 * with the stores bound to the consumer's transaction and its run (the deliveries it read at once); a historical import's decision is
 * commands/imported-decision.ts.
 */
export function deliveryHandlers(deps: DeliveryDeps): EventHandlers {
  const stores = (manager: EntityManager, run: unknown) => deps.stores.within(manager, run as DeliveryRun | undefined);
  return {
    async CentreChanged({ event, manager }) {
      await applyCentreChanged(manager, event.payload);
    },
    DossierSubmitted: ({ event, manager, run }) => openDelivery(stores(manager, run), event.payload),
    DossierAccepted: ({ event, manager, run }) => notifyAccepted(stores(manager, run), event.payload),
    DossierStatusChanged: ({ event, manager, run }) => applyStatusChange(stores(manager, run), event.payload),
    ApologyIssued: ({ event, manager, run }) => notifyApology(stores(manager, run), event.payload),
    DossierDecided: ({ event, manager, run }) => applyDecision(stores(manager, run), deps, event.payload),
  };
}
