import { NotReadyError, oncePerTransaction, type EventHandlers } from '@onestop/events';
import { applyCalendarDayChanged, applyCentreChanged } from '@onestop/service-kit';
import { close, enterAtFirstStep, restartClock } from '../domain/dossier-process';
import { nextStatus } from '../domain/lifecycle';
import { ProcessingDossier } from '../persistence';
import { actorFromEvent, appendHistory, commitTransition, dossierOfEvent, insertDossier, publishStatusChanged, SYSTEM } from '../persistence/dossier-store';
import { currentWorkflow } from '../persistence/workflows';
import type { ProcessingDeps } from '../deps';
import { importHandlers } from './import-handlers';

/**
 * What processing learns from the others: reception, acceptance and refusal (intake), supplements (intake), returns
 * (delivery), and the centre tree and declared days it keeps replicas of. Each handler runs in
 * the transaction that records the event as applied.
 */
export function processingHandlers(deps: ProcessingDeps): EventHandlers {
  // Each procedure's workflow read once per transaction: a run (an import) receives many dossiers of few procedures.
  const workflowIn = oncePerTransaction(currentWorkflow);

  return {
    ...importHandlers(deps),
    CentreChanged: ({ event, manager }) => applyCentreChanged(manager, event.payload),
    CalendarDayChanged: ({ event, manager }) => applyCalendarDayChanged(manager, event.payload),

    /** Counter and post: received (2) at once, on the first step. Online: new (1) until accepted. */
    async DossierSubmitted({ event, manager }) {
      const p = event.payload;
      const workflow = await workflowIn(manager, p.procedure.code);
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
      };
      const entry = received ? enterAtFirstStep(await deps.calendar(manager), workflow.steps, new Date(p.receivedAt!)) : {};
      // A walk-in refused at the counter: the same refusal (1 → 3) as refuseDossier's, written at once.
      const refused = !received && p.refusal ? close(base as ProcessingDossier, 'REFUSE') : {};
      const dossier = { ...base, ...entry, ...refused } as ProcessingDossier;
      await insertDossier(manager, dossier);
      await appendHistory(manager, dossier, {
        action: received ? 'RECEIVE' : 'SUBMIT_ONLINE',
        actor: actorFromEvent(p.actor),
        at: new Date(p.receivedAt ?? p.submittedAt),
        note: `${p.channel}; workflow ${workflow.version === 0 ? 'default' : `version ${workflow.version}`}`,
      });
      if (!received && p.refusal) {
        const at = new Date(p.refusal.at);
        await appendHistory(manager, dossier, { action: 'REFUSE', actor: actorFromEvent(p.actor), at, note: p.refusal.reason, centreId: p.receivingCentre.id });
        await publishStatusChanged(manager, dossier, { action: 'REFUSE', at, actor: p.actor ?? null, reason: p.refusal.reason, correlationId: event.correlationId });
      }
    },

    /** An online dossier accepted at intake (1→2) enters processing like one received at a counter. */
    async DossierAccepted({ event, manager }) {
      const p = event.payload;
      const dossier = await dossierOfEvent(manager, p.dossierId);
      if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} not submitted yet`);
      if (!nextStatus(dossier.status, 'ACCEPT')) return; // already accepted, or refused meanwhile: the first word stands
      const receivedAt = new Date(p.receivedAt);
      await commitTransition(manager, dossier, {
        ...enterAtFirstStep(await deps.calendar(manager), dossier.steps, receivedAt),
        receivedAt,
        dueAt: new Date(p.dueAt),
        statutoryDueAt: new Date(p.dueAt),
      });
      await appendHistory(manager, dossier, { action: 'ACCEPT', actor: actorFromEvent(p.actor), at: receivedAt });
    },

    /** Từ chối tiếp nhận (1→3): intake refused the online dossier at reception; the refusal slip reads this line. */
    async DossierRefused({ event, manager }) {
      const p = event.payload;
      const dossier = await dossierOfEvent(manager, p.dossierId);
      if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} not submitted yet`);
      if (!nextStatus(dossier.status, 'REFUSE')) return; // already refused (a redelivery)
      const at = new Date(p.refusedAt);
      const updated = await commitTransition(manager, dossier, close(dossier, 'REFUSE'));
      await appendHistory(manager, updated, { action: 'REFUSE', actor: actorFromEvent(p.actor), at, note: p.reason, centreId: dossier.receivingCentreId });
      await publishStatusChanged(manager, updated, { action: 'REFUSE', at, actor: p.actor, reason: p.reason, correlationId: event.correlationId });
    },

    /** The applicant supplied what was asked (5→4): the due date is the kept working time after resumedAt. */
    async SupplementSubmitted({ event, manager, logger }) {
      const p = event.payload;
      const dossier = await dossierOfEvent(manager, p.dossierId);
      if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} unknown`);
      if (!nextStatus(dossier.status, 'SUBMIT_SUPPLEMENT')) {
        logger.warn({ dossierId: dossier.id, status: dossier.status }, 'supplement for a dossier that is not waiting for one; ignored');
        return;
      }
      const resumedAt = new Date(p.resumedAt);
      const updated = await commitTransition(manager, dossier, restartClock(await deps.calendar(manager), dossier, resumedAt, 'SUBMIT_SUPPLEMENT'));
      await manager.query(`UPDATE clock_pause SET resumed_at = $2 WHERE dossier_id = $1 AND resumed_at IS NULL`, [dossier.id, resumedAt]);
      await appendHistory(manager, updated, {
        action: 'SUBMIT_SUPPLEMENT', actor: actorFromEvent(p.actor), at: resumedAt, note: `${p.recordIds.length} document(s) supplied`,
      });
      await publishStatusChanged(manager, updated, { action: 'SUBMIT_SUPPLEMENT', at: resumedAt, actor: p.actor, correlationId: event.correlationId });
    },

    /** The result reached the applicant (9→10). */
    async ResultReturned({ event, manager }) {
      const p = event.payload;
      const dossier = await dossierOfEvent(manager, p.dossierId);
      if (!dossier) throw new NotReadyError(`Dossier ${p.dossierId} unknown`);
      if (dossier.status === 'RETURNED') return;
      if (!nextStatus(dossier.status, 'RETURN_RESULT')) throw new NotReadyError(`Dossier ${p.dossierId} is ${dossier.status}, not resolved yet`);
      const at = new Date(p.returnedAt);
      const updated = await commitTransition(manager, dossier, close(dossier, 'RETURN_RESULT'));
      await appendHistory(manager, updated, { action: 'RETURN_RESULT', actor: p.actor ? actorFromEvent(p.actor) : SYSTEM, at, note: p.method });
      await publishStatusChanged(manager, updated, { action: 'RETURN_RESULT', at, actor: p.actor, correlationId: event.correlationId });
    },
  };
}
