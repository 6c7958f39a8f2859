import { WorkingCalendar, type CalendarDay } from '@onestop/calendar';
import type { CentreChangedV1 } from '@onestop/events';
import type { DossierFact } from '../persistence';
import type { FactDimensions } from '../persistence/counters';
import type { ProcedureLabel } from '../persistence/procedure-labels';
import type { StatisticsStores } from '../persistence/stores';
import { addMeasures, mergeDeltas, zeroMeasures, type CounterDelta, type Measures } from '../domain/measures';

/** What the in-memory stores hold: what a command's outcome is read from in a unit test. */
export interface InMemoryState {
  facts: Map<string, DossierFact>;
  /** The receiving centre's own counts per local day (the SQL store also writes months, years and ancestors from the same deltas). */
  counters: Map<string, Measures>;
  /** Receptions per `centre|day|hour`, and at the counter. */
  traffic: Map<string, { received: number; atCounter: number }>;
  labels: Map<string, ProcedureLabel>;
  declared: CalendarDay[];
  centres: CentreChangedV1[];
}

/**
 * Statistics' stores in memory, for the commands' unit tests. Each command runs in the consumer's
 * transaction, so there is no transaction to open here: the tests read the state after the call.
 * A fact is stored as a copy, as a row would be, and `load` gives a fresh copy of it (its dates are never
 * changed in place, so a shallow copy is one).
 */
export class InMemoryStatisticsStores implements StatisticsStores {
  state: InMemoryState = {
    facts: new Map(),
    counters: new Map(),
    traffic: new Map(),
    labels: new Map(),
    declared: [],
    centres: [],
  };

  /** The own counts of a centre on a local day (zeros when nothing was counted). */
  countsOn(centreId: string, day: string): Measures {
    return this.state.counters.get(`${centreId}|${day}`) ?? zeroMeasures();
  }

  /** The own counts of a centre over every day: flows added up, stocks as their running total. */
  totals(centreId: string): Measures {
    return [...this.state.counters]
      .filter(([key]) => key.startsWith(`${centreId}|`))
      .reduce((sum, [, m]) => addMeasures(sum, m), zeroMeasures());
  }

  facts: StatisticsStores['facts'] = {
    load: async (dossierId) => {
      const fact = this.state.facts.get(dossierId);
      return fact ? { ...fact } : null;
    },
    insert: async (fact) => {
      if (this.state.facts.has(fact.dossierId)) return false;
      this.state.facts.set(fact.dossierId, { ...fact });
      return true;
    },
    save: async (fact, patch) => {
      Object.assign(fact, patch);
      this.state.facts.set(fact.dossierId, { ...fact });
    },
  };

  counters: StatisticsStores['counters'] = {
    add: async (dims: FactDimensions, deltas: CounterDelta[]) => {
      for (const { day, measures } of mergeDeltas(deltas)) {
        const key = `${dims.centreId}|${day}`;
        this.state.counters.set(key, addMeasures(this.state.counters.get(key) ?? zeroMeasures(), measures));
      }
    },
    countReception: async (centreId, day, hour, atCounter) => {
      const key = `${centreId}|${day}|${hour}`;
      const row = this.state.traffic.get(key) ?? { received: 0, atCounter: 0 };
      this.state.traffic.set(key, { received: row.received + 1, atCounter: row.atCounter + (atCounter ? 1 : 0) });
    },
    applyCentreChanged: async (p) => {
      this.state.centres.push(p);
    },
  };

  procedureLabels: StatisticsStores['procedureLabels'] = {
    label: async (label, from) => {
      const kept = this.state.labels.get(label.code);
      if (!kept || kept.version < label.version || (from === 'catalogue' && kept.version === label.version))
        this.state.labels.set(label.code, label);
    },
  };

  calendar: StatisticsStores['calendar'] = {
    current: async () => new WorkingCalendar({ declared: this.state.declared }),
    applyDayChanged: async (p) => {
      this.state.declared = [...this.state.declared.filter((d) => d.date !== p.date), p];
    },
  };
}
