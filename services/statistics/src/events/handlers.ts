import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '@onestop/events';
import type { StatisticsDeps } from '../deps';
import { statisticsStores, type StatisticsRun, type StatisticsStores } from '../persistence/stores';
import { recordAcceptance, recordSubmission } from '../commands/reception';
import { applyStatusChange } from '../commands/status-change';
import { applyApology, applyDecision } from '../commands/decision';
import { applyRating, applyReturn } from '../commands/return-and-rating';
import { applyCalendarDayChanged, applyCentreChanged, applyProcedureChanged } from '../commands/replicas';

/**
 * Statistics reads nothing but events. Each handler only translates: the event's payload (at its
 * current version: the consumer upcasts older ones) into one command, over the stores bound to
 * the consumer's transaction and to its run. An event about a dossier whose earlier events have
 * not arrived yet throws NotReadyError in the command and is retried.
 */
export function statisticsHandlers(deps: StatisticsDeps): EventHandlers {
  const stores = (manager: EntityManager, run: unknown): StatisticsStores =>
    statisticsStores(manager, deps.calendar, run as StatisticsRun | undefined);
  return {
    CentreChanged: ({ event, manager, run }) => applyCentreChanged(stores(manager, run), event.payload),
    CalendarDayChanged: ({ event, manager, run }) => applyCalendarDayChanged(stores(manager, run), event.payload),
    ProcedureChanged: ({ event, manager, run }) => applyProcedureChanged(stores(manager, run), event.payload),
    DossierSubmitted: ({ event, manager, run }) => recordSubmission(stores(manager, run), event.payload),
    DossierAccepted: ({ event, manager, run }) => recordAcceptance(stores(manager, run), event.payload),
    DossierStatusChanged: ({ event, manager, run }) => applyStatusChange(stores(manager, run), event.payload),
    DossierDecided: ({ event, manager, run }) => applyDecision(stores(manager, run), event.payload),
    ApologyIssued: ({ event, manager, run }) => applyApology(stores(manager, run), event.payload),
    ResultReturned: ({ event, manager, run }) => applyReturn(stores(manager, run), event.payload),
    ServiceRated: ({ event, manager, run }) => applyRating(stores(manager, run), event.payload),
  };
}
