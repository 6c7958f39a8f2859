import type { CalendarDayChangedV1, CentreChangedV1, ProcedureChangedV1 } from '@onestop/events';
import type { StatisticsStores } from '../persistence/stores';

/** CentreChanged: the centre replica, and the subtree's counts re-homed when the centre moves. */
export const applyCentreChanged = (stores: StatisticsStores, p: CentreChangedV1): Promise<void> =>
  stores.counters.applyCentreChanged(p);

/** CalendarDayChanged: a declared day off or make-up working day, for processing times in working days. */
export const applyCalendarDayChanged = (stores: StatisticsStores, p: CalendarDayChangedV1): Promise<void> =>
  stores.calendar.applyDayChanged(p);

/** ProcedureChanged: the catalogue's name for the procedure's code, in report labels. */
export async function applyProcedureChanged(stores: StatisticsStores, p: ProcedureChangedV1): Promise<void> {
  await stores.procedureLabels.label({ code: p.code, name: p.name, sector: p.sector, version: p.version }, 'catalogue');
}
