import { createHash, randomUUID } from 'node:crypto';
import { publishMany, type OutgoingEvent, type ResultDocumentV1 } from '@onestop/events';
import { actorOf, badInput } from '@onestop/service-kit';
import { authorizeProvinceWide } from './access';
import type { EntityManager } from 'typeorm';
import {
  checkHistoricalLine, importedResultContent, sequenceOfCode,
  type HistoricalDossier, type HistoricalLine, type KnownCentre, type KnownProcedure,
} from '../domain/historical-import';
import { Centre, Procedure } from '../persistence';
import type { IntakeContext } from '../deps';

/** The most lines one call takes (the CLI sends 200). */
export const MAX_IMPORT_BATCH = 1000;

type LineResult = { line: number | null; code: string | null; outcome: 'IMPORTED' | 'ALREADY_IMPORTED' | 'REJECTED'; dossierId: string | null; reason: string | null };

interface Planned { d: HistoricalDossier; dossierId: string; result: ResultDocumentV1 | null; content: Buffer | null }

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
export async function importDossiers(_: unknown, { lines }: { lines: HistoricalLine[] }, ctx: IntakeContext) {
  const caller = await authorizeProvinceWide(ctx, 'importDossiers');
  if (lines.length > MAX_IMPORT_BATCH) throw badInput(`At most ${MAX_IMPORT_BATCH} lines per call`);
  const now = new Date();
  const [centres, procedures, calendar] = await Promise.all([
    ctx.db.getRepository(Centre).find(), ctx.db.getRepository(Procedure).findBy({ current: true }), ctx.deps.calendar(),
  ]);
  const catalogue = {
    centres: new Map<string, KnownCentre>(centres.map((c) => [c.code, { id: c.id, code: c.code, level: c.level as KnownCentre['level'] }])),
    procedures: new Map<string, KnownProcedure>(procedures.map((p) => [p.code, p as unknown as KnownProcedure])),
    calendar, now,
  };
  const procedureById = new Map(procedures.map((p) => [p.id, p]));

  const results: LineResult[] = lines.map((raw) => ({ line: raw.line ?? null, code: typeof raw.code === 'string' ? raw.code.trim() : null, outcome: 'REJECTED', dossierId: null, reason: null }));
  const valid: Array<{ i: number; d: HistoricalDossier }> = [];
  const allowed = new Map<string, boolean>();
  for (const [i, raw] of lines.entries()) {
    const check = checkHistoricalLine(raw, catalogue);
    if (!check.ok) { results[i].reason = check.reason; continue; }
    const centreId = check.dossier.centre.id;
    if (!allowed.has(centreId)) allowed.set(centreId, await ctx.deps.centres.canActIn(caller, centreId));
    if (!allowed.get(centreId)) { results[i].reason = `centre ${check.dossier.centre.code} is outside your centres`; continue; }
    valid.push({ i, d: check.dossier });
  }

  // Codes imported before (or twice in this batch): reported, not written again.
  const known = new Map<string, { id: string; centreId: string }>(
    (await ctx.db.query(`SELECT id, code, centre_id FROM dossier WHERE code = ANY($1::text[])`, [valid.map((v) => v.d.code)]))
      .map((r: { id: string; code: string; centre_id: string }) => [r.code, { id: r.id, centreId: r.centre_id }]),
  );
  const planned: Array<Planned & { i: number }> = [];
  for (const { i, d } of valid) {
    const before = known.get(d.code);
    // A code of another centre's dossier names a dossier this line may not see: refused, its id untold.
    if (before && before.centreId !== d.centre.id) { results[i].reason = `code ${d.code} is already used by a dossier of another centre`; continue; }
    if (before) { Object.assign(results[i], { outcome: 'ALREADY_IMPORTED', dossierId: before.id }); continue; }
    const dossierId = randomUUID();
    known.set(d.code, { id: dossierId, centreId: d.centre.id });
    planned.push({ i, ...planResult(d, dossierId) });
  }

  if (planned.length) {
    // The results' content first (content-addressed: a retry writes the same bytes again harmlessly).
    await Promise.all(planned.filter((p) => p.content).map((p) => ctx.deps.blobs.put(p.content!)));
    const inserted = await ctx.db.transaction(async (manager) => {
      const applicantIds = await upsertApplicants(manager, planned.map((p) => p.d));
      const written = await insertDossiers(manager, planned, applicantIds);
      const fresh = planned.filter((p) => written.has(p.dossierId));
      await insertResultRecords(manager, fresh);
      await advanceSequences(manager, fresh);
      // each dossier's two events side by side: a subscriber applies them in one run, in order (all the
      // receptions first put a history in another run than its reception, which a concurrent run then
      // had not committed yet: the province-year import split into tens of thousands of retried jobs)
      await publishMany(manager, fresh.flatMap((p) => [
        submitted(p, applicantIds.get(p.d.applicant.identityNumber)!, procedureById.get(p.d.procedure.id)!, actorOf(caller)),
        ...(hasHistory(p.d) ? [historyOf(p)] : []),
      ]), { correlationId: ctx.correlationId });
      return written;
    });
    for (const p of planned) {
      if (inserted.has(p.dossierId)) Object.assign(results[p.i], { outcome: 'IMPORTED', dossierId: p.dossierId });
      else Object.assign(results[p.i], { outcome: 'ALREADY_IMPORTED' }); // a concurrent import of the same code won
    }
  }
  const count = (o: LineResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return { imported: count('IMPORTED'), alreadyImported: count('ALREADY_IMPORTED'), rejected: count('REJECTED'), lines: results };
}

function planResult(d: HistoricalDossier, dossierId: string): Planned {
  if (!d.decision?.result) return { d, dossierId, result: null, content: null };
  const content = importedResultContent(d);
  return {
    d, dossierId, content,
    result: {
      recordId: randomUUID(), documentType: d.decision.result.documentType, title: d.decision.result.title,
      sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length, mimeType: 'text/plain',
      validUntil: d.decision.result.validUntil, fileName: `${d.code}.txt`,
    },
  };
}

const hasHistory = (d: HistoricalDossier) => d.steps.length > 0 || d.supplements.length > 0 || d.decision !== null;

/** One statement for the batch's applicants; the latest line of an applicant wins, a detail left out keeps the one on file. */
async function upsertApplicants(manager: EntityManager, dossiers: HistoricalDossier[]): Promise<Map<string, string>> {
  const byNumber = new Map(dossiers.map((d) => [d.applicant.identityNumber, d.applicant]));
  // In key order, so two concurrent batches lock the same applicants in the same order.
  const list = [...byNumber.values()].sort((a, b) => (a.identityNumber < b.identityNumber ? -1 : 1));
  const rows: Array<{ id: string; identity_number: string }> = await manager.query(
    `INSERT INTO applicant (kind, identity_number, full_name, phone, email, address)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (identity_number) DO UPDATE SET full_name = EXCLUDED.full_name,
       phone = COALESCE(EXCLUDED.phone, applicant.phone), email = COALESCE(EXCLUDED.email, applicant.email),
       address = COALESCE(EXCLUDED.address, applicant.address)
     RETURNING id, identity_number`,
    [list.map((a) => a.kind), list.map((a) => a.identityNumber), list.map((a) => a.fullName),
      list.map((a) => a.phone), list.map((a) => a.email), list.map((a) => a.address)],
  );
  return new Map(rows.map((r) => [r.identity_number, r.id]));
}

async function insertDossiers(manager: EntityManager, planned: Planned[], applicantIds: Map<string, string>): Promise<Set<string>> {
  const col = <T>(f: (p: Planned) => T) => planned.map(f);
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO dossier (id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day,
       status, national_status_code, due_at, status_at, processing_centre_id, delivery_method, delivery_address)
     SELECT id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day,
       'RECEIVED', 2, due_at, received_at, centre_id, delivery_method, delivery_address
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                   $9::date[], $10::timestamptz[], $11::text[], $12::text[])
         AS t(id, code, procedure_id, centre_id, applicant_id, channel, submitted_at, received_at, reception_day, due_at, delivery_method, delivery_address)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [col((p) => p.dossierId), col((p) => p.d.code), col((p) => p.d.procedure.id), col((p) => p.d.centre.id),
      col((p) => applicantIds.get(p.d.applicant.identityNumber)), col((p) => p.d.channel), col((p) => p.d.submittedAt.toISOString()),
      col((p) => p.d.receivedAt.toISOString()), col((p) => p.d.receptionDay), col((p) => p.d.dueAt.toISOString()),
      col((p) => p.d.delivery.method), col((p) => p.d.delivery.address)],
  );
  return new Set(rows.map((r) => r.id));
}

/** The result of each approved dossier is a digital record of its applicant, as processing's live decision makes it. */
async function insertResultRecords(manager: EntityManager, planned: Planned[]): Promise<void> {
  const withResult = planned.filter((p) => p.result);
  if (!withResult.length) return;
  const col = <T>(f: (p: Planned) => T) => withResult.map(f);
  await manager.query(
    `INSERT INTO digital_record (id, owner_identity_number, document_type, title, file_name, sha256, size_bytes, mime_type,
       valid_until, digitised_at_centre_id, source_dossier_id, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[],
       $9::date[], $10::uuid[], $11::uuid[], $12::timestamptz[])`,
    [col((p) => p.result!.recordId), col((p) => p.d.applicant.identityNumber), col((p) => p.result!.documentType), col((p) => p.result!.title),
      col((p) => p.result!.fileName), col((p) => p.result!.sha256), col((p) => p.result!.sizeBytes), col((p) => p.result!.mimeType),
      col((p) => p.result!.validUntil), col((p) => p.d.centre.id), col((p) => p.dossierId), col((p) => p.d.decision!.decidedAt.toISOString())],
  );
}

/** An old code in this platform's format moves the centre's day sequence past it, so live reception never reuses it. */
async function advanceSequences(manager: EntityManager, planned: Planned[]): Promise<void> {
  const highest = new Map<string, { centreId: string; day: string; value: number }>();
  for (const p of planned) {
    const seq = sequenceOfCode(p.d.code, p.d.centre.code);
    if (!seq) continue;
    const key = `${p.d.centre.id}|${seq.day}`;
    if ((highest.get(key)?.value ?? 0) < seq.value) highest.set(key, { centreId: p.d.centre.id, ...seq });
  }
  if (!highest.size) return;
  const list = [...highest.values()].sort((a, b) => (`${a.centreId}${a.day}` < `${b.centreId}${b.day}` ? -1 : 1));
  await manager.query(
    `INSERT INTO dossier_sequence (centre_id, day, last_value) SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[])
     ON CONFLICT (centre_id, day) DO UPDATE SET last_value = GREATEST(dossier_sequence.last_value, EXCLUDED.last_value)`,
    [list.map((s) => s.centreId), list.map((s) => s.day), list.map((s) => s.value)],
  );
}

function submitted(p: Planned, applicantId: string, procedure: Procedure, actor: ReturnType<typeof actorOf>): OutgoingEvent {
  const d = p.d;
  return {
    type: 'DossierSubmitted', aggregateId: p.dossierId, occurredAt: d.receivedAt,
    payload: {
      dossierId: p.dossierId, code: d.code, status: 2, channel: d.channel,
      submittedAt: d.submittedAt.toISOString(), receivedAt: d.receivedAt.toISOString(), receptionDay: d.receptionDay, dueAt: d.dueAt.toISOString(),
      procedure: { id: procedure.id, code: procedure.code, name: procedure.name, sector: procedure.sector, version: procedure.version,
        processingTime: { amount: procedure.timeAmount, unit: procedure.timeUnit } },
      receivingCentre: { id: d.centre.id, code: d.centre.code, level: d.centre.level },
      applicant: { id: applicantId, kind: d.applicant.kind, identityNumber: d.applicant.identityNumber, fullName: d.applicant.fullName,
        phone: d.applicant.phone, email: d.applicant.email },
      delivery: d.delivery, actor, imported: true,
    },
  };
}

function historyOf(p: Planned): OutgoingEvent {
  const d = p.d;
  return {
    type: 'DossierHistoryImported', aggregateId: p.dossierId, occurredAt: d.decision?.decidedAt ?? d.receivedAt,
    payload: {
      dossierId: p.dossierId, code: d.code,
      steps: d.steps.map((s) => ({ ...s, completedAt: s.completedAt.toISOString() })),
      supplements: d.supplements.map((s) => ({ requestedAt: s.requestedAt.toISOString(), reason: s.reason, submittedAt: s.submittedAt?.toISOString() ?? null })),
      decision: d.decision && {
        decision: d.decision.decision, decidedAt: d.decision.decidedAt.toISOString(), reason: d.decision.reason, actor: d.decision.actor, result: p.result,
      },
      returned: d.returnedAt ? { returnedAt: d.returnedAt.toISOString(), method: d.delivery.method } : null,
      rating: d.rating ? { overall: d.rating.overall, ratedAt: d.rating.ratedAt.toISOString() } : null,
    },
  };
}
