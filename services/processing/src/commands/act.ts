import type { WorkingCalendar } from '@onestop/calendar';
import { actorOf, awaitingEvent, badInput, catchingUp, checkLength, conflict, isUuid, notFound, requireCaller, type Caller } from '@onestop/service-kit';
import { NotAtStep, type Patch } from '../domain/dossier-process';
import { isOpen, mayBeBehind, RefusedTransition } from '../domain/lifecycle';
import { statusChangedPayload } from '../events/status-changed';
import type { ProcessingDossier } from '../persistence';
import type { Actor, HistoryLine } from '../persistence/history';
import type { ProcessingStores } from '../persistence/stores';
import { nowOf, type ProcessingContext } from '../deps';

/** A lifecycle command's transaction: the stores, the dossier as read in it, the instant and the calendar. */
export interface Act {
  stores: ProcessingStores;
  dossier: ProcessingDossier;
  now: Date;
  calendar: WorkingCalendar;
}

/**
 * Runs one lifecycle command: checks `authorize` on the dossier as read, then `apply` in one
 * transaction. A refused transition or a dossier changed meanwhile is CONFLICT and writes nothing.
 * A dossier not known here yet (its reception is on its way from intake), or refused in a status
 * another service moves on, first waits for that service's event (catchingUp).
 */
export async function act(
  ctx: ProcessingContext, dossierId: string,
  authorize: (d: ProcessingDossier) => Promise<Caller>, apply: (a: Act, caller: Caller) => Promise<ProcessingDossier>,
): Promise<ProcessingDossier> {
  requireCaller(ctx); // no token: UNAUTHENTICATED before anything is looked up
  if (!isUuid(dossierId)) throw notFound('Dossier');
  const calendar = await ctx.deps.calendar();
  const { stores } = ctx.deps;
  return catchingUp(ctx, async () => {
    const now = nowOf(ctx.deps);
    const seen = await stores.read().dossiers.load(dossierId).catch((err) => { throw awaitingEvent(err, dossierId); });
    try {
      const caller = await authorize(seen);
      return await stores.transaction(async (tx) => apply({ stores: tx, dossier: await tx.dossiers.load(dossierId), now, calendar }, caller));
    } catch (err) {
      const refusal = err instanceof RefusedTransition || err instanceof NotAtStep ? conflict(err.message) : err;
      throw mayBeBehind(seen.status) ? awaitingEvent(refusal, dossierId) : refusal;
    }
  });
}

export const actor = (caller: Caller): Actor => ({ id: caller.id, name: caller.name, role: caller.role });

/** A required text, trimmed, within its length. */
export function required(value: string | null | undefined, what: string, kind: 'code' | 'name' | 'reason' = 'reason'): string {
  if (!value?.trim()) throw badInput(`${what} is required`);
  checkLength(value, what, kind);
  return value.trim();
}

export interface RecordExtra extends Pick<HistoryLine, 'stepDueAt' | 'stepOutcome'> {
  note?: string | null; reason?: string | null; componentCodes?: string[]; centreId?: string; stepCode?: string;
  /** false: no DossierStatusChanged (a step inside PROCESSING changes no status). */
  announce?: boolean;
  /** The step is held again after a send-back (its holding is marked rework). */
  rework?: boolean;
}

/** Changes the dossier, writes the control slip's line and announces the new status, in one go. */
export async function record(a: Act, caller: Caller, ctx: Pick<ProcessingContext, 'correlationId'>, action: string, patch: Patch & Partial<ProcessingDossier>, extra: RecordExtra = {}): Promise<ProcessingDossier> {
  const before = a.dossier.processingCentreId;
  const held = { stepIndex: a.dossier.stepIndex, assigneeId: a.dossier.assigneeId ?? null, open: isOpen(a.dossier.status) };
  const updated = await a.stores.dossiers.commitTransition(a.dossier, patch);
  await moveHolding(a, held, updated, extra.rework ?? false);
  await a.stores.history.append(updated, {
    action, actor: actor(caller), at: a.now, note: extra.note ?? extra.reason ?? null, centreId: extra.centreId ?? before,
    stepCode: extra.stepCode, stepDueAt: extra.stepDueAt, stepOutcome: extra.stepOutcome,
  });
  if (extra.announce !== false) {
    await a.stores.outbox.publish('DossierStatusChanged', updated.id,
      statusChangedPayload(updated, { action, at: a.now, actor: actorOf(caller), reason: extra.reason, componentCodes: extra.componentCodes }),
      { correlationId: ctx.correlationId ?? null, occurredAt: a.now });
  }
  return updated;
}

/**
 * The control slip's holders follow the dossier: a new step, a new assignee or the end of
 * processing closes the open holding (of the linear step) and, while the dossier is open, opens
 * the next one. A reassignment keeps the rework mark of the holding it replaces.
 */
async function moveHolding(a: Act, was: { stepIndex: number; assigneeId: string | null; open: boolean }, now: ProcessingDossier, rework: boolean): Promise<void> {
  const open = isOpen(now.status);
  const sameStep = was.stepIndex === now.stepIndex;
  if (sameStep && was.assigneeId === (now.assigneeId ?? null) && was.open === open && !rework) return;
  const previous = sameStep ? await a.stores.holdings.current(now.id, null) : null;
  await a.stores.holdings.close(now.id, a.now, null);
  if (!open || now.branches?.length) return;
  await a.stores.holdings.open({
    dossierId: now.id, stepCode: now.steps[now.stepIndex].code, branchCode: null, officerId: now.assigneeId ?? null,
    centreId: holdingCentreOf(now), from: a.now, rework: rework || (sameStep && !!previous?.rework),
  });
}

/** Where the current step is held: the agency during an accepted inter-agency step, the processing centre otherwise. */
export const holdingCentreOf = (d: ProcessingDossier): string =>
  d.interAgency && d.interAgency.state !== 'DONE' && d.interAgency.state !== 'RETURNED' && d.steps[d.stepIndex]?.code === d.interAgency.stepCode
    ? d.interAgency.agencyCentreId : d.processingCentreId;
