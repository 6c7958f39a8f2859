import { createHash, randomUUID } from 'node:crypto';
import { publishMany, type ActorV1, type OutgoingEvent } from '@onestop/events';
import { actorOf, badInput } from '@onestop/service-kit';
import {
  checkHistoricalLine,
  importedResultContent,
  type HistoricalDossier,
  type HistoricalLine,
  type KnownCentre,
  type KnownProcedure,
} from '../domain/historical-import';
import { Centre, Procedure } from '../persistence';
import {
  advanceSequences,
  dossiersByCode,
  insertDossiers,
  insertResultRecords,
  upsertApplicants,
  type PlannedImport,
} from '../persistence/historical-import';
import { dossierSubmitted } from '../events/dossier-submitted';
import type { IntakeContext } from '../deps';
import { authorizeProvinceWide } from '../resolvers/access';

/** The most lines one call takes (the CLI sends 200). */
export const MAX_IMPORT_BATCH = 1000;

type LineResult = {
  line: number | null;
  code: string | null;
  outcome: 'IMPORTED' | 'ALREADY_IMPORTED' | 'REJECTED';
  dossierId: string | null;
  reason: string | null;
};

/**
 * importDossiers (ADMIN): dossiers of another one-stop system with their past timestamps. Every
 * line is checked on its own first (nothing is written for a rejected one), then the valid ones
 * are written in ONE transaction with multi-row statements: applicants (upsert), dossiers (the
 * old code kept; ON CONFLICT on the code makes the import idempotent), the results' digital
 * records, and the events — DossierSubmitted (imported: true, historical timestamps) for every
 * dossier, each followed by DossierHistoryImported when it had a life after reception, which
 * processing applies through its state machine. Intake's replica starts at RECEIVED and follows processing's
 * events like a live dossier's.
 */
export async function importDossiers(ctx: IntakeContext, lines: HistoricalLine[]) {
  const caller = await authorizeProvinceWide(ctx, 'importDossiers');
  if (lines.length > MAX_IMPORT_BATCH) throw badInput(`At most ${MAX_IMPORT_BATCH} lines per call`);
  const now = new Date();
  const [centres, procedures, calendar] = await Promise.all([
    ctx.db.getRepository(Centre).find(),
    ctx.db.getRepository(Procedure).findBy({ current: true }),
    ctx.deps.calendar(),
  ]);
  const catalogue = {
    centres: new Map<string, KnownCentre>(
      centres.map((c) => [c.code, { id: c.id, code: c.code, level: c.level as KnownCentre['level'] }]),
    ),
    procedures: new Map<string, KnownProcedure>(procedures.map((p) => [p.code, p as unknown as KnownProcedure])),
    calendar,
    now,
  };
  const procedureById = new Map(procedures.map((p) => [p.id, p]));

  const results: LineResult[] = lines.map((raw) => ({
    line: raw.line ?? null,
    code: typeof raw.code === 'string' ? raw.code.trim() : null,
    outcome: 'REJECTED',
    dossierId: null,
    reason: null,
  }));
  const valid: Array<{ i: number; d: HistoricalDossier }> = [];
  const allowed = new Map<string, boolean>();
  for (const [i, raw] of lines.entries()) {
    const check = checkHistoricalLine(raw, catalogue);
    if (!check.ok) {
      results[i].reason = check.reason;
      continue;
    }
    const centreId = check.dossier.centre.id;
    if (!allowed.has(centreId)) allowed.set(centreId, await ctx.deps.centres.canActIn(caller, centreId));
    if (!allowed.get(centreId)) {
      results[i].reason = `centre ${check.dossier.centre.code} is outside your centres`;
      continue;
    }
    valid.push({ i, d: check.dossier });
  }

  // Codes imported before (or twice in this batch): reported, not written again.
  const known = await dossiersByCode(
    ctx.db.manager,
    valid.map((v) => v.d.code),
  );
  const planned: Array<PlannedImport & { i: number }> = [];
  for (const { i, d } of valid) {
    const before = known.get(d.code);
    // A code of another centre's dossier names a dossier this line may not see: refused, its id untold.
    if (before && before.centreId !== d.centre.id) {
      results[i].reason = `code ${d.code} is already used by a dossier of another centre`;
      continue;
    }
    if (before) {
      Object.assign(results[i], { outcome: 'ALREADY_IMPORTED', dossierId: before.id });
      continue;
    }
    const dossierId = randomUUID();
    known.set(d.code, { id: dossierId, centreId: d.centre.id });
    planned.push({ i, ...planResult(d, dossierId) });
  }

  if (planned.length) {
    // The results' content first (content-addressed: a retry writes the same bytes again harmlessly).
    await Promise.all(planned.filter((p) => p.content).map((p) => ctx.deps.blobs.put(p.content!)));
    const inserted = await ctx.db.transaction(async (manager) => {
      const applicantIds = await upsertApplicants(
        manager,
        planned.map((p) => p.d),
      );
      const written = await insertDossiers(manager, planned, applicantIds);
      const fresh = planned.filter((p) => written.has(p.dossierId));
      await insertResultRecords(manager, fresh);
      await advanceSequences(manager, fresh);
      // each dossier's two events side by side: a subscriber applies them in one run, in order (all the
      // receptions first put a history in another run than its reception, which a concurrent run then
      // had not committed yet: the province-year import split into tens of thousands of retried jobs)
      await publishMany(
        manager,
        fresh.flatMap((p) => [
          submitted(
            p,
            applicantIds.get(p.d.applicant.identityNumber)!,
            procedureById.get(p.d.procedure.id)!,
            actorOf(caller),
          ),
          ...(hasHistory(p.d) ? [historyOf(p)] : []),
        ]),
        { correlationId: ctx.correlationId },
      );
      return written;
    });
    for (const p of planned) {
      if (inserted.has(p.dossierId)) Object.assign(results[p.i], { outcome: 'IMPORTED', dossierId: p.dossierId });
      else Object.assign(results[p.i], { outcome: 'ALREADY_IMPORTED' }); // a concurrent import of the same code won
    }
  }
  const count = (o: LineResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return {
    imported: count('IMPORTED'),
    alreadyImported: count('ALREADY_IMPORTED'),
    rejected: count('REJECTED'),
    lines: results,
  };
}

function planResult(d: HistoricalDossier, dossierId: string): PlannedImport {
  if (!d.decision?.result) return { d, dossierId, result: null, content: null };
  const content = importedResultContent(d);
  return {
    d,
    dossierId,
    content,
    result: {
      recordId: randomUUID(),
      documentType: d.decision.result.documentType,
      title: d.decision.result.title,
      sha256: createHash('sha256').update(content).digest('hex'),
      sizeBytes: content.length,
      mimeType: 'text/plain',
      validUntil: d.decision.result.validUntil,
      fileName: `${d.code}.txt`,
    },
  };
}

const hasHistory = (d: HistoricalDossier) => d.steps.length > 0 || d.supplements.length > 0 || d.decision !== null;

function submitted(p: PlannedImport, applicantId: string, procedure: Procedure, actor: ActorV1): OutgoingEvent {
  const d = p.d;
  const dossier = {
    id: p.dossierId,
    code: d.code,
    status: 'RECEIVED' as const,
    channel: d.channel,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    receptionDay: d.receptionDay,
    dueAt: d.dueAt,
    deliveryMethod: d.delivery.method,
    deliveryAddress: d.delivery.address,
  };
  return {
    type: 'DossierSubmitted',
    aggregateId: p.dossierId,
    occurredAt: d.receivedAt,
    payload: dossierSubmitted(dossier, procedure, d.centre, { id: applicantId, ...d.applicant }, actor, {
      imported: true,
    }),
  };
}

function historyOf(p: PlannedImport): OutgoingEvent {
  const d = p.d;
  return {
    type: 'DossierHistoryImported',
    aggregateId: p.dossierId,
    occurredAt: d.decision?.decidedAt ?? d.receivedAt,
    payload: {
      dossierId: p.dossierId,
      code: d.code,
      steps: d.steps.map((s) => ({ ...s, completedAt: s.completedAt.toISOString() })),
      supplements: d.supplements.map((s) => ({
        requestedAt: s.requestedAt.toISOString(),
        reason: s.reason,
        submittedAt: s.submittedAt?.toISOString() ?? null,
      })),
      decision: d.decision && {
        decision: d.decision.decision,
        decidedAt: d.decision.decidedAt.toISOString(),
        reason: d.decision.reason,
        actor: d.decision.actor,
        result: p.result,
      },
      returned: d.returnedAt ? { returnedAt: d.returnedAt.toISOString(), method: d.delivery.method } : null,
      rating: d.rating ? { overall: d.rating.overall, ratedAt: d.rating.ratedAt.toISOString() } : null,
    },
  };
}
