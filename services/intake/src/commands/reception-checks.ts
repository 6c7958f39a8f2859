import { badInput, checkLength, conflict, type Caller } from '@onestop/service-kit';
import type { DocumentInput } from '../domain/documents';
import { Applicant, Dossier } from '../persistence';
import { dossierByIdempotencyKey } from '../persistence/dossiers';
import type { IntakeContext } from '../deps';
import { canSeeDossier } from '../resolvers/access';

/** What reception and a counter refusal check alike before anything is written. */

export function checkedIdempotencyKey(key: string | null | undefined): string | null {
  const trimmed = key?.trim() || null;
  if (trimmed && trimmed.length > 200) throw badInput('idempotencyKey has at most 200 characters');
  return trimmed;
}

/** A retry of a reception already made with this key (a double click, a lost answer): its dossier, if the caller may see it. */
export async function retryOf(
  ctx: IntakeContext,
  caller: Caller,
  idempotencyKey: string | null,
): Promise<Dossier | null> {
  const first = idempotencyKey ? await dossierByIdempotencyKey(ctx.db.getRepository(Dossier), idempotencyKey) : null;
  if (!first) return null;
  const applicant = await ctx.db.getRepository(Applicant).findOneByOrFail({ id: first.applicantId });
  if (!(await canSeeDossier(ctx, first, applicant))) throw conflict('This idempotencyKey was used for another dossier');
  return first;
}

/** Free text of the documents, before anything else is looked at. */
export function checkDocumentTexts(documents: readonly DocumentInput[]): void {
  for (const d of documents) {
    checkLength(d.componentCode, 'documents.componentCode', 'code');
    checkLength(d.title, 'documents.title', 'name');
    checkLength(d.upload?.mimeType, 'documents.upload.mimeType', 'code');
  }
}

/** File names, once the documents' content passed its checks (a size or type problem is the one to report first). */
export function checkFileNames(documents: readonly DocumentInput[]): void {
  for (const d of documents) checkLength(d.upload?.fileName, 'documents.upload.fileName', 'name');
}
