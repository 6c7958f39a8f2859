import { randomUUID } from 'node:crypto';
import { sha256Of } from '@onestop/blob-store';
import { badInput, forbidden, type Caller } from '@onestop/service-kit';
import { In, type EntityManager } from 'typeorm';
import {
  DocumentProblem,
  isRecordValid,
  planDocuments,
  type DocumentInput,
  type DocumentPlan,
  type ProcedureComponent,
} from '../domain/documents';
import { DigitalRecord, DossierComponent, RecordReuse } from '../persistence';
import type { IntakeContext } from '../deps';

/**
 * Digitisation (số hóa) of a dossier's documents, in three stages so that bad input writes
 * nothing: check (pure, then the reused records), store the new content in the blob store, then
 * write rows inside the caller's transaction. If that transaction fails, `discardBlobs` removes
 * the content this request added that no row refers to.
 */
export interface CheckedDocuments {
  plan: DocumentPlan;
  /** Record ids the uploads will get, decided before the transaction. */
  uploadIds: string[];
  /** Blobs that did not exist before this request stored them. */
  newBlobs: string[];
}

export function checkDocuments(
  ctx: IntakeContext,
  components: readonly ProcedureComponent[],
  documents: readonly DocumentInput[],
  mustCover: readonly string[],
  today: string,
): DocumentPlan {
  try {
    return planDocuments(components, documents, { maxBytes: ctx.deps.uploadMaxBytes, mustCover, today });
  } catch (err) {
    if (err instanceof DocumentProblem) throw badInput(err.message, { componentCode: err.componentCode });
    throw err;
  }
}

/**
 * A record may be reused when it exists, belongs to the dossier's own applicant (FORBIDDEN
 * otherwise: nobody uses another person's papers), has not expired (BAD_USER_INPUT) and was
 * digitised in the same province as the receiving centre (FORBIDDEN otherwise).
 */
export async function checkReuses(
  ctx: IntakeContext,
  plan: DocumentPlan,
  owner: string,
  centreId: string,
  today: string,
): Promise<void> {
  if (!plan.reuses.length) return;
  const records = await ctx.db.getRepository(DigitalRecord).findBy({ id: In(plan.reuses.map((r) => r.recordId)) });
  const byId = new Map(records.map((r) => [r.id, r]));
  const province = (id: string) => ctx.deps.centres.ancestors(id).then((chain) => chain[chain.length - 1]?.id);
  const ours = await province(centreId);
  for (const reuse of plan.reuses) {
    const record = byId.get(reuse.recordId);
    if (!record)
      throw badInput(`Component ${reuse.componentCode}: no record ${reuse.recordId}`, {
        componentCode: reuse.componentCode,
      });
    if (record.ownerIdentityNumber !== owner)
      throw forbidden(`Component ${reuse.componentCode}: the record belongs to another applicant`);
    if (!isRecordValid(record.validUntil, today)) {
      throw badInput(`Component ${reuse.componentCode}: the record expired on ${record.validUntil}`, {
        componentCode: reuse.componentCode,
      });
    }
    if (record.digitisedAtCentreId && (await province(record.digitisedAtCentreId)) !== ours) {
      throw forbidden(`Component ${reuse.componentCode}: the record was digitised in another province`);
    }
  }
}

export async function storeBlobs(ctx: IntakeContext, plan: DocumentPlan): Promise<CheckedDocuments> {
  const newBlobs: string[] = [];
  try {
    for (const upload of plan.uploads) {
      // put() stores identical bytes once; remember only what this request added, so that a
      // failure never removes content someone else stored (another record, a result of processing).
      const existed = await ctx.deps.blobs.has(sha256Of(upload.content));
      const { sha256 } = await ctx.deps.blobs.put(upload.content);
      if (!existed && !newBlobs.includes(sha256)) newBlobs.push(sha256);
    }
  } catch (err) {
    await discardBlobs(ctx, newBlobs);
    throw err;
  }
  return { plan, uploadIds: plan.uploads.map(() => randomUUID()), newBlobs };
}

async function isReferenced(ctx: IntakeContext, sha256: string): Promise<boolean> {
  const rows = await ctx.db.query(`SELECT 1 FROM digital_record WHERE sha256 = $1 LIMIT 1`, [sha256]);
  return rows.length > 0;
}

/** After a failed transaction: content this request stored that no committed row refers to. */
export async function discardBlobs(ctx: IntakeContext, sha256s: readonly string[]): Promise<void> {
  for (const sha256 of sha256s) {
    if (!(await isReferenced(ctx, sha256))) await ctx.deps.blobs.delete(sha256);
  }
}

/** Writes the records, the dossier's components and the reuse log, inside the caller's transaction. */
export async function writeDocuments(
  manager: EntityManager,
  checked: CheckedDocuments,
  at: { dossierId: string; centreId: string; owner: string; caller: Caller; now: Date; supplement: boolean },
): Promise<Array<{ componentCode: string; recordId: string; reused: boolean }>> {
  const written: Array<{ componentCode: string; recordId: string; reused: boolean }> = [];
  for (const [i, upload] of checked.plan.uploads.entries()) {
    const recordId = checked.uploadIds[i];
    await manager.insert(DigitalRecord, {
      id: recordId,
      ownerIdentityNumber: at.owner,
      documentType: upload.documentType,
      title: upload.title,
      fileName: upload.fileName,
      sha256: sha256Of(upload.content),
      sizeBytes: upload.content.length,
      mimeType: upload.mimeType,
      validUntil: upload.validUntil,
      digitisedAtCentreId: at.centreId,
      sourceDossierId: at.dossierId,
      reuseCount: 0,
      createdAt: at.now,
    });
    written.push({ componentCode: upload.componentCode, recordId, reused: false });
  }
  for (const reuse of checked.plan.reuses) {
    await manager.increment(DigitalRecord, { id: reuse.recordId }, 'reuseCount', 1);
    await manager.insert(RecordReuse, {
      recordId: reuse.recordId,
      dossierId: at.dossierId,
      centreId: at.centreId,
      officerId: at.caller.id,
      officerName: at.caller.name,
      at: at.now,
    });
    written.push({ componentCode: reuse.componentCode, recordId: reuse.recordId, reused: true });
  }
  for (const c of written) {
    await manager.insert(DossierComponent, {
      dossierId: at.dossierId,
      componentCode: c.componentCode,
      recordId: c.recordId,
      reused: c.reused,
      supplement: at.supplement,
      addedAt: at.now,
    });
  }
  return written;
}
