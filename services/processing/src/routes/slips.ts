import type { Router, Response } from 'express';
import { awaitingEvent, catchingUp, notFound, type Caller, type ServiceRuntime } from '@onestop/service-kit';
type AppliedEvents = NonNullable<ServiceRuntime['applied']>;
type Logger = ServiceRuntime['logger'];
import { holdingsOf } from '../persistence/holdings';
import { officersByIds } from '../persistence/officers';
import { apologyLetter, controlSlip, refusalSlip, supplementRequestSlip, type SlipDossier } from '../domain/slips';
import { Apology, ClockPause, HistoryEntry, ProcessingDossier } from '../persistence';
import { mayReadSlip } from '../resolvers/access';
import type { ProcessingDeps } from '../deps';
import type { DataSource } from 'typeorm';

/** How long a refusal slip asked for right after the refusal waits for intake's event. */
const REFUSAL_WAIT_MS = 3000;

/**
 * Printable slips, reached through the gateway at GET /processing/dossiers/{id}/…: the applicant
 * and the officers of the receiving or processing centre may print them.
 */
export function slipRoutes(router: Router, deps: ProcessingDeps, db: DataSource, watch: { applied?: AppliedEvents; logger?: Logger } = {}): void {
  const withDossier = (render: (d: ProcessingDossier, slip: SlipDossier) => Promise<string | null>) => async (req: { params: { id: string } }, res: Response) => {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller) return void res.status(401).json({ error: 'A valid token is required' });
    if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) return void res.status(404).json({ error: 'Dossier not found' });
    // A dossier refused at the counter a moment ago may still be on its way from intake: wait for its event.
    const dossier = await catchingUp(watch, async () => {
      const found = await db.getRepository(ProcessingDossier).findOneBy({ id: req.params.id });
      if (!found) throw awaitingEvent(notFound('Dossier'), req.params.id);
      return found;
    }).catch(() => null);
    if (!dossier) return void res.status(404).json({ error: 'Dossier not found' });
    if (!(await mayReadSlip({ deps, caller }, dossier))) return void res.status(403).json({ error: 'Not allowed' });
    const centre = await deps.centres.byId(dossier.processingCentreId);
    const html = await render(dossier, { code: dossier.code, procedureName: dossier.procedureName, applicantName: dossier.applicantName, centreName: centre?.name ?? '' });
    if (html === null) return void res.status(404).json({ error: 'No such slip for this dossier' });
    res.type('text/html; charset=utf-8').setHeader('cache-control', 'no-store');
    res.send(html);
  };

  router.get('/dossiers/:id/supplement-request', withDossier(async (d, slip) => {
    const request = await db.getRepository(ClockPause).findOne({ where: { dossierId: d.id, kind: 'SUPPLEMENT' }, order: { requestedAt: 'DESC' } });
    return request && supplementRequestSlip(slip, request);
  }));

  router.get('/dossiers/:id/refusal-slip', withDossier(async (d, slip) => {
    // Intake refuses; the slip printed the moment it answered may be a moment ahead of its event (DossierRefused).
    let line = await db.getRepository(HistoryEntry).findOneBy({ dossierId: d.id, action: 'REFUSE' });
    for (const until = Date.now() + REFUSAL_WAIT_MS; !line && d.status === 'NEW' && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 100));
      line = await db.getRepository(HistoryEntry).findOneBy({ dossierId: d.id, action: 'REFUSE' });
    }
    return line && refusalSlip(slip, { reason: line.note ?? '', at: line.at, by: line.actorName });
  }));

  router.get('/dossiers/:id/control-slip', withDossier(async (d, slip) => {
    const lines = await db.getRepository(HistoryEntry).find({ where: { dossierId: d.id }, order: { id: 'ASC' } });
    const held = await holdingsOf(db.manager, d.id);
    const names = new Map((await officersByIds(db.manager, [...new Set(held.map((h) => h.officerId).filter((id): id is string => !!id))])).map((o) => [o.id, o.name]));
    const calendar = await deps.calendar();
    const now = new Date(deps.now());
    const holders = held.map((h) => ({
      officer: h.officerId ? names.get(h.officerId) ?? h.officerId : null, stepCode: h.stepCode, branchCode: h.branchCode, from: h.from, until: h.until, rework: h.rework,
      workingHours: Math.round((calendar.workingMinutesBetween(h.from, h.until ?? now) / 60) * 100) / 100,
    }));
    return controlSlip(slip, lines.map((l) => ({ action: l.action, actor: l.actorName, at: l.at, note: l.note, stepCode: l.stepCode, stepOutcome: l.stepOutcome })), holders);
  }));

  router.get('/dossiers/:id/apology-letter', withDossier(async (d, slip) => {
    const apology = await db.getRepository(Apology).findOne({ where: { dossierId: d.id }, order: { issuedAt: 'DESC' } });
    return apology && apologyLetter(slip, apology);
  }));
}
