import { NotReadyError, type DossierAcceptedV1, type DossierRefusedV1, type DossierSubmittedV1 } from '@onestop/events';
import { close, enterAtFirstStep } from '../domain/dossier-process';
import { nextStatus } from '../domain/lifecycle';
import { statusChangedPayload } from '../events/status-changed';
import type { ProcessingDossier } from '../persistence';
import { actorFromEvent } from '../persistence/history';
import type { AppliedEvent } from './applied-event';

/** Counter and post: received (2) at once, on the first step. Online: new (1) until accepted. */
export async function receiveDossier({ stores, correlationId }: AppliedEvent, p: DossierSubmittedV1): Promise<void> {
  const workflow = await stores.workflows.current(p.procedure.code);
  const received = p.status === 2 && p.receivedAt;
  const base = {
    id: p.dossierId,
    code: p.code,
    channel: p.channel,
    status: 'NEW' as const,
    processingCentreId: p.receivingCentre.id,
    receivingCentreId: p.receivingCentre.id,
    procedureCode: p.procedure.code,
    procedureName: p.procedure.name,
    applicantIdentityNumber: p.applicant.identityNumber,
    applicantName: p.applicant.fullName,
    submittedAt: new Date(p.submittedAt),
    receivedAt: received ? new Date(p.receivedAt!) : null,
    dueAt: p.dueAt ? new Date(p.dueAt) : null,
    statutoryDueAt: p.dueAt ? new Date(p.dueAt) : null,
    workflowVersion: workflow.version,
    steps: workflow.steps,
    // what step conditions are judged on
    applicantKind: p.applicant.kind ?? null,
    feeVnd: p.procedure.feeVnd ?? null,
  };
  const entry = received ? enterAtFirstStep(await stores.calendar(), workflow.steps, new Date(p.receivedAt!)) : {};
  // A walk-in refused at the counter: the same refusal (1 → 3) as refuseDossier's, written at once.
  const refused = !received && p.refusal ? close(base as ProcessingDossier, 'REFUSE') : {};
  const dossier = { ...base, ...entry, ...refused } as ProcessingDossier;
  await stores.dossiers.insert(dossier);
  if (received) await openFirstHolding({ stores }, dossier, new Date(p.receivedAt!));
  await stores.history.append(dossier, {
    action: received ? 'RECEIVE' : 'SUBMIT_ONLINE',
    actor: actorFromEvent(p.actor),
    at: new Date(p.receivedAt ?? p.submittedAt),
    note: `${p.channel}; workflow ${workflow.version === 0 ? 'default' : `version ${workflow.version}`}`,
  });
  if (!received && p.refusal) {
    const at = new Date(p.refusal.at);
    await stores.history.append(dossier, {
      action: 'REFUSE',
      actor: actorFromEvent(p.actor),
      at,
      note: p.refusal.reason,
      centreId: p.receivingCentre.id,
    });
    await stores.outbox.publish(
      'DossierStatusChanged',
      dossier.id,
      statusChangedPayload(dossier, { action: 'REFUSE', at, actor: p.actor ?? null, reason: p.refusal.reason }),
      { correlationId, occurredAt: at },
    );
  }
}

/** An online dossier accepted at intake (1→2) enters processing like one received at a counter. */
export async function acceptDossier({ stores }: AppliedEvent, p: DossierAcceptedV1): Promise<void> {
  const dossier = await stores.dossiers.ofEvent(p.dossierId);
  if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} not submitted yet`);
  if (!nextStatus(dossier.status, 'ACCEPT')) return; // already accepted, or refused meanwhile: the first word stands
  const receivedAt = new Date(p.receivedAt);
  await stores.dossiers.commitTransition(dossier, {
    ...enterAtFirstStep(await stores.calendar(), dossier.steps, receivedAt),
    receivedAt,
    dueAt: new Date(p.dueAt),
    statutoryDueAt: new Date(p.dueAt),
  });
  await stores.history.append(dossier, { action: 'ACCEPT', actor: actorFromEvent(p.actor), at: receivedAt });
  await openFirstHolding({ stores }, dossier, receivedAt);
}

/** The first step's holding: its role holds it from reception. */
function openFirstHolding({ stores }: Pick<AppliedEvent, 'stores'>, d: ProcessingDossier, at: Date) {
  return stores.holdings.open({
    dossierId: d.id,
    stepCode: d.steps[0].code,
    branchCode: null,
    officerId: null,
    centreId: d.processingCentreId,
    from: at,
    rework: false,
  });
}

/** Từ chối tiếp nhận (1→3): intake refused the online dossier at reception; the refusal slip reads this line. */
export async function refuseDossier({ stores, correlationId }: AppliedEvent, p: DossierRefusedV1): Promise<void> {
  const dossier = await stores.dossiers.ofEvent(p.dossierId);
  if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} not submitted yet`);
  if (!nextStatus(dossier.status, 'REFUSE')) return; // already refused (a redelivery)
  const at = new Date(p.refusedAt);
  const updated = await stores.dossiers.commitTransition(dossier, close(dossier, 'REFUSE'));
  await stores.history.append(updated, {
    action: 'REFUSE',
    actor: actorFromEvent(p.actor),
    at,
    note: p.reason,
    centreId: dossier.receivingCentreId,
  });
  await stores.outbox.publish(
    'DossierStatusChanged',
    updated.id,
    statusChangedPayload(updated, { action: 'REFUSE', at, actor: p.actor, reason: p.reason }),
    { correlationId, occurredAt: at },
  );
}
