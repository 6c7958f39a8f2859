import { NotReadyError, type DossierHistoryImportedV1, type OutgoingEvent } from '@onestop/events';
import { replayHistory } from '../domain/historical-lifecycle';
import { dossierDecided } from '../events/dossier-decided';
import { statusChangedPayload } from '../events/status-changed';
import type { ProcessingDossier, StoredResult } from '../persistence';
import type { AppliedEvent } from './applied-event';

/**
 * A historical import (DossierHistoryImported, from intake right after the dossier's
 * DossierSubmitted): the past lifecycle is replayed through the state machine with the
 * historical instants, in the consumer's one transaction — the dossier row once, the control
 * slip's lines and the clock pauses in one statement each, and the usual DossierStatusChanged /
 * DossierDecided events with the historical `at` / `resolvedAt` (in one statement), marked
 * `imported` so that nobody is notified of the past. The return is delivery's: it answers DossierDecided with
 * ResultReturned, which the live handler applies (9→10).
 */
export async function importHistory(
  { stores, correlationId }: AppliedEvent,
  h: DossierHistoryImportedV1,
): Promise<void> {
  const dossier = await stores.dossiers.ofEvent(h.dossierId);
  if (!dossier) throw new NotReadyError(`Dossier ${h.dossierId} not submitted yet`);
  if (dossier.status !== 'RECEIVED' || dossier.version !== 0) return; // applied already, or live work took it over
  const replay = replayHistory(await stores.calendar(), dossier, h);
  const result: StoredResult | null = h.decision?.result
    ? { ...h.decision.result, fileName: h.decision.result.fileName ?? `${h.code}.txt` }
    : null;
  const updated = await stores.dossiers.commitTransition(dossier, {
    ...replay.patch,
    ...(h.decision ? { result } : {}),
  } as never);
  await stores.history.appendImported(dossier, replay.lines);
  await stores.clockPauses.insertImported(dossier, replay.pauses);

  // the history's announcements and its decision, in order, in one statement
  const events: OutgoingEvent[] = replay.announcements.map((a) => ({
    type: 'DossierStatusChanged',
    aggregateId: dossier.id,
    occurredAt: a.at,
    payload: statusChangedPayload({ ...updated, ...a.state } as ProcessingDossier, {
      action: a.action,
      at: a.at,
      actor: null,
      reason: a.reason,
      imported: true,
    }),
  }));
  if (h.decision) {
    const decidedAt = new Date(h.decision.decidedAt);
    events.push({
      type: 'DossierDecided',
      aggregateId: dossier.id,
      occurredAt: decidedAt,
      payload: dossierDecided(
        updated,
        {
          decision: h.decision.decision,
          reason: h.decision.reason,
          at: decidedAt,
          result,
          actor: { id: 'imported', name: h.decision.actor ?? 'system', role: 'LEADER' },
        },
        { returned: h.returned, rating: h.rating },
      ),
    });
  }
  await stores.outbox.publishMany(events, { correlationId });
}
