import type { WorkingCalendar } from '@onestop/calendar';
import { perRequest } from '@onestop/service-kit';
import { slaAt } from '../domain/clock';
import { isOpen, nationalStatusCode } from '../domain/lifecycle';
import { Apology, HistoryEntry, ProcessingDossier } from '../persistence';
import { dossierWithCentreCode } from '../persistence/dossiers';
import { nowOf, type ProcessingContext } from '../deps';
import { kindOf } from '../domain/workflow';
import { holdingsOf } from '../persistence/holdings';
import { officersByIds } from '../persistence/officers';
import { officerOf, officerView } from './officer';

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
  dueAt: (d: Partial<D>) => (d.status && !paused(d as D) ? (d.dueAt ?? null) : null),
  statutoryDueAt: (d: Partial<D>) => d.statutoryDueAt ?? null,
  resolvedAt: (d: Partial<D>) => d.resolvedAt ?? null,
  processingCentre: (d: Read) =>
    d.processingCentreId ? { id: d.processingCentreId, code: d.processingCentreCode ?? undefined } : null,
  workflow: (d: Partial<D>) =>
    d.steps ? { procedureCode: d.procedureCode, version: d.workflowVersion, steps: d.steps } : null,

  /** The first active step while the dossier is open; its due time is null while the clock is stopped. */
  currentStep(d: Partial<D>) {
    return activeStepsOf(d)[0] ?? null;
  },

  /** Every step or branch in progress: one for a linear workflow, one per branch still to do during a PARALLEL step. */
  activeSteps: (d: Partial<D>) => activeStepsOf(d),

  /** The officer the first active step is assigned to. */
  assignee(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    return officerOf(ctx, activeStepsOf(d)[0]?.assigneeId);
  },

  /** Who held the dossier at which step, from when until when, with the office time held (to now while still held). */
  async holdings(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status) return [];
    const rows = await holdingsOf(ctx.db.manager, d.id!);
    const officers = new Map(
      (
        await officersByIds(ctx.db.manager, [
          ...new Set(rows.map((h) => h.officerId).filter((id): id is string => !!id)),
        ])
      ).map((o) => [o.id, o]),
    );
    const calendar = await calendarOf(ctx);
    const now = nowOf(ctx.deps);
    return rows.map((h) => {
      const officer = h.officerId ? officers.get(h.officerId) : undefined;
      const until = h.until ?? now;
      return {
        officer: officer ? officerView(officer) : null,
        stepCode: h.stepCode,
        branchCode: h.branchCode,
        centre: { id: h.centreId },
        from: h.from,
        until: h.until,
        rework: h.rework,
        workingHours: until > h.from ? Math.round((calendar.workingMinutesBetween(h.from, until) / 60) * 100) / 100 : 0,
      };
    });
  },
  interAgency(d: Partial<D>) {
    const t = d.interAgency;
    return t
      ? {
          agency: { id: t.agencyCentreId },
          stepCode: t.stepCode,
          sentAt: new Date(t.sentAt),
          shareDueAt: t.shareDueAt ? new Date(t.shareDueAt) : null,
          state: t.state,
          reason: t.reason,
        }
      : null;
  },

  /** Computed at read time against the statutory due date; frozen at the moment the clock stopped while it is stopped. */
  async sla(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status || !isOpen(d.status) || !(d.statutoryDueAt ?? d.dueAt)) return null;
    return slaAt(await calendarOf(ctx), d.pausedAt ?? nowOf(ctx.deps), (d.statutoryDueAt ?? d.dueAt)!);
  },

  async history(d: Partial<D>, _: unknown, ctx: ProcessingContext) {
    if (!d.status) return [];
    const rows = await ctx.db.getRepository(HistoryEntry).find({ where: { dossierId: d.id }, order: { id: 'ASC' } });
    return rows.map((h) => ({
      action: h.action,
      actor: h.actorName,
      actorRole: h.actorRole,
      at: h.at,
      note: h.note,
      centre: { id: h.centreId },
      stepCode: h.stepCode,
      stepDueAt: h.stepDueAt,
      stepOutcome: h.stepOutcome,
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

/** The active steps of an open dossier: the current step, or the PARALLEL step's branches still to do, each with its own due time. */
function activeStepsOf(d: Partial<D>) {
  if (!d.status || !isOpen(d.status) || !d.steps?.length) return [];
  const step = d.steps[d.stepIndex!];
  const isPaused = paused(d as D);
  const base = { ...step, kind: kindOf(step), index: d.stepIndex };
  if (d.branches?.length) {
    return d.branches
      .filter((b) => !b.doneAt)
      .map((b) => ({
        ...base,
        role: b.role,
        durationHours: b.durationHours,
        branchCode: b.code,
        branchName: b.name,
        assigneeId: b.assigneeId,
        startedAt: new Date(b.startedAt),
        dueAt: isPaused || !b.dueAt ? null : new Date(b.dueAt),
      }));
  }
  const agency = base.kind === 'INTER_AGENCY' && d.interAgency?.stepCode === step.code ? d.interAgency : null;
  return [
    {
      ...base,
      startedAt: d.stepStartedAt,
      dueAt: isPaused ? null : d.stepDueAt,
      assigneeId: d.assigneeId ?? null,
      agency: base.kind === 'INTER_AGENCY' && step.agencyCentreId ? { id: step.agencyCentreId } : null,
      agencyAccepted: agency
        ? agency.state === 'AWAITING_ACCEPTANCE'
          ? null
          : agency.state === 'ACCEPTED' || agency.state === 'DONE'
        : null,
    },
  ];
}

/** A step as the schema shows it: its assignee (an Officer), its agency (INTER_AGENCY). */
export const CurrentStepType = {
  assignee: (s: { assigneeId?: string | null }, _: unknown, ctx: ProcessingContext) => officerOf(ctx, s.assigneeId),
};
