import type { Request, Router, Response } from 'express';
import { BlobIntegrityError, BlobNotFoundError } from '@onestop/blob-store';
import { renderHtml, renderPdf, sendPdf, wantsHtml, type DocumentModel } from '@onestop/documents';
import { awaitingEvent, catchingUp, notFound, type Caller, type ServiceRuntime } from '@onestop/service-kit';
type AppliedEvents = NonNullable<ServiceRuntime['applied']>;
type Logger = ServiceRuntime['logger'];
import { holdingsOf } from '../persistence/holdings';
import { officersByIds } from '../persistence/officers';
import { apologyLetter, controlSlip, refusalSlip, supplementRequestSlip, type SlipDossier } from '../domain/slips';
import {
  apologyDocument,
  controlSlipDocument,
  refusalDocument,
  stopDocument,
  supplementRequestDocument,
  withdrawalDocument,
} from '../domain/slip-documents';
import { Apology, ClockPause, HistoryEntry, ProcessingDossier } from '../persistence';
import { issuedDocument, recordIssuedDocument, type IssuedDocument } from '../persistence/issued-documents';
import { mayReadSlip } from '../resolvers/access';
import type { ProcessingDeps } from '../deps';
import type { DataSource } from 'typeorm';

/** How long a refusal slip asked for right after the refusal waits for intake's event. */
const REFUSAL_WAIT_MS = 3000;

/** A slip as it can be issued: what it is made from (a new source, a new document), its model, its browser view. */
interface SlipSource {
  key: string;
  model: DocumentModel;
  html: () => string;
}

/**
 * Printable slips, reached through the gateway at GET /processing/dossiers/{id}/…: the applicant
 * and the officers of the receiving or processing centre may print them. Each is an A4 PDF signed
 * with the centre's certificate, rendered and signed once from what it is made of, kept in the
 * blob store and recorded with its SHA-256 (issued_document): every later request serves the same
 * bytes, whose hash is the one stored (also sent as `Repr-Digest`). `?format=html` shows the same
 * slip as a page for the browser.
 */
export function slipRoutes(
  router: Router,
  deps: ProcessingDeps,
  db: DataSource,
  watch: { applied?: AppliedEvents; logger?: Logger } = {},
): void {
  const withDossier =
    (kind: string, source: (d: ProcessingDossier, slip: SlipDossier) => Promise<SlipSource | null>) =>
    async (req: Request, res: Response) => {
      const caller = res.locals.caller as Caller | undefined;
      if (!caller) return void res.status(401).json({ error: 'A valid token is required' });
      const id = String(req.params.id);
      if (!/^[0-9a-f-]{36}$/i.test(id)) return void res.status(404).json({ error: 'Dossier not found' });
      // A dossier refused at the counter a moment ago may still be on its way from intake: wait for its event.
      const dossier = await catchingUp(watch, async () => {
        const found = await db.getRepository(ProcessingDossier).findOneBy({ id });
        if (!found) throw awaitingEvent(notFound('Dossier'), id);
        return found;
      }).catch(() => null);
      if (!dossier) return void res.status(404).json({ error: 'Dossier not found' });
      if (!(await mayReadSlip({ deps, caller }, dossier))) return void res.status(403).json({ error: 'Not allowed' });
      const centre = await deps.centres.byId(dossier.processingCentreId);
      const found = await source(dossier, {
        code: dossier.code,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicantName,
        centreName: centre?.name ?? '',
      });
      if (found === null) return void res.status(404).json({ error: 'No such slip for this dossier' });
      if (wantsHtml(req)) {
        res.type('text/html; charset=utf-8').setHeader('cache-control', 'no-store');
        return void res.send(found.html());
      }
      const issued =
        (await issuedDocument(db, dossier.id, kind, found.key)) ?? (await issue(dossier.id, kind, found, centre?.name));
      let pdf: Buffer;
      try {
        pdf = await deps.blobs.get(issued.sha256);
      } catch (err) {
        if (!(err instanceof BlobIntegrityError || err instanceof BlobNotFoundError)) throw err;
        watch.logger?.error(
          { dossierId: dossier.id, kind, sha256: issued.sha256, problem: err.name },
          'issued slip is missing or does not match its hash: not served',
        );
        return void res.status(500).json({ error: 'The slip cannot be served now; the operators have been alerted' });
      }
      sendPdf(res, pdf, `${kind}-${dossier.code}.pdf`);
    };

  /** Renders, signs, keeps and records a slip; two first prints at once keep one (the first recorded). */
  async function issue(
    dossierId: string,
    kind: string,
    found: SlipSource,
    location: string | undefined,
  ): Promise<IssuedDocument> {
    const signed = await deps.signer.sign(await renderPdf(found.model), { reason: found.model.title, location });
    const stored = await deps.blobs.put(signed);
    return recordIssuedDocument(db, {
      dossierId,
      kind,
      sourceKey: found.key,
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      signerCertificateSha256: deps.signer.certificateSha256,
      issuedAt: new Date(deps.now()),
    });
  }

  const historyLine = (d: ProcessingDossier, action: string) =>
    db.getRepository(HistoryEntry).findOne({ where: { dossierId: d.id, action }, order: { id: 'DESC' } });

  router.get(
    '/dossiers/:id/supplement-request',
    withDossier('supplement-request', async (d, slip) => {
      const request = await db
        .getRepository(ClockPause)
        .findOne({ where: { dossierId: d.id, kind: 'SUPPLEMENT' }, order: { requestedAt: 'DESC' } });
      return (
        request && {
          key: request.id,
          model: supplementRequestDocument(slip, request),
          html: () => supplementRequestSlip(slip, request),
        }
      );
    }),
  );

  router.get(
    '/dossiers/:id/refusal-slip',
    withDossier('refusal-slip', async (d, slip) => {
      // Intake refuses; the slip printed the moment it answered may be a moment ahead of its event (DossierRefused).
      let line = await historyLine(d, 'REFUSE');
      for (const until = Date.now() + REFUSAL_WAIT_MS; !line && d.status === 'NEW' && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 100));
        line = await historyLine(d, 'REFUSE');
      }
      if (!line) return null;
      const refusal = { reason: line.note ?? '', at: line.at, by: line.actorName };
      return { key: line.id, model: refusalDocument(slip, refusal), html: () => refusalSlip(slip, refusal) };
    }),
  );

  router.get(
    '/dossiers/:id/stop-slip',
    withDossier('stop-slip', async (d, slip) => {
      const line = await historyLine(d, 'STOP');
      if (!line) return null;
      const model = stopDocument(slip, { reason: line.note ?? '', at: line.at, by: line.actorName });
      return { key: line.id, model, html: () => renderHtml(model) };
    }),
  );

  router.get(
    '/dossiers/:id/withdrawal-slip',
    withDossier('withdrawal-slip', async (d, slip) => {
      const line = await historyLine(d, 'WITHDRAW');
      if (!line) return null;
      const model = withdrawalDocument(slip, { reason: line.note ?? '', at: line.at, by: line.actorName });
      return { key: line.id, model, html: () => renderHtml(model) };
    }),
  );

  router.get(
    '/dossiers/:id/control-slip',
    withDossier('control-slip', async (d, slip) => {
      const lines = await db.getRepository(HistoryEntry).find({ where: { dossierId: d.id }, order: { id: 'ASC' } });
      const held = await holdingsOf(db.manager, d.id);
      const names = new Map(
        (
          await officersByIds(db.manager, [...new Set(held.map((h) => h.officerId).filter((id): id is string => !!id))])
        ).map((o) => [o.id, o.name]),
      );
      const calendar = await deps.calendar();
      const now = new Date(deps.now());
      const holders = held.map((h) => ({
        officer: h.officerId ? (names.get(h.officerId) ?? h.officerId) : null,
        stepCode: h.stepCode,
        branchCode: h.branchCode,
        from: h.from,
        until: h.until,
        rework: h.rework,
        workingHours: Math.round((calendar.workingMinutesBetween(h.from, h.until ?? now) / 60) * 100) / 100,
      }));
      const rows = lines.map((l) => ({
        action: l.action,
        actor: l.actorName,
        at: l.at,
        note: l.note,
        stepCode: l.stepCode,
        stepOutcome: l.stepOutcome,
      }));
      // the slip grows with the dossier: each version (up to its last line) is issued and kept once
      const last = lines.at(-1);
      return {
        key: last?.id ?? 'empty',
        model: controlSlipDocument(slip, rows, last?.at ?? d.receivedAt ?? now, holders),
        html: () => controlSlip(slip, rows, holders),
      };
    }),
  );

  router.get(
    '/dossiers/:id/apology-letter',
    withDossier('apology-letter', async (d, slip) => {
      const apology = await db
        .getRepository(Apology)
        .findOne({ where: { dossierId: d.id }, order: { issuedAt: 'DESC' } });
      return (
        apology && { key: apology.id, model: apologyDocument(slip, apology), html: () => apologyLetter(slip, apology) }
      );
    }),
  );
}
