import type { WorkingCalendar } from '@onestop/calendar';
import {
  actorOf,
  awaitingEvent,
  badInput,
  catchingUp,
  checkLength,
  conflict,
  isUuid,
  notFound,
  requireCaller,
  type Caller,
} from '@onestop/service-kit';
import { atAgency, NotAtStep, type Patch } from '../domain/dossier-process';
import { interAgencyEvent } from '../events/inter-agency';
import { isOpen, mayBeBehind, RefusedTransition, type LifecycleAction } from '../domain/lifecycle';
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
  ctx: ProcessingContext,
  dossierId: string,
  authorize: (d: ProcessingDossier) => Promise<Caller>,
  apply: (a: Act, caller: Caller) => Promise<ProcessingDossier>,
): Promise<ProcessingDossier> {
  requireCaller(ctx); // no token: UNAUTHENTICATED before anything is looked up
  if (!isUuid(dossierId)) throw notFound('Dossier');
  const calendar = await ctx.deps.calendar();
  const { stores } = ctx.deps;
  return catchingUp(ctx, async () => {
    const now = nowOf(ctx.deps);
    const seen = await stores
      .read()
      .dossiers.load(dossierId)
      .catch((err) => {
        throw awaitingEvent(err, dossierId);
      });
    try {
      const caller = await authorize(seen);
      return await stores.transaction(async (tx) =>
        apply({ stores: tx, dossier: await tx.dossiers.load(dossierId), now, calendar }, caller),
      );
    } catch (err) {
      const refusal = err instanceof RefusedTransition || err instanceof NotAtStep ? conflict(err.message) : err;
      throw mayBeBehind(seen.status) ? awaitingEvent(refusal, dossierId) : refusal;
    }
  });
}

export const actor = (caller: Caller): Actor => ({ id: caller.id, name: caller.name, role: caller.role });

/** A required text, trimmed, within its length. */
export function required(
  value: string | null | undefined,
  what: string,
  kind: 'code' | 'name' | 'reason' = 'reason',
): string {
  if (!value?.trim()) throw badInput(`${what} is required`);
  checkLength(value, what, kind);
  return value.trim();
}

export interface RecordExtra extends Pick<HistoryLine, 'stepDueAt' | 'stepOutcome'> {
  note?: string | null;
  reason?: string | null;
  componentCodes?: string[];
  centreId?: string;
  stepCode?: string;
  /** false: no DossierStatusChanged (a step inside PROCESSING changes no status). */
  announce?: boolean;
  /** The step is held again after a send-back (its holding is marked rework). */
  rework?: boolean;
}

/** Changes the dossier, writes the control slip's line and announces the new status, in one go. */
export async function record(
  a: Act,
  caller: Caller,
  ctx: Pick<ProcessingContext, 'correlationId'>,
  action: LifecycleAction,
  patch: Patch & Partial<ProcessingDossier>,
  extra: RecordExtra = {},
): Promise<ProcessingDossier> {
  const before = a.dossier.processingCentreId;
  const held = holdersOf(a.dossier);
  const heldStep = a.dossier.stepIndex;
  const wasSentAt = atAgency(a.dossier) ? a.dossier.interAgency!.sentAt : null;
  const updated = await a.stores.dossiers.commitTransition(a.dossier, patch);
  await moveHolding(a, held, heldStep, updated, extra.rework ?? false);
  if (
    updated.interAgency?.state === 'AWAITING_ACCEPTANCE' &&
    atAgency(updated) &&
    updated.interAgency.sentAt !== wasSentAt
  ) {
    await a.stores.outbox.publish(
      'InterAgencyTransferred',
      updated.id,
      interAgencyEvent(updated, { at: a.now, actor: actorOf(caller) }),
      { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
    );
  }
  await a.stores.history.append(updated, {
    action,
    actor: actor(caller),
    at: a.now,
    note: extra.note ?? extra.reason ?? null,
    centreId: extra.centreId ?? before,
    stepCode: extra.stepCode,
    stepDueAt: extra.stepDueAt,
    stepOutcome: extra.stepOutcome,
  });
  if (extra.announce !== false) {
    await a.stores.outbox.publish(
      'DossierStatusChanged',
      updated.id,
      statusChangedPayload(updated, {
        action,
        at: a.now,
        actor: actorOf(caller),
        reason: extra.reason,
        componentCodes: extra.componentCodes,
      }),
      { correlationId: ctx.correlationId ?? null, occurredAt: a.now },
    );
  }
  return updated;
}

/** Who holds an open dossier now: the linear step (branch null), or each branch still to do. */
function holdersOf(
  d: ProcessingDossier,
): Array<{ key: string; stepCode: string; branchCode: string | null; officerId: string | null }> {
  if (!isOpen(d.status)) return [];
  const stepCode = d.steps[d.stepIndex]?.code;
  const centre = holdingCentreOf(d);
  if (d.branches?.length) {
    return d.branches
      .filter((b) => !b.doneAt)
      .map((b) => ({
        key: `${d.stepIndex}/${b.code}/${b.assigneeId}/${b.startedAt}`,
        stepCode,
        branchCode: b.code,
        officerId: b.assigneeId,
      }));
  }
  return [
    {
      key: `${d.stepIndex}//${d.assigneeId ?? null}/${centre}/${d.interAgency?.state ?? ''}`,
      stepCode,
      branchCode: null,
      officerId: d.assigneeId ?? null,
    },
  ];
}

/**
 * The control slip's holders follow the dossier: a new step or branch, a new assignee, the
 * agency taking it, or the end of processing closes the holding it replaces and opens the next
 * (while the dossier is open). A reassignment keeps the rework mark of the holding it replaces.
 */
async function moveHolding(
  a: Act,
  before: ReturnType<typeof holdersOf>,
  beforeStep: number,
  now: ProcessingDossier,
  rework: boolean,
): Promise<void> {
  const after = holdersOf(now);
  const afterKeys = new Set(after.map((h) => h.key));
  const beforeKeys = new Set(before.map((h) => h.key));
  const sameStep = beforeStep === now.stepIndex;
  const kept = new Map<string | null, boolean>();
  for (const h of before) {
    if (afterKeys.has(h.key) && !rework) continue;
    if (sameStep) kept.set(h.branchCode, !!(await a.stores.holdings.current(now.id, h.branchCode))?.rework);
    await a.stores.holdings.close(now.id, a.now, h.branchCode);
  }
  for (const h of after) {
    if (beforeKeys.has(h.key) && !rework) continue;
    await a.stores.holdings.open({
      dossierId: now.id,
      stepCode: h.stepCode,
      branchCode: h.branchCode,
      officerId: h.officerId,
      centreId: holdingCentreOf(now),
      from: a.now,
      rework: rework || (sameStep && !!kept.get(h.branchCode)),
    });
  }
}

/** Where the current step is held: the agency during its inter-agency step, the processing centre otherwise. */
export const holdingCentreOf = (d: ProcessingDossier): string =>
  atAgency(d) ? d.interAgency!.agencyCentreId : d.processingCentreId;
