import type { Router } from 'express';
import type { GraphQLError } from 'graphql';
import { BlobIntegrityError, BlobNotFoundError } from '@onestop/blob-store';
import { checkLength, type Caller, type ServiceRuntime } from '@onestop/service-kit';
import { renderPdf, sendPdf, wantsHtml } from '@onestop/documents';
import { receiptDocument, renderReceipt, type ReceiptData } from './domain/receipt';
import { Applicant, Centre, DigitalRecord, Dossier, DossierComponent, Procedure, RecordAccess } from './persistence';
import type { IntakeDeps } from './deps';
import { authorizeRecord, canSeeDossier, isUuid } from './resolvers/access';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Printable documents, reached through the gateway at GET /intake/… with the caller's identity:
 * GET /receipts/:dossierId — the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả), an A4 PDF (`?format=html`: the page);
 * GET /records/:recordId/content?purpose=… — a digital record's content, logged in record_access.
 */
export function intakeRoutes(router: Router, deps: IntakeDeps, runtime: ServiceRuntime): void {
  const db = runtime.db;
  router.get('/receipts/:dossierId', async (req, res, next) => {
    try {
      const caller = res.locals.caller as Caller | undefined;
      if (!caller) return void res.status(401).json({ error: 'A valid token is required' });
      const id = String(req.params.dossierId);
      const dossier = isUuid(id) ? await db.getRepository(Dossier).findOneBy({ id }) : null;
      if (!dossier) return void res.status(404).json({ error: 'Dossier not found' });
      const applicant = await db.getRepository(Applicant).findOneByOrFail({ id: dossier.applicantId });
      if (!(await canSeeDossier({ caller, deps }, dossier, applicant, 'receipt')))
        return void res.status(403).json({ error: 'Not your dossier, nor one of your centre' });
      if (!dossier.receivedAt) return void res.status(409).json({ error: 'The dossier has not been received yet' });
      const [centre, procedure, components] = await Promise.all([
        db.getRepository(Centre).findOneByOrFail({ id: dossier.centreId }),
        db.getRepository(Procedure).findOneByOrFail({ id: dossier.procedureId }),
        db
          .getRepository(DossierComponent)
          .find({ where: { dossierId: dossier.id, supplement: false }, order: { id: 'ASC' } }),
      ]);
      const names = new Map(procedure.components.map((c) => [c.code, c.name]));
      const receipt: ReceiptData = {
        centre,
        dossierCode: dossier.code,
        channel: dossier.channel,
        applicant,
        procedure,
        components: components.map((c) => ({ name: names.get(c.componentCode) ?? c.componentCode, reused: c.reused })),
        receivedAt: dossier.receivedAt,
        dueAt: dossier.dueAt,
        deliveryMethod: dossier.deliveryMethod,
      };
      if (wantsHtml(req)) {
        res.type('html').setHeader('cache-control', 'private, no-store');
        return void res.send(renderReceipt(receipt));
      }
      sendPdf(res, await renderPdf(receiptDocument(receipt)), `giay-tiep-nhan-${dossier.code}.pdf`);
    } catch (err) {
      next(err);
    }
  });

  /**
   * A record's content, for its owner and the officers of the centre that digitised it (the
   * matrix's recordContent). Every read is logged first — who, role, centre, dossier, purpose — so
   * the owner can see who looked at their documents. Content is hashed again on read: a mismatch
   * is logged at error level (blob_integrity_failure) and never served.
   */
  router.get('/records/:recordId/content', async (req, res, next) => {
    const caller = res.locals.caller as Caller | undefined;
    const logger = runtime.logger.child({ correlationId: res.locals.correlationId });
    try {
      const id = String(req.params.recordId);
      const purpose = typeof req.query.purpose === 'string' ? req.query.purpose.trim() : '';
      if (!caller) return void res.status(401).json({ error: 'A valid token is required', code: 'UNAUTHENTICATED' });
      if (!purpose)
        return void res.status(400).json({ error: 'Say why you read the record: ?purpose=…', code: 'BAD_USER_INPUT' });
      checkLength(purpose, 'purpose', 'reason');
      const record = isUuid(id) ? await db.getRepository(DigitalRecord).findOneBy({ id }) : null;
      if (!record) return void res.status(404).json({ error: 'Record not found', code: 'NOT_FOUND' });
      await authorizeRecord({ caller, deps }, 'recordContent', record);
      let content: Buffer;
      try {
        content = await deps.blobs.get(record.sha256);
      } catch (err) {
        if (!(err instanceof BlobIntegrityError || err instanceof BlobNotFoundError)) throw err;
        const integrity = err instanceof BlobIntegrityError;
        logger.error(
          { event: integrity ? 'blob_integrity_failure' : 'blob_missing', recordId: record.id, sha256: record.sha256 },
          integrity
            ? 'record content does not match its sha256: not served'
            : 'record content is missing from the blob store',
        );
        return void res.status(500).json({
          error: 'The document cannot be served now; the operators have been alerted',
          code: 'INTERNAL_SERVER_ERROR',
        });
      }
      await db.getRepository(RecordAccess).insert({
        recordId: record.id,
        dossierId: record.sourceDossierId,
        readerId: caller.id,
        readerName: caller.name,
        readerRole: caller.role,
        readerCentre: caller.centre ?? null,
        purpose,
        at: new Date(),
      });
      res.setHeader('content-type', record.mimeType);
      res.setHeader('content-disposition', `attachment; filename="${record.id}"`);
      res.setHeader('cache-control', 'private, no-store');
      res.end(content);
    } catch (err) {
      const code = (err as GraphQLError).extensions?.code as string | undefined;
      if (code && STATUS[code]) return void res.status(STATUS[code]).json({ error: (err as Error).message, code });
      next(err);
    }
  });
}
