import type { WorkingCalendar } from '@onestop/calendar';
import { perRequest } from '@onestop/service-kit';
import { slaAt } from '../domain/clock';
import { isOpen, nationalStatusCode } from '../domain/lifecycle';
import { Apology, HistoryEntry, ProcessingDossier } from '../persistence';
import { dossierWithCentreCode } from '../persistence/dossiers';
import { nowOf, type ProcessingContext } from '../deps';

type D = ProcessingDossier;
const paused = (d: D) => d.pausedAt !== null;

/** One calendar per request: a dossier list asks for it once, not per field. */
const calendars = new WeakMap<object, Promise<WorkingCalendar>>();
function calendarOf(ctx: ProcessingContext): Promise<WorkingCalendar> {
  let calendar = calendars.get(ctx);
  if (!calendar) calendars.set(ctx, (calendar = ctx.deps.calendar()));
  return calendar;
}

/** A dossier as its fields read it: the row, with its processing centre's code when read with it. */
type Read = Partial<D> & { processingCentreCode?: string | null };

/** A centre's code from the replica, once per request (history lines name their centres). */
const centreCodes = new WeakMap<object, Map<string, Promise<string | null>>>();

/** Processing's fields of Dossier: the lifecycle it owns. */
export const DossierType = {
  /** The row, and in the same statement its processing centre's code from the replica (Centre.code below). */
  async __resolveReference(ref: { id: string }, ctx: ProcessingContext): Promise<Read> {
    return (await dossierWithCentreCode(ctx.db, ref.id)) ?? { id: ref.id };
  },
  status: (d: Partial<D>) => d.status ?? null,
  nationalStatusCode: (d: Partial<D>) => (d.status ? nationalStatusCode(d.status) : null),
  /** The applicant's appointment; null while the clock is stopped (supplementation, financial obligation). */
  dueAt: (d: Partial<D>) => (d.status && !paused(d as D) ? d.dueAt ?? null : null),
  statutoryDueAt: (d: Partial<D>) => d.statutoryDueAt ?? null,
  resolvedAt: (d: Partial<D>) => d.resolvedAt ?? null,
  processingCentre: (d: Read) => (d.processingCentreId ? { id: d.processingCentreId, code: d.processingCentreCode ?? undefined } : null),
  workflow: (d: Partial<D>) => (d.steps ? { procedureCode: d.procedureCode, version: d.workflowVersion, steps: d.steps } : null),

  /** The step the dossier is at while it is open; its due time is null while the clock is stopped. */
  currentStep(d: Partial<D>) {
    if (!d.status || !isOpen(d.status) || !d.steps?.length) return null;
    const step = d.steps[d.stepIndex!];
    return { kind: 'TASK', ...step, index: d.stepIndex, startedAt: d.stepStartedAt, dueAt: paused(d as D) ? null : d.stepDueAt };
  },

  activeSteps(d: Partial<D>) {
    const step = DossierType.currentStep(d);
    return step ? [step] : [];
  },
  assignee: () => null,
  holdings: () => [],
  interAgency: () => null,

  /** Computed at read time against the statutory due date; frozen at the moment the clock stopped while it is stopped. */
  async sla(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status || !isOpen(d.status) || !(d.statutoryDueAt ?? d.dueAt)) return null;
    return slaAt(await calendarOf(ctx), d.pausedAt ?? nowOf(ctx.deps), (d.statutoryDueAt ?? d.dueAt)!);
  },

  async history(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status) return [];
    const rows = await ctx.db.getRepository(HistoryEntry).find({ where: { dossierId: d.id }, order: { id: 'ASC' } });
    return rows.map((h) => ({
      action: h.action, actor: h.actorName, actorRole: h.actorRole, at: h.at, note: h.note, centre: { id: h.centreId },
      stepCode: h.stepCode, stepDueAt: h.stepDueAt, stepOutcome: h.stepOutcome,
    }));
  },

  async apologies(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status) return [];
    return ctx.db.getRepository(Apology).find({ where: { dossierId: d.id }, order: { issuedAt: 'ASC' } });
  },

  result: (d: Partial<D>) => (d.result ? { id: d.result.recordId, ...d.result } : null),
  decision: (d: Partial<D>) => d.decision ?? null,
};

/**
 * The centres processing's fields reach, answered from its replica of intake's tree (the
 * schema's Centre.code is shared with intake, so the gateway need not ask intake for it).
 */
export const CentreType = {
  code(c: { id: string; code?: string }, _: unknown, ctx: ProcessingContext) {
    return c.code ?? perRequest(ctx, centreCodes, c.id, async () => (await ctx.deps.centres.byId(c.id))?.code ?? null);
  },
};

/** The public tracking view (reached only through intake's trackDossier): no personal data. */
export const DossierTrackingType = {
  async __resolveReference(ref: { id: string }, ctx: ProcessingContext) {
    return (await ctx.db.getRepository(ProcessingDossier).findOneBy({ id: ref.id })) ?? { id: ref.id };
  },
  status: DossierType.status,
  nationalStatusCode: DossierType.nationalStatusCode,
  dueAt: DossierType.dueAt,
};
