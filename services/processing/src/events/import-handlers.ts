import { NotReadyError, publishMany, type EventHandlers, type OutgoingEvent } from '@onestop/events';
import { replayHistory } from '../domain/historical-lifecycle';
import { ProcessingDossier, type StoredResult } from '../persistence';
import { commitTransition, dossierOfEvent, statusChangedPayload } from '../persistence/dossier-store';
import type { ProcessingDeps } from '../deps';

/**
 * A historical import (DossierHistoryImported, from intake right after the dossier's
 * DossierSubmitted): the past lifecycle is replayed through the state machine with the
 * historical instants, in the consumer's one transaction — the dossier row once, the control
 * slip's lines and the clock pauses in one statement each, and the usual DossierStatusChanged /
 * DossierDecided events with the historical `at` / `resolvedAt` (in one statement), marked
 * `imported` so that nobody is notified of the past. The return is delivery's: it answers DossierDecided with
 * ResultReturned, which the live handler applies (9→10).
 */
export function importHandlers(deps: ProcessingDeps): EventHandlers {
  return {
    async DossierHistoryImported({ event, manager }) {
      const h = event.payload;
      const dossier = await dossierOfEvent(manager, h.dossierId);
      if (!dossier) throw new NotReadyError(`Dossier ${h.dossierId} not submitted yet`);
      if (dossier.status !== 'RECEIVED' || dossier.version !== 0) return; // applied already, or live work took it over
      const replay = replayHistory(await deps.calendar(manager), dossier, h);
      const result: StoredResult | null = h.decision?.result
        ? { ...h.decision.result, fileName: h.decision.result.fileName ?? `${h.code}.txt` }
        : null;
      const updated = await commitTransition(manager, dossier, { ...replay.patch, ...(h.decision ? { result } : {}) } as never);

      if (replay.lines.length) {
        const col = <T>(f: (l: (typeof replay.lines)[number]) => T) => replay.lines.map(f);
        await manager.query(
          `INSERT INTO dossier_history (dossier_id, action, actor_id, actor_name, actor_role, centre_id, at, note, step_code, step_due_at, step_outcome)
           SELECT $1, action, NULL, actor_name, actor_role, $2, at, note, step_code, step_due_at, step_outcome
             FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
               WITH ORDINALITY AS l(action, actor_name, actor_role, at, note, step_code, step_due_at, step_outcome, n) ORDER BY n`,
          [dossier.id, dossier.processingCentreId, col((l) => l.action), col((l) => l.actorName), col((l) => l.actorRole),
            col((l) => l.at.toISOString()), col((l) => l.note), col((l) => l.stepCode), col((l) => l.stepDueAt?.toISOString() ?? null), col((l) => l.stepOutcome)],
        );
      }
      if (replay.pauses.length) {
        const p = replay.pauses;
        await manager.query(
          `INSERT INTO clock_pause (dossier_id, kind, reason, component_codes, centre_id, requested_at, requested_by, remaining_minutes, resumed_at)
           SELECT $1, 'SUPPLEMENT', reason, '{}', $2, requested_at, 'imported', remaining_minutes, resumed_at
             FROM unnest($3::text[], $4::timestamptz[], $5::float8[], $6::timestamptz[]) AS p(reason, requested_at, remaining_minutes, resumed_at)`,
          [dossier.id, dossier.processingCentreId, p.map((x) => x.reason), p.map((x) => x.requestedAt.toISOString()),
            p.map((x) => x.remainingMinutes), p.map((x) => x.resumedAt?.toISOString() ?? null)],
        );
      }
      // the history's announcements and its decision, in order, in one statement
      const events: OutgoingEvent[] = replay.announcements.map((a) => ({
        type: 'DossierStatusChanged', aggregateId: dossier.id, occurredAt: a.at,
        payload: statusChangedPayload({ ...updated, ...a.state } as ProcessingDossier, { action: a.action, at: a.at, actor: null, reason: a.reason, imported: true }),
      }));
      if (h.decision) {
        events.push({ type: 'DossierDecided', aggregateId: dossier.id, occurredAt: new Date(h.decision.decidedAt), payload: {
          dossierId: dossier.id, code: dossier.code, decision: h.decision.decision, reason: h.decision.reason, resolvedAt: h.decision.decidedAt,
          dueAt: (updated.statutoryDueAt ?? updated.dueAt ?? new Date(h.decision.decidedAt)).toISOString(), processingCentreId: dossier.processingCentreId,
          result, actor: { id: 'imported', name: h.decision.actor ?? 'system', role: 'LEADER' },
          imported: { returned: h.returned, rating: h.rating },
        } });
      }
      await publishMany(manager, events, { correlationId: event.correlationId });
    },
  };
}
