import { publish } from '@onestop/events';
import { actorOf, badInput, checkLength, conflict, notFound, requireCaller, type Caller } from '@onestop/service-kit';
import type { EntityManager } from 'typeorm';
import { Dossier, Procedure } from '../persistence';
import { lockDossierWithApplicant, saveTransition } from '../persistence/dossiers';
import type { IntakeContext } from '../deps';
import { authorizeDossier, isUuid } from '../resolvers/access';

/**
 * An online dossier waits (status NEW) for an intake officer to accept or refuse it. Both are
 * decided here, under the dossier's row lock, so that a dossier is never both accepted and refused
 * (each was once decided by another service, and intake could accept a dossier processing had
 * just refused).
 */

/** The dossier under a row lock, with the caller's right to act on it checked. */
async function lockForDecision(
  manager: EntityManager,
  ctx: IntakeContext,
  dossierId: string,
  operation: 'acceptDossier' | 'refuseDossier',
): Promise<{ dossier: Dossier; caller: Caller }> {
  const locked = isUuid(dossierId) ? await lockDossierWithApplicant(manager, dossierId) : null;
  if (!locked) throw notFound('Dossier');
  // The centre check reads through this transaction: waiting for a second connection while
  // holding the lock froze intake when the pool filled with requests queued for that lock.
  const within = { caller: ctx.caller, deps: { centres: ctx.deps.centres.within(manager) } };
  return {
    dossier: locked.dossier,
    caller: await authorizeDossier(within, operation, locked.dossier, locked.applicant),
  };
}

/** Tiếp nhận: an intake officer accepts an online dossier (1 → 2); reception day and due date run from now. */
export async function acceptDossier(ctx: IntakeContext, dossierId: string): Promise<Dossier> {
  requireCaller(ctx);
  const calendar = await ctx.deps.calendar();
  return ctx.db.transaction(async (manager) => {
    const { dossier, caller } = await lockForDecision(manager, ctx, dossierId, 'acceptDossier');
    if (dossier.status !== 'NEW')
      throw conflict(`Only a new online dossier can be accepted; this one is ${dossier.status}`, {
        status: dossier.status,
      });
    const procedure = await manager.findOneByOrFail(Procedure, { id: dossier.procedureId });
    const now = new Date();
    Object.assign(dossier, {
      receivedAt: now,
      receptionDay: calendar.receptionDay(now),
      status: 'RECEIVED',
      nationalStatusCode: 2,
      statusAt: now,
      dueAt: calendar.dueAt(now, { amount: procedure.timeAmount, unit: procedure.timeUnit }),
    });
    await saveTransition(manager, dossier, [
      'receivedAt',
      'receptionDay',
      'status',
      'nationalStatusCode',
      'statusAt',
      'dueAt',
    ]);
    await publish(
      manager,
      'DossierAccepted',
      dossier.id,
      {
        dossierId: dossier.id,
        receivedAt: now.toISOString(),
        receptionDay: dossier.receptionDay!,
        dueAt: dossier.dueAt!.toISOString(),
        actor: actorOf(caller),
      },
      { correlationId: ctx.correlationId },
    );
    return dossier;
  });
}

/** Từ chối tiếp nhận: an intake officer refuses an online dossier (1 → 3) with the reason; processing applies DossierRefused. */
export async function refuseDossier(ctx: IntakeContext, dossierId: string, reason: string): Promise<Dossier> {
  requireCaller(ctx);
  if (!reason?.trim()) throw badInput('reason is required');
  checkLength(reason, 'reason', 'reason');
  return ctx.db.transaction(async (manager) => {
    const { dossier, caller } = await lockForDecision(manager, ctx, dossierId, 'refuseDossier');
    if (dossier.status !== 'NEW')
      throw conflict(`Only a new online dossier can be refused; this one is ${dossier.status}`, {
        status: dossier.status,
      });
    const now = new Date();
    Object.assign(dossier, { status: 'NOT_ACCEPTED', nationalStatusCode: 3, statusAt: now });
    await saveTransition(manager, dossier, ['status', 'nationalStatusCode', 'statusAt']);
    await publish(
      manager,
      'DossierRefused',
      dossier.id,
      {
        dossierId: dossier.id,
        reason: reason.trim(),
        refusedAt: now.toISOString(),
        actor: actorOf(caller),
      },
      { correlationId: ctx.correlationId, occurredAt: now },
    );
    return dossier;
  });
}
