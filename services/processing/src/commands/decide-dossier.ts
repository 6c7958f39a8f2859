import { randomUUID } from 'node:crypto';
import { decodeUpload, UploadProblem } from '@onestop/blob-store';
import { isCalendarDate } from '@onestop/calendar';
import { signResult } from '@onestop/documents';
import { actorOf, badInput, checkLength } from '@onestop/service-kit';
import { stepOutcome } from '../domain/clock';
import { decide } from '../domain/dossier-process';
import { dossierDecided } from '../events/dossier-decided';
import type { StoredResult } from '../persistence';
import { requireRoleOfStep } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

export interface DecisionInput {
  dossierId: string;
  decision: 'APPROVED' | 'REJECTED';
  reason?: string | null;
  result?: {
    documentType: string;
    title: string;
    validUntil?: string | null;
    upload: { fileName: string; mimeType: string; contentBase64: string };
  } | null;
}

/** The largest result document accepted (bytes). */
const MAX_RESULT_BYTES = 20 * 1024 * 1024;

/** The decision (4→9) at the decision step, by its role: APPROVED with a result document, or REJECTED with reasons. */
export async function decideDossier(ctx: ProcessingContext, input: DecisionInput) {
  checkLength(input.reason, 'reason', 'reason');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'REJECTED' && !reason) throw badInput('A rejection needs its reasons');
  if (input.decision === 'APPROVED' && !input.result) throw badInput('An approval needs its result document');
  const upload = input.result ? decodeResult(input.result) : null;
  return act(
    ctx,
    input.dossierId,
    (d) => requireRoleOfStep(ctx, 'decideDossier', d, d.steps.length - 1),
    async (a, caller) => {
      const d = a.dossier;
      const patch = decide(d, a.now);
      let result: StoredResult | null = null;
      if (upload) {
        // the result as the citizen downloads it and the archive keeps it: a PDF signed with the centre's certificate
        // (packages/documents says which cannot be), then stored; its hash is the one recorded and announced
        const centre = await ctx.deps.centres.byId(d.processingCentreId);
        const signed = await signResult(
          ctx.deps.signer,
          { content: upload.content, mimeType: upload.meta.mimeType },
          { title: upload.meta.title, issuer: centre?.name ?? '', dossierCode: d.code },
        );
        const stored = await ctx.deps.blobs.put(signed.content);
        result = { recordId: randomUUID(), ...upload.meta, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
      }
      const step = d.steps[d.stepIndex];
      const updated = await record(
        a,
        caller,
        ctx,
        'DECIDE',
        { ...patch, decision: input.decision, result },
        {
          reason,
          note: `${input.decision}${reason ? `: ${reason}` : ''}`,
          stepCode: step.code,
          stepDueAt: d.stepDueAt,
          stepOutcome: d.stepDueAt ? stepOutcome(a.now, d.stepDueAt) : null,
        },
      );
      await a.stores.outbox.publish(
        'DossierDecided',
        d.id,
        dossierDecided(d, { decision: input.decision, reason, at: a.now, result, actor: actorOf(caller) }),
        { correlationId: ctx.correlationId, occurredAt: a.now },
      );
      return updated;
    },
  );
}

function decodeResult(result: NonNullable<DecisionInput['result']>) {
  const documentType = required(result.documentType, 'result.documentType', 'code');
  const title = required(result.title, 'result.title', 'name');
  const fileName = required(result.upload?.fileName, 'result.upload.fileName', 'name');
  const mimeType = required(result.upload?.mimeType, 'result.upload.mimeType', 'code');
  let content: Buffer;
  try {
    // the same allow-list and content check as the applicants' documents: a result is served to the citizen as stored
    content = decodeUpload({ fileName, mimeType, contentBase64: result.upload?.contentBase64 ?? '' }, MAX_RESULT_BYTES);
  } catch (err) {
    if (err instanceof UploadProblem) throw badInput(`The result document: ${err.message}`, { field: 'result.upload' });
    throw err;
  }
  const validUntil = result.validUntil ?? null;
  if (validUntil !== null && !isCalendarDate(validUntil))
    throw badInput('result.validUntil must be a real date YYYY-MM-DD');
  return {
    content,
    meta: { documentType, title, fileName, mimeType, validUntil: validUntil === null ? null : String(validUntil) },
  };
}
