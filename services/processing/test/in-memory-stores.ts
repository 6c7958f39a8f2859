import type { WorkingCalendar } from '@onestop/calendar';
import type { EventType, OutgoingEvent } from '@onestop/events';
import { conflict, notFound, type CentreDirectory, type CentreRef } from '@onestop/service-kit';
import { defaultWorkflow, type WorkflowTemplate } from '../src/domain/workflow';
import type { ProcessingDossier } from '../src/persistence';
import type { NewApology } from '../src/persistence/apologies';
import type { ImportedPause, NewClockPause } from '../src/persistence/clock-pauses';
import type { HistoryLine, ImportedHistoryLine } from '../src/persistence/history';
import type { ProcessingStoreAccess, ProcessingStores } from '../src/persistence/stores';
import type { NewHolding } from '../src/persistence/holdings';
import type { Officer } from '../src/persistence/officers';

/** A copy of a dossier row (its Dates are never changed in place, so they may be shared). */
const clone = (d: ProcessingDossier): ProcessingDossier => ({
  ...d,
  steps: d.steps.map((s) => ({ ...s })),
  result: d.result ? { ...d.result } : null,
  branches: d.branches ? d.branches.map((b) => ({ ...b })) : d.branches,
  interAgency: d.interAgency ? { ...d.interAgency } : d.interAgency,
});

/**
 * Processing's stores held in memory, for commands' unit tests. A transaction works on copies and
 * keeps them only if the work succeeds, as PostgreSQL would: a refused command leaves nothing.
 */
export class InMemoryStores implements ProcessingStoreAccess {
  dossiers = new Map<string, ProcessingDossier>();
  history: Array<HistoryLine & { dossierId: string; centreId: string }> = [];
  pauses: Array<NewClockPause & { resumedAt: Date | null }> = [];
  apologies: NewApology[] = [];
  workflows: WorkflowTemplate[] = [];
  officers: Officer[] = [];
  holdings: Array<NewHolding & { until: Date | null }> = [];
  outbox: Array<{
    type: EventType;
    aggregateId: string;
    payload: any;
    correlationId?: string | null;
    occurredAt?: Date;
  }> = [];

  constructor(
    private readonly calendar: WorkingCalendar,
    readonly centres: CentreDirectory,
  ) {}

  /** The events published of one type, payloads only. */
  published(type: EventType): any[] {
    return this.outbox.filter((e) => e.type === type).map((e) => e.payload);
  }

  read(): ProcessingStores {
    return this.stores(this);
  }

  async transaction<T>(work: (stores: ProcessingStores) => Promise<T>): Promise<T> {
    const draft = this.copy();
    const result = await work(this.stores(draft));
    Object.assign(this, {
      dossiers: draft.dossiers,
      history: draft.history,
      pauses: draft.pauses,
      apologies: draft.apologies,
      workflows: draft.workflows,
      outbox: draft.outbox,
      holdings: draft.holdings,
    });
    return result;
  }

  within(): ProcessingStores {
    return this.stores(this);
  }

  private copy() {
    return {
      dossiers: new Map([...this.dossiers].map(([id, d]) => [id, clone(d)])),
      history: [...this.history],
      pauses: this.pauses.map((p) => ({ ...p })),
      apologies: [...this.apologies],
      workflows: [...this.workflows],
      outbox: [...this.outbox],
      holdings: this.holdings.map((h) => ({ ...h })),
      officers: this.officers,
    };
  }

  private stores(
    state: Pick<
      InMemoryStores,
      'dossiers' | 'history' | 'pauses' | 'apologies' | 'workflows' | 'outbox' | 'holdings' | 'officers'
    >,
  ): ProcessingStores {
    const row = (id: string) => state.dossiers.get(id);
    return {
      dossiers: {
        load: async (id) => {
          const d = row(id);
          if (!d) throw notFound('Dossier');
          return clone(d);
        },
        ofEvent: async (id) => (row(id) ? clone(row(id)!) : null),
        insert: async (d) => {
          state.dossiers.set(
            d.id,
            clone(
              Object.assign({ version: 0, slaState: 'ON_TRACK', decision: null, result: null, resolvedAt: null }, d),
            ),
          );
        },
        commitTransition: async (d, patch) => {
          // the same rule as the SQL: only if nobody changed the row since it was read
          if (row(d.id)?.version !== d.version)
            throw conflict('The dossier was changed by someone else meanwhile; reload it and try again');
          const next = Object.fromEntries(
            Object.entries({ ...patch, version: d.version + 1 }).filter(([, v]) => v !== undefined),
          );
          state.dossiers.set(d.id, clone({ ...row(d.id)!, ...next }));
          return Object.assign(d, next);
        },
      },
      history: {
        append: async (d, line) => {
          state.history.push({ ...line, dossierId: d.id, centreId: line.centreId ?? d.processingCentreId });
        },
        appendImported: async (d, lines: readonly ImportedHistoryLine[]) => {
          for (const l of lines)
            state.history.push({
              ...l,
              actor: { id: null, name: l.actorName, role: l.actorRole },
              dossierId: d.id,
              centreId: d.processingCentreId,
            });
        },
      },
      clockPauses: {
        open: async (p) => {
          state.pauses.push({ ...p, resumedAt: null });
        },
        resume: async (dossierId, at) => {
          for (const p of state.pauses) if (p.dossierId === dossierId && !p.resumedAt) p.resumedAt = at;
        },
        insertImported: async (d, pauses: readonly ImportedPause[]) => {
          for (const p of pauses) {
            state.pauses.push({
              dossierId: d.id,
              kind: 'SUPPLEMENT',
              reason: p.reason,
              componentCodes: [],
              amountVnd: null,
              centreId: d.processingCentreId,
              requestedAt: p.requestedAt,
              requestedBy: 'imported',
              remainingMinutes: p.remainingMinutes,
              resumedAt: p.resumedAt,
            });
          }
        },
      },
      apologies: {
        add: async (a) => {
          state.apologies.push(a);
        },
      },
      officers: { byId: async (id) => state.officers.find((o) => o.id === id) ?? null },
      holdings: {
        open: async (h) => {
          state.holdings.push({ ...h, branchCode: h.branchCode ?? null, until: null });
        },
        current: async (dossierId, branchCode) =>
          state.holdings
            .filter((h) => h.dossierId === dossierId && !h.until && (h.branchCode ?? null) === branchCode)
            .at(-1) ?? null,
        close: async (dossierId, at, branchCode) => {
          for (const h of state.holdings)
            if (
              h.dossierId === dossierId &&
              !h.until &&
              (branchCode === undefined || (h.branchCode ?? null) === branchCode)
            )
              h.until = at;
        },
      },
      workflows: {
        current: async (code) =>
          state.workflows.filter((w) => w.procedureCode === code).sort((a, b) => b.version - a.version)[0] ??
          defaultWorkflow(code),
        defineVersion: async (procedureCode, steps, _by, at) => {
          const version =
            Math.max(0, ...state.workflows.filter((w) => w.procedureCode === procedureCode).map((w) => w.version)) + 1;
          state.workflows.push({ procedureCode, version, steps });
          return { procedureCode, version, steps, definedAt: at };
        },
      },
      outbox: {
        publish: async (type, aggregateId, payload, opts) => {
          state.outbox.push({ type, aggregateId, payload, ...opts });
        },
        publishMany: async (events: readonly OutgoingEvent[], opts) => {
          for (const e of events)
            state.outbox.push({
              type: e.type,
              aggregateId: e.aggregateId,
              payload: e.payload,
              occurredAt: e.occurredAt,
              ...opts,
            });
        },
      },
      centres: this.centres,
      calendar: async () => this.calendar,
    };
  }
}

/** A centre tree in memory: a province and the centres directly below it. */
export function inMemoryCentres(province: CentreRef, below: CentreRef[]): CentreDirectory {
  const all = [province, ...below];
  const directory = {
    byId: async (id: string) => all.find((c) => c.id === id) ?? null,
    byCode: async (code: string) => all.find((c) => c.code === code) ?? null,
    ancestors: async (id: string) => {
      const c = all.find((x) => x.id === id);
      return !c ? [] : c.id === province.id ? [c] : [c, province];
    },
    relationOf: async (caller: { centre?: string; role: string }, centreId: string) => {
      if (!caller.centre || caller.role === 'CITIZEN') return 'OTHER_CENTRE';
      const chain = await directory.ancestors(centreId);
      if (chain[0]?.code === caller.centre) return 'OWN_CENTRE';
      return chain.some((c) => c.code === caller.centre) ? 'DESCENDANT_CENTRE' : 'OTHER_CENTRE';
    },
    within: () => directory,
  };
  return directory as unknown as CentreDirectory;
}
