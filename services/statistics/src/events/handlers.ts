import type { EntityManager } from 'typeorm';
import { NotReadyError, type DossierStatusChangedV1, type EventHandlers } from '@onestop/events';
import { applyCalendarDayChanged } from '@onestop/service-kit';
import { localDateTime } from '@onestop/calendar';
import { DossierFact } from '../persistence';
import type { StatisticsDeps } from '../deps';
import { assignDue, closeUnresolved, isOpen, rate, receive, resolve, type Transition } from '../domain/dossier-fact';
import { dayOf } from '../domain/days';
import { applyCentreChangedToCounters, applyDeltas, countTraffic } from '../read-model/counters';

/**
 * Statistics reads nothing but events. Every handler changes the dossier's fact and the counters
 * in the consumer's transaction; an event about a dossier whose earlier events have not arrived
 * yet throws NotReadyError and is retried.
 */
export function statisticsHandlers(deps: StatisticsDeps): EventHandlers {
  const load = async (manager: EntityManager, dossierId: string, what: string): Promise<DossierFact> => {
    const fact = await manager.findOne(DossierFact, { where: { dossierId }, lock: { mode: 'pessimistic_write' } });
    if (!fact) throw new NotReadyError(`${what}: dossier ${dossierId} not known yet`);
    return fact;
  };

  const apply = async (manager: EntityManager, fact: DossierFact, t: Transition, extra: Partial<DossierFact> = {}) => {
    const patch = { ...t.patch, ...extra } as Partial<DossierFact>;
    if (Object.keys(patch).length > 0) await manager.update(DossierFact, { dossierId: fact.dossierId }, patch);
    Object.assign(fact, patch);
    await applyDeltas(manager, fact, t.deltas);
  };

  /** The resolution counted once (DossierDecided and the status change 9 both announce it), with `extra` in the same update. */
  const resolveFact = async (manager: EntityManager, fact: DossierFact, resolvedAt: Date, dueAt: Date | null, extra: Partial<DossierFact>) => {
    if (fact.receivedAt === null) throw new NotReadyError(`resolution of ${fact.dossierId} before its reception`);
    if (!isOpen(fact)) return apply(manager, fact, { patch: {}, deltas: [] }, extra);
    const due = statutoryDue(fact, dueAt) ?? resolvedAt;
    const calendar = await deps.calendar.current(manager);
    const days = calendar.workingDaysBetween(fact.receivedAt, resolvedAt);
    await apply(manager, fact, resolve(fact, resolvedAt, due, days), extra);
  };

  return {
    CentreChanged: ({ event, manager }) => applyCentreChangedToCounters(manager, event.payload),
    CalendarDayChanged: ({ event, manager }) => applyCalendarDayChanged(manager, event.payload),

    async ProcedureChanged({ event, manager }) {
      const p = event.payload;
      await manager.query(
        `INSERT INTO procedure_label (code, name, sector, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sector = EXCLUDED.sector, version = EXCLUDED.version
         WHERE procedure_label.version <= EXCLUDED.version`,
        [p.code, p.name, p.sector, p.version],
      );
    },

    async DossierSubmitted({ event, manager }) {
      const p = event.payload;
      const submittedAt = new Date(p.submittedAt);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO dossier_fact (dossier_id, code, centre_id, level, procedure_id, procedure_code, sector, channel,
           submitted_at, state, national_status_code, state_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $9) ON CONFLICT DO NOTHING RETURNING dossier_id`,
        [p.dossierId, p.code, p.receivingCentre.id, p.receivingCentre.level, p.procedure.id, p.procedure.code, p.procedure.sector,
          p.channel, submittedAt, p.status === 2 ? 'RECEIVED' : 'NEW', p.status],
      );
      await manager.query(
        `INSERT INTO procedure_label (code, name, sector, version) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [p.procedure.code, p.procedure.name, p.procedure.sector, p.procedure.version],
      );
      if (inserted.length === 0 || p.status !== 2 || !p.receivedAt) return;
      const fact = await load(manager, p.dossierId, 'DossierSubmitted');
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
      await manager.update(DossierFact, { dossierId: fact.dossierId }, { apologyDueAt: new Date(p.newDueAt) });
    },

    async ResultReturned({ event, manager }) {
      const p = event.payload;
      const fact = await load(manager, p.dossierId, 'ResultReturned');
      if (fact.resolvedAt === null) throw new NotReadyError(`return of ${fact.dossierId} before its decision`);
      const returnedAt = new Date(p.returnedAt);
      const newer = fact.stateAt.getTime() <= returnedAt.getTime();
      await manager.update(DossierFact, { dossierId: fact.dossierId }, {
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
