import type { Router } from 'express';
import { BlobIntegrityError, BlobNotFoundError } from '@onestop/blob-store';
import type { Caller, ServiceRuntime } from '@onestop/service-kit';
import type { Delivery } from '../persistence';
import { deliveryOf } from '../persistence/deliveries';
import { recordDownload } from '../commands/record-download';
import type { DeliveryDeps } from '../deps';

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/xml': 'xml',
};

/**
 * GET /results/:dossierId?expires=…&signature=… (the gateway serves it as /delivery/results/…):
 * the online result, to whoever holds an unexpired signed link. The content is hash-checked on
 * read; content that does not match is an operator's problem and is never served. The first
 * download returns the dossier (ResultReturned).
 */
export function downloadRoutes(router: Router, deps: DeliveryDeps, runtime: ServiceRuntime): void {
  router.get('/results/:dossierId', async (req, res) => {
    const dossierId = String(req.params.dossierId);
    const check = deps.links.verify({ dossierId, expires: req.query.expires, signature: req.query.signature });
    if (!check.valid) {
      return void res
        .status(check.reason === 'EXPIRED' ? 410 : 403)
        .json({ error: check.reason === 'EXPIRED' ? 'This link has expired' : 'Invalid link' });
    }
    const delivery = await decided(runtime, dossierId);
    if (
      !delivery?.result ||
      delivery.method !== 'ONLINE' ||
      delivery.counterFallback ||
      !['READY', 'DOWNLOADED'].includes(delivery.status)
    ) {
      return void res.status(404).json({ error: 'No online result for this dossier' });
    }
    let content: Buffer;
    try {
      content = await deps.blobs.get(delivery.result.sha256);
    } catch (err) {
      if (!(err instanceof BlobIntegrityError || err instanceof BlobNotFoundError)) throw err;
      runtime.logger.error(
        { dossierId, sha256: delivery.result.sha256, problem: err.name },
        'online result content is missing or does not match its hash: not served',
      );
      return void res.status(500).json({ error: 'The result cannot be served now; the operators have been alerted' });
    }
    if (delivery.status === 'READY') {
      await recordDownload(
        { deps, caller: res.locals.caller as Caller | undefined, correlationId: res.locals.correlationId as string },
        dossierId,
      );
    }
    const ext = EXTENSIONS[delivery.result.mimeType] ?? 'bin';
    // a result stored before MIME types were checked may hold one no header can carry: still serve it, as bytes
    res.setHeader(
      'content-type',
      MIME_TYPE.test(delivery.result.mimeType) ? delivery.result.mimeType : 'application/octet-stream',
    );
    res.setHeader('content-disposition', `attachment; filename="${delivery.dossierCode}.${ext}"`);
    res.setHeader('cache-control', 'private, no-store');
    // the stored SHA-256 (the blob store has just checked the bytes against it): the signed result's, recorded at the decision
    res.setHeader('repr-digest', `sha-256=:${Buffer.from(delivery.result.sha256, 'hex').toString('base64')}:`);
    res.end(content);
  });
}

/** How long a link handed out from processing's decision waits for the decision's event (Delivery.downloadUrl). */
const DECISION_WAIT_MS = 3000;

/**
 * The delivery, once it knows of the decision: a link may be handed out as soon as processing has
 * decided (projectDecision), a moment before delivery applies the event; the request then waits
 * for it, a few seconds at most, re-reading without holding a connection in between.
 */
async function decided(runtime: ServiceRuntime, dossierId: string): Promise<Delivery | null> {
  const until = Date.now() + DECISION_WAIT_MS;
  for (;;) {
    const delivery = await deliveryOf(runtime.db, dossierId);
    if (!delivery || delivery.status !== 'AWAITING_RESULT' || delivery.method !== 'ONLINE' || Date.now() >= until)
      return delivery;
    await new Promise((r) => setTimeout(r, 100));
  }
}
