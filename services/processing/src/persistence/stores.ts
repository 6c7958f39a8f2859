import type { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@onestop/calendar';
import {
  oncePerTransaction,
  publish,
  publishMany,
  type EventType,
  type LatestPayload,
  type OutgoingEvent,
  type PublishOptions,
} from '@onestop/events';
import type { CentreDirectory } from '@onestop/service-kit';
import type { Patch } from '../domain/dossier-process';
import type { WorkflowStep, WorkflowTemplate } from '../domain/workflow';
import { addApology, type NewApology } from './apologies';
import { insertImportedPauses, openPause, resumePauses, type ImportedPause, type NewClockPause } from './clock-pauses';
import { commitTransition, dossierOfEvent, insertDossier, loadDossier } from './dossiers';
import { appendHistory, appendImportedHistory, type HistoryLine, type ImportedHistoryLine } from './history';
import type { ProcessingDossier } from './entities/processing-dossier.entity';
import { currentWorkflow, defineWorkflowVersion } from './workflows';
import { closeHoldings, openHolding, openHoldingOf, type NewHolding } from './holdings';
import { officerById, type Officer } from './officers';
import type { HoldingRow } from './entities/holding.entity';

/**
 * What processing's commands read and write, each store named after what it holds; one
 * `ProcessingStores` is bound to one transaction (or, for `read()`, to none). Commands see only
 * this interface, so their unit tests hand them in-memory stores (test/in-memory-stores.ts).
 */
export interface ProcessingStores {
  dossiers: {
    /** The dossier, or NOT_FOUND. */
    load(id: string): Promise<ProcessingDossier>;
    /** The dossier an event is about, from the run's read when a run of events opened it (null: not received yet). */
    ofEvent(id: string): Promise<ProcessingDossier | null>;
    insert(dossier: ProcessingDossier): Promise<void>;
    /** Writes the patch if the dossier's version is unchanged since it was read, else CONFLICT; returns the dossier as it now stands. */
    commitTransition(dossier: ProcessingDossier, patch: Patch & Partial<ProcessingDossier>): Promise<ProcessingDossier>;
  };
  history: {
    append(dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>, line: HistoryLine): Promise<void>;
    appendImported(
      dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>,
      lines: readonly ImportedHistoryLine[],
    ): Promise<void>;
  };
  clockPauses: {
    open(pause: NewClockPause): Promise<void>;
    resume(dossierId: string, at: Date): Promise<void>;
    insertImported(
      dossier: Pick<ProcessingDossier, 'id' | 'processingCentreId'>,
      pauses: readonly ImportedPause[],
    ): Promise<void>;
  };
  apologies: { add(apology: NewApology): Promise<void> };
  /** The officer directory: whom a step may be assigned to. */
  officers: { byId(id: string): Promise<Officer | null> };
  /** The control slip's holders. */
  holdings: {
    open(holding: NewHolding): Promise<void>;
    /** The open holding of the linear step (branchCode null) or of a branch. */
    current(dossierId: string, branchCode: string | null): Promise<Pick<HoldingRow, 'rework' | 'officerId'> | null>;
    /** Ends the open holdings: of a branch (or the linear step, null), or all when branchCode is undefined. */
    close(dossierId: string, at: Date, branchCode?: string | null): Promise<void>;
  };
  workflows: {
    current(procedureCode: string): Promise<WorkflowTemplate & { definedAt?: Date }>;
    defineVersion(
      procedureCode: string,
      steps: WorkflowStep[],
      definedBy: string,
      at: Date,
    ): Promise<WorkflowTemplate & { definedAt: Date }>;
  };
  /** The service's outbox, written in the same transaction as the change an event announces. */
  outbox: {
    publish<T extends EventType>(
      type: T,
      aggregateId: string,
      payload: LatestPayload<T>,
      opts?: PublishOptions,
    ): Promise<void>;
    publishMany(events: readonly OutgoingEvent[], opts?: { correlationId?: string | null }): Promise<void>;
  };
  /** The centre tree as this transaction sees it (a locked dossier's command needs no second connection). */
  centres: CentreDirectory;
  /** The working calendar as this transaction sees it. */
  calendar(): Promise<WorkingCalendar>;
}

/** How commands get stores: outside a transaction, in one of their own, or in the event consumer's. */
export interface ProcessingStoreAccess {
  read(): ProcessingStores;
  transaction<T>(work: (stores: ProcessingStores) => Promise<T>): Promise<T>;
  within(manager: EntityManager): ProcessingStores;
}

export function processingStores(
  db: DataSource,
  deps: { calendar(within?: EntityManager): Promise<WorkingCalendar>; centres: CentreDirectory },
): ProcessingStoreAccess {
  // Each procedure's workflow read once per transaction: a run (an import) receives many dossiers of few procedures.
  const workflowIn = oncePerTransaction(currentWorkflow);
  const within = (
    manager: EntityManager,
    workflow = (code: string) => workflowIn(manager, code),
  ): ProcessingStores => ({
    dossiers: {
      load: (id) => loadDossier(manager, id),
      ofEvent: (id) => dossierOfEvent(manager, id),
      insert: (dossier) => insertDossier(manager, dossier),
      commitTransition: (dossier, patch) => commitTransition(manager, dossier, patch),
    },
    history: {
      append: (dossier, line) => appendHistory(manager, dossier, line),
      appendImported: (dossier, lines) => appendImportedHistory(manager, dossier, lines),
    },
    clockPauses: {
      open: (pause) => openPause(manager, pause),
      resume: (dossierId, at) => resumePauses(manager, dossierId, at),
      insertImported: (dossier, pauses) => insertImportedPauses(manager, dossier, pauses),
    },
    apologies: { add: (apology) => addApology(manager, apology) },
    officers: { byId: (id) => officerById(manager, id) },
    holdings: {
      open: (h) => openHolding(manager, h),
      current: (dossierId, branchCode) => openHoldingOf(manager, dossierId, branchCode),
      close: (dossierId, at, branchCode) => closeHoldings(manager, dossierId, at, branchCode),
    },
    workflows: {
      current: workflow,
      defineVersion: (procedureCode, steps, definedBy, at) =>
        defineWorkflowVersion(manager, procedureCode, steps, definedBy, at),
    },
    outbox: {
      publish: async (type, aggregateId, payload, opts) =>
        void (await publish(manager, type, aggregateId, payload, opts)),
      publishMany: async (events, opts) => void (await publishMany(manager, events, opts)),
    },
    centres: deps.centres.within(manager),
    calendar: () => deps.calendar(manager),
  });
  return {
    // outside a transaction nothing is kept: each read is the table as it stands
    read: () => ({
      ...within(db.manager, (code) => currentWorkflow(db.manager, code)),
      centres: deps.centres,
      calendar: () => deps.calendar(),
    }),
    transaction: (work) => db.transaction((manager) => work(within(manager))),
    within: (manager) => within(manager),
  };
}
