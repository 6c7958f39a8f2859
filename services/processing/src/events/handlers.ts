import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '@onestop/events';
import { applyCalendarDayChanged, applyCentreChanged } from '@onestop/service-kit';
import type { AppliedEvent } from '../commands/applied-event';
import { importHistory } from '../commands/import-history';
import { acceptDossier, receiveDossier, refuseDossier } from '../commands/receive-dossier';
import { resumeAfterSupplement, returnResult } from '../commands/supplement-and-return';
import type { ProcessingDeps } from '../deps';

/**
 * What processing learns from the others: reception, acceptance and refusal (intake), supplements
 * (intake), historical imports (intake), returns (delivery), and the centre tree and declared days
 * it keeps replicas of. Each handler translates its event to a command (commands/), run in the
 * transaction that records the event as applied.
 */
export function processingHandlers(deps: ProcessingDeps): EventHandlers {
  const applied = (
    manager: EntityManager,
    event: { correlationId: string | null },
    logger?: AppliedEvent['logger'],
  ): AppliedEvent => ({ stores: deps.stores.within(manager), correlationId: event.correlationId, logger });

  return {
    CentreChanged: ({ event, manager }) => applyCentreChanged(manager, event.payload),
    CalendarDayChanged: ({ event, manager }) => applyCalendarDayChanged(manager, event.payload),
    DossierSubmitted: ({ event, manager }) => receiveDossier(applied(manager, event), event.payload),
    DossierAccepted: ({ event, manager }) => acceptDossier(applied(manager, event), event.payload),
    DossierRefused: ({ event, manager }) => refuseDossier(applied(manager, event), event.payload),
    SupplementSubmitted: ({ event, manager, logger }) =>
      resumeAfterSupplement(applied(manager, event, logger), event.payload),
    ResultReturned: ({ event, manager }) => returnResult(applied(manager, event), event.payload),
    DossierHistoryImported: ({ event, manager }) => importHistory(applied(manager, event), event.payload),
  };
}
