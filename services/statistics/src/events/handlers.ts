import type { EntityManager } from 'typeorm';
import { NotReadyError, oncePerTransaction, type DossierStatusChangedV1, type DossierSubmittedV1, type EventHandlers } from '@onestop/events';
import { applyCalendarDayChanged } from '@onestop/service-kit';
import { localDateTime, type WorkingCalendar } from '@onestop/calendar';
import type { DossierFact } from '../persistence';
import { insertFact, loadFact, saveFact } from '../persistence/fact-store';
import type { StatisticsDeps } from '../deps';
import { assignDue, closeUnresolved, isOpen, rate, receive, resolve, type Transition } from '../domain/dossier-fact';
import { dayOf } from '../domain/days';
import { applyCentreChangedToCounters, applyDeltas, countTraffic } from '../read-model/counters';
import { labelProcedure } from '../read-model/procedure-labels';

/**
 * Statistics reads nothing but events. Every handler changes the dossier's fact and the counters
 * in the consumer's transaction; an event about a dossier whose earlier events have not arrived
 * yet throws NotReadyError and is retried.
 */
export function statisticsHandlers(deps: StatisticsDeps): EventHandlers {
  // The declared days read once per transaction (a run resolves many dossiers), again after a declaration in it.
  const calendarIn = oncePerTransaction<void, WorkingCalendar>((manager) => deps.calendar.current(manager));

  const load = async (manager: EntityManager, dossierId: string, what: string): Promise<DossierFact> => {
    const fact = await loadFact(manager, dossierId);
    if (!fact) throw new NotReadyError(`${what}: dossier ${dossierId} not known yet`);
    return fact;
  };

  const apply = async (manager: EntityManager, fact: DossierFact, t: Transition, extra: Partial<DossierFact> = {}) => {
    await saveFact(manager, fact, { ...t.patch, ...extra } as Partial<DossierFact>);
    await applyDeltas(manager, fact, t.deltas);
  };

  /** The resolution counted once (DossierDecided and the status change 9 both announce it), with `extra` in the same update. */
  const resolveFact = async (manager: EntityManager, fact: DossierFact, resolvedAt: Date, dueAt: Date | null, extra: Partial<DossierFact>) => {
    if (fact.receivedAt === null) throw new NotReadyError(`resolution of ${fact.dossierId} before its reception`);
    if (!isOpen(fact)) return apply(manager, fact, { patch: {}, deltas: [] }, extra);
    const due = statutoryDue(fact, dueAt) ?? resolvedAt;
    const calendar = await calendarIn(manager);
    const days = calendar.workingDaysBetween(fact.receivedAt, resolvedAt);
    await apply(manager, fact, resolve(fact, resolvedAt, due, days), extra);
  };

  return {
    CentreChanged: ({ event, manager }) => applyCentreChangedToCounters(manager, event.payload),
    async CalendarDayChanged({ event, manager }) {
      await applyCalendarDayChanged(manager, event.payload);
      calendarIn.forget(manager);
    },

    async ProcedureChanged({ event, manager }) {
      const p = event.payload;
      await labelProcedure(manager, { code: p.code, name: p.name, sector: p.sector, version: p.version }, 'catalogue');
    },

    async DossierSubmitted({ event, manager }) {
      const p = event.payload;
      const fact = submittedFact(p);
      await labelProcedure(manager, { code: p.procedure.code, name: p.procedure.name, sector: p.procedure.sector, version: p.procedure.version }, 'reception');
      if (!(await insertFact(manager, fact)) || p.status !== 2 || !p.receivedAt) return;
      await receiveFact(manager, fact, new Date(p.receivedAt), p.dueAt ? new Date(p.dueAt) : null);
    },

    async DossierAccepted({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'DossierAccepted');
      if (fact.receivedAt !== null) return;
      const receivedAt = new Date(p.receivedAt);
      const stale = fact.stateAt.getTime() > receivedAt.getTime() && fact.nationalStatusCode !== 1;
      await receiveFact(manager, fact, receivedAt, new Date(p.dueAt), stale ? {} : { state: 'RECEIVED', nationalStatusCode: 2, stateAt: receivedAt });
    },

    async DossierStatusChanged({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'DossierStatusChanged');
      const at = new Date(p.at);
      if (fact.stateAt.getTime() > at.getTime()) return; // an older change that arrived late
      if (p.processingCentreId && p.processingCentreId !== fact.processingCentreId) await saveFact(manager, fact, { processingCentreId: p.processingCentreId });
      const state = { state: p.status, nationalStatusCode: p.nationalStatusCode, stateAt: at };
      const code = p.nationalStatusCode;
      if (code === 10) {
        await apply(manager, fact, { patch: {}, deltas: [] }, { ...state, returnedAt: fact.returnedAt ?? at });
      } else if (code === 9) {
        await resolveFact(manager, fact, p.resolvedAt ? new Date(p.resolvedAt) : at, p.dueAt ? new Date(p.dueAt) : null, state);
      } else if (code === 7 || code === 8) {
        await apply(manager, fact, closeUnresolved(fact, at), state);
      } else if (code === 3 || code === 1) {
        await apply(manager, fact, { patch: {}, deltas: [] }, state);
      } else {
        // 2, 4, 5, 6: still open; the due date may have stopped (pause) or moved (resumption).
        if (fact.receivedAt === null) throw new NotReadyError(`status ${code} of ${fact.dossierId} before its reception`);
        if (!isOpen(fact)) return;
        const next = statutoryDueOf(fact, p);
        const moved = next !== undefined && (next?.getTime() ?? null) !== (fact.dueAt?.getTime() ?? null);
        const due = moved ? assignDue(fact, at, next) : { patch: {}, deltas: [] };
        await apply(manager, fact, due, state);
      }
    },

    async DossierDecided({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'DossierDecided');
      if (p.processingCentreId && p.processingCentreId !== fact.processingCentreId) await saveFact(manager, fact, { processingCentreId: p.processingCentreId });
      const resolvedAt = new Date(p.resolvedAt);
      const newer = fact.stateAt.getTime() <= resolvedAt.getTime() && fact.nationalStatusCode < 9;
      await resolveFact(manager, fact, resolvedAt, new Date(p.dueAt), {
        decision: p.decision,
        ...(newer ? { state: 'RESOLVED', nationalStatusCode: 9, stateAt: resolvedAt } : {}),
      });
    },

    async ApologyIssued({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'ApologyIssued');
      await saveFact(manager, fact, { apologyDueAt: new Date(p.newDueAt) });
    },

    async ResultReturned({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'ResultReturned');
      if (fact.resolvedAt === null) throw new NotReadyError(`return of ${fact.dossierId} before its decision`);
      const returnedAt = new Date(p.returnedAt);
      const newer = fact.stateAt.getTime() <= returnedAt.getTime();
      await saveFact(manager, fact, {
        returnedAt: fact.returnedAt ?? returnedAt,
        ...(newer ? { state: 'RETURNED', nationalStatusCode: 10, stateAt: returnedAt } : {}),
      });
    },

    async ServiceRated({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'ServiceRated');
      await apply(manager, fact, rate(fact, p.overall, new Date(p.ratedAt)));
    },
  };

  async function receiveFact(manager: EntityManager, fact: DossierFact, receivedAt: Date, dueAt: Date | null, extra: Partial<DossierFact> = {}) {
    await apply(manager, fact, receive(fact, receivedAt, dueAt), extra);
    const day = dayOf(receivedAt);
    const hour = Math.floor((receivedAt.getTime() - localDateTime(day).getTime()) / 3_600_000);
    await countTraffic(manager, fact.centreId, day, hour, fact.channel === 'COUNTER');
  }
}

/** A dossier's fact as submitted: counted from its reception on (receiveFact). */
function submittedFact(p: DossierSubmittedV1): DossierFact {
  const submittedAt = new Date(p.submittedAt);
  return {
    dossierId: p.dossierId, code: p.code, centreId: p.receivingCentre.id, processingCentreId: p.receivingCentre.id,
    level: p.receivingCentre.level,
    procedureId: p.procedure.id, procedureCode: p.procedure.code, sector: p.procedure.sector, channel: p.channel,
    submittedAt, receivedAt: null, dueAt: null, apologyDueAt: null, overdueFrom: null,
    state: p.status === 2 ? 'RECEIVED' : 'NEW', nationalStatusCode: p.status, stateAt: submittedAt,
    resolvedAt: null, decision: null, outcome: null, processingDays: null, closedAt: null, returnedAt: null, satisfaction: null, ratedAt: null,
  };
}

/**
 * The due date an outcome is judged by: processing's, except a date promised by an apology letter
 * (thư xin lỗi), which excuses nothing — the dossier is still late against the statutory date.
 */
function statutoryDue(fact: DossierFact, dueAt: Date | null): Date | null {
  if (dueAt && fact.apologyDueAt && dueAt.getTime() === fact.apologyDueAt.getTime()) return fact.dueAt;
  return dueAt ?? fact.dueAt;
}

/**
 * The statutory due date a status change carries: none while paused (supplementation 5, financial
 * obligation 6: the clock is stopped), else `statutoryDueAt`, or `dueAt` from a publisher that does
 * not send it. undefined: the change says nothing about the statutory date (an apology's appointment).
 */
function statutoryDueOf(fact: DossierFact, p: DossierStatusChangedV1): Date | null | undefined {
  if (p.nationalStatusCode === 5 || p.nationalStatusCode === 6) return null;
  if (p.statutoryDueAt) return new Date(p.statutoryDueAt);
  if (/APOLOG/i.test(p.action)) return undefined;
  const next = p.dueAt ? new Date(p.dueAt) : null;
  if (next && fact.apologyDueAt && next.getTime() === fact.apologyDueAt.getTime()) return undefined;
  return next;
}
