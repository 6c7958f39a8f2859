import type { EntityManager } from 'typeorm';
import type { CalendarDayChangedV1, EventEnvelope, RunWrites } from '@onestop/events';
import { applyCalendarDayChanged } from '@onestop/service-kit';
import type { WorkingCalendar } from '@onestop/calendar';
import { CounterRun, SqlCounterStore, type CounterStore } from './counters';
import { FactRun, SqlFactStore, type FactStore } from './facts';
import { LabelRun, SqlProcedureLabelStore, type ProcedureLabelStore } from './procedure-labels';
import type { ReplicaCalendar } from './replica-calendar';

/** The declared days (`calendar_day_replica`, service-kit's replica) and the working calendar they make. */
export interface CalendarStore {
  /** The working calendar as this transaction sees it (read once per run: a run resolves many dossiers). */
  current(): Promise<WorkingCalendar>;
  /** A declared day replicated; the run reads the calendar again after it. */
  applyDayChanged(p: CalendarDayChangedV1): Promise<void>;
}

/** Statistics' stores, bound to one transaction (the consumer's): what an event's command reads and writes. */
export interface StatisticsStores {
  facts: FactStore;
  counters: CounterStore;
  procedureLabels: ProcedureLabelStore;
  calendar: CalendarStore;
}

/**
 * What a run of events (the consumer's batch, one transaction) keeps between its events, each part
 * owned by the store that reads and writes those rows: the facts read at once and written at the
 * end, the counter deltas and hourly traffic added up, the procedure labels, the calendar read
 * once. An event applied alone has no run: its stores read and write at once.
 */
export class StatisticsRun {
  readonly facts = new FactRun();
  readonly counters = new CounterRun();
  readonly labels = new LabelRun();
  calendar?: Promise<WorkingCalendar>;
}

/** The consumer's hooks: a run opens with its facts read in one statement, and writes what it gathered before it commits. */
export const statisticsRunWrites: RunWrites<StatisticsRun> = {
  async open(manager: EntityManager, events: EventEnvelope[]) {
    const run = new StatisticsRun();
    await run.facts.read(manager, events);
    return run;
  },
  async flush(manager: EntityManager, run: StatisticsRun) {
    await run.facts.write(manager);
    await run.counters.write(manager);
    await run.labels.write(manager);
  },
};

/** The stores over the consumer's transaction, and its run when it applies one (`run` of the handler's context). */
export function statisticsStores(
  manager: EntityManager,
  calendar: ReplicaCalendar,
  run?: StatisticsRun,
): StatisticsStores {
  // Without a run, the calendar is read once for this event's command.
  const memo: { calendar?: Promise<WorkingCalendar> } = run ?? {};
  return {
    facts: new SqlFactStore(manager, run?.facts),
    counters: new SqlCounterStore(manager, run?.counters),
    procedureLabels: new SqlProcedureLabelStore(manager, run?.labels),
    calendar: {
      current: () => (memo.calendar ??= calendar.current(manager)),
      async applyDayChanged(p) {
        await applyCalendarDayChanged(manager, p);
        memo.calendar = undefined;
      },
    },
  };
}
