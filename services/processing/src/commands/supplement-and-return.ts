import { NotReadyError, type ResultReturnedV1, type SupplementSubmittedV1 } from '@onestop/events';
import { close, restartClock } from '../domain/dossier-process';
import { nextStatus } from '../domain/lifecycle';
import { statusChangedPayload } from '../events/status-changed';
import { actorFromEvent, SYSTEM } from '../persistence/history';
import type { AppliedEvent } from './applied-event';

/** The applicant supplied what was asked (5→4): the due date is the kept working time after resumedAt. */
export async function resumeAfterSupplement(
  { stores, correlationId, logger }: AppliedEvent,
  p: SupplementSubmittedV1,
): Promise<void> {
  const dossier = await stores.dossiers.ofEvent(p.dossierId);
  if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} unknown`);
  if (!nextStatus(dossier.status, 'SUBMIT_SUPPLEMENT')) {
    logger?.warn(
      { dossierId: dossier.id, status: dossier.status },
      'supplement for a dossier that is not waiting for one; ignored',
    );
    return;
  }
  const resumedAt = new Date(p.resumedAt);
  const updated = await stores.dossiers.commitTransition(
    dossier,
    restartClock(await stores.calendar(), dossier, resumedAt, 'SUBMIT_SUPPLEMENT'),
  );
  await stores.clockPauses.resume(dossier.id, resumedAt);
  await stores.history.append(updated, {
    action: 'SUBMIT_SUPPLEMENT',
    actor: actorFromEvent(p.actor),
    at: resumedAt,
    note: `${p.recordIds.length} document(s) supplied`,
  });
  await stores.outbox.publish(
    'DossierStatusChanged',
    updated.id,
    statusChangedPayload(updated, { action: 'SUBMIT_SUPPLEMENT', at: resumedAt, actor: p.actor }),
    { correlationId, occurredAt: resumedAt },
  );
}

/** The result reached the applicant (9→10). */
export async function returnResult({ stores, correlationId }: AppliedEvent, p: ResultReturnedV1): Promise<void> {
  const dossier = await stores.dossiers.ofEvent(p.dossierId);
  if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} unknown`);
  if (dossier.status === 'RETURNED') return;
  if (!nextStatus(dossier.status, 'RETURN_RESULT'))
    throw new NotReadyError(`Dossier ${p.dossierId} is ${dossier.status}, not resolved yet`);
  const at = new Date(p.returnedAt);
  const updated = await stores.dossiers.commitTransition(dossier, close(dossier, 'RETURN_RESULT'));
  await stores.history.append(updated, {
    action: 'RETURN_RESULT',
    actor: p.actor ? actorFromEvent(p.actor) : SYSTEM,
    at,
    note: p.method,
  });
  await stores.outbox.publish(
    'DossierStatusChanged',
    updated.id,
    statusChangedPayload(updated, { action: 'RETURN_RESULT', at, actor: p.actor }),
    { correlationId, occurredAt: at },
  );
}
