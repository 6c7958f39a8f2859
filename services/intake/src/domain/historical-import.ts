/**
 * A historical import (nhập dữ liệu hồ sơ từ hệ thống một cửa cũ): one line of the old system's
 * export, checked on its own. Pure: the caller passes the catalogue it knows (centres, current
 * procedures), the working calendar and "now". A line is either a normalised dossier with its
 * history or the reason it is rejected; rejected lines never stop the others.
 */
import { isCalendarDate, parseIsoInstant, type ProcessingTime, type WorkingCalendar } from '@onestop/calendar';
import { checkIdentityNumber, type ApplicantKind } from './identity-numbers';

type Channel = 'COUNTER' | 'ONLINE' | 'POST';
type Method = 'COUNTER' | 'POST' | 'ONLINE';
type Satisfaction = 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED';

/** A line as it arrives (every field may be missing or of the wrong kind). */
export interface HistoricalLine {
  line?: number | null;
  code?: unknown;
  centre?: unknown;
  procedure?: unknown;
  channel?: unknown;
  applicant?: {
    kind?: unknown;
    identityNumber?: unknown;
    fullName?: unknown;
    phone?: unknown;
    email?: unknown;
    address?: unknown;
  } | null;
  submittedAt?: unknown;
  receivedAt?: unknown;
  dueAt?: unknown;
  steps?: Array<{ code?: unknown; role?: unknown; completedAt?: unknown; actor?: unknown }> | null;
  supplements?: Array<{ requestedAt?: unknown; reason?: unknown; submittedAt?: unknown }> | null;
  decision?: {
    decision?: unknown;
    decidedAt?: unknown;
    reason?: unknown;
    actor?: unknown;
    result?: { documentType?: unknown; title?: unknown; validUntil?: unknown } | null;
  } | null;
  returnedAt?: unknown;
  delivery?: { method?: unknown; address?: unknown } | null;
  rating?: { overall?: unknown; ratedAt?: unknown } | null;
}

export interface KnownCentre {
  id: string;
  code: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
}
export interface KnownProcedure {
  id: string;
  code: string;
  levels: string[];
  timeAmount: number;
  timeUnit: ProcessingTime['unit'];
}

export interface HistoricalDossier {
  line: number | null;
  code: string;
  centre: KnownCentre;
  procedure: KnownProcedure;
  channel: Channel;
  applicant: {
    kind: ApplicantKind;
    identityNumber: string;
    fullName: string;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  submittedAt: Date;
  receivedAt: Date;
  receptionDay: string;
  dueAt: Date;
  steps: Array<{ code: string; role: string; completedAt: Date; actor: string }>;
  supplements: Array<{ requestedAt: Date; reason: string; submittedAt: Date | null }>;
  decision: {
    decision: 'APPROVED' | 'REJECTED';
    decidedAt: Date;
    reason: string | null;
    actor: string | null;
    result: { documentType: string; title: string; validUntil: string | null } | null;
  } | null;
  delivery: { method: Method; address: string | null };
  returnedAt: Date | null;
  rating: { overall: Satisfaction; ratedAt: Date } | null;
}

export type LineCheck = { ok: true; dossier: HistoricalDossier } | { ok: false; reason: string };

export interface ImportCatalogue {
  centres: ReadonlyMap<string, KnownCentre>;
  procedures: ReadonlyMap<string, KnownProcedure>;
  calendar: WorkingCalendar;
  now: Date;
}

class Rejected extends Error {}
const reject = (reason: string): never => {
  throw new Rejected(reason);
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function text(value: unknown, what: string, opts: { required?: boolean; max?: number } = {}): string | null {
  if (value === undefined || value === null || value === '')
    return opts.required ? reject(`${what} is required`) : null;
  if (typeof value !== 'string') return reject(`${what} must be text`);
  const trimmed = value.trim();
  if (!trimmed) return opts.required ? reject(`${what} is required`) : null;
  if (trimmed.length > (opts.max ?? 500)) return reject(`${what} is longer than ${opts.max ?? 500} characters`);
  return trimmed;
}

function instant(value: unknown, what: string, now: Date, required = true): Date | null {
  if (value === undefined || value === null || value === '') return required ? reject(`${what} is required`) : null;
  if (typeof value !== 'string' || !INSTANT.test(value))
    return reject(`${what} is not an ISO-8601 instant with its offset: ${String(value)}`);
  // parseIsoInstant: new Date() would shift an impossible 2026-02-30 to 2 March
  const at = parseIsoInstant(value);
  if (!at) return reject(`${what} is not a valid instant: ${value}`);
  if (at > now) return reject(`${what} is in the future: ${value}`);
  return at;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string, fallback?: T): T {
  if ((value === undefined || value === null || value === '') && fallback) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T))
    return reject(`${what} must be one of ${allowed.join(', ')}`);
  return value as T;
}

const notBefore = (later: Date, earlier: Date, what: string, than: string) => {
  if (later < earlier) reject(`${what} (${later.toISOString()}) is before ${than} (${earlier.toISOString()})`);
};

/** Checks one line against the catalogue; never throws for bad data. */
export function checkHistoricalLine(raw: HistoricalLine, cat: ImportCatalogue): LineCheck {
  try {
    return { ok: true, dossier: normalise(raw, cat) };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, reason: err.message };
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

function normalise(raw: HistoricalLine, cat: ImportCatalogue): HistoricalDossier {
  const { now } = cat;
  const code = text(raw.code, 'code', { required: true, max: 100 })!;
  const centreCode = text(raw.centre, 'centre', { required: true })!;
  const centre = cat.centres.get(centreCode) ?? reject(`unknown centre ${centreCode}`);
  const procedureCode = text(raw.procedure, 'procedure', { required: true })!;
  const procedure = cat.procedures.get(procedureCode) ?? reject(`unknown procedure ${procedureCode}`);
  if (!procedure.levels.includes(centre.level))
    reject(`procedure ${procedure.code} is not handled at ${centre.level} level`);
  const channel = oneOf(raw.channel, ['COUNTER', 'ONLINE', 'POST'] as const, 'channel');

  const a = raw.applicant ?? reject('applicant is required');
  const kind = oneOf(a.kind, ['CITIZEN', 'ORGANIZATION'] as const, 'applicant.kind');
  const identity = checkIdentityNumber(
    kind,
    text(a.identityNumber, 'applicant.identityNumber', { required: true })!,
    now,
  );
  if (!identity.ok) reject(`invalid identity number: ${identity.problem}`);
  const email = text(a.email, 'applicant.email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) reject('applicant.email is not an address');
  const phone = text(a.phone, 'applicant.phone');
  if (phone && !/^\+?[\d\s.()-]{8,20}$/.test(phone)) reject('applicant.phone is not a phone number');
  const applicant = {
    kind,
    identityNumber: (identity as { number: string }).number,
    fullName: text(a.fullName, 'applicant.fullName', { required: true, max: 200 })!,
    phone,
    email,
    address: text(a.address, 'applicant.address'),
  };

  const receivedAt = instant(raw.receivedAt, 'receivedAt', now)!;
  const submittedAt = instant(raw.submittedAt, 'submittedAt', now, false) ?? receivedAt;
  notBefore(receivedAt, submittedAt, 'receivedAt', 'submittedAt');
  const dueAt =
    instant(raw.dueAt, 'dueAt', new Date(8.64e15), false) ??
    cat.calendar.dueAt(receivedAt, { amount: procedure.timeAmount, unit: procedure.timeUnit });
  if (dueAt <= receivedAt)
    reject(`dueAt (${dueAt.toISOString()}) is not after receivedAt (${receivedAt.toISOString()})`);

  const steps = (raw.steps ?? []).map((s, i) => {
    const completedAt = instant(s?.completedAt, `steps[${i}].completedAt`, now)!;
    notBefore(completedAt, receivedAt, `steps[${i}].completedAt`, 'receivedAt');
    return {
      code: text(s?.code, `steps[${i}].code`, { required: true, max: 100 })!,
      role: text(s?.role, `steps[${i}].role`, { required: true, max: 50 })!,
      completedAt,
      actor: text(s?.actor, `steps[${i}].actor`, { max: 200 }) ?? 'không rõ',
    };
  });
  for (let i = 1; i < steps.length; i++)
    notBefore(steps[i].completedAt, steps[i - 1].completedAt, `steps[${i}].completedAt`, `steps[${i - 1}].completedAt`);

  const supplements = (raw.supplements ?? []).map((s, i) => {
    const requestedAt = instant(s?.requestedAt, `supplements[${i}].requestedAt`, now)!;
    notBefore(requestedAt, receivedAt, `supplements[${i}].requestedAt`, 'receivedAt');
    const submitted = instant(s?.submittedAt, `supplements[${i}].submittedAt`, now, false);
    if (submitted) notBefore(submitted, requestedAt, `supplements[${i}].submittedAt`, 'its requestedAt');
    return {
      requestedAt,
      reason: text(s?.reason, `supplements[${i}].reason`, { max: 1000 }) ?? 'Bổ sung hồ sơ',
      submittedAt: submitted,
    };
  });
  for (let i = 1; i < supplements.length; i++) {
    const previous =
      supplements[i - 1].submittedAt ?? reject(`supplements[${i - 1}] is still open but another one follows`);
    notBefore(
      supplements[i].requestedAt,
      previous,
      `supplements[${i}].requestedAt`,
      `supplements[${i - 1}].submittedAt`,
    );
  }
  const open = supplements.length > 0 && supplements[supplements.length - 1].submittedAt === null;

  let decision: HistoricalDossier['decision'] = null;
  if (raw.decision) {
    const d = raw.decision;
    const decidedAt = instant(d.decidedAt, 'decision.decidedAt', now)!;
    notBefore(decidedAt, receivedAt, 'decision.decidedAt', 'receivedAt');
    if (open) reject('decision while a supplementation is still awaited');
    const lastSupplement = supplements[supplements.length - 1]?.submittedAt;
    if (lastSupplement) notBefore(decidedAt, lastSupplement, 'decision.decidedAt', 'the last supplementation');
    const lastStep = steps[steps.length - 1];
    if (lastStep) notBefore(decidedAt, lastStep.completedAt, 'decision.decidedAt', 'the last step');
    const kindOf = oneOf(d.decision, ['APPROVED', 'REJECTED'] as const, 'decision.decision');
    const reason = text(d.reason, 'decision.reason', { max: 2000 });
    if (kindOf === 'REJECTED' && !reason) reject('a rejection needs its reason');
    let result = null;
    if (d.result) {
      const validUntil = text(d.result.validUntil, 'decision.result.validUntil');
      if (validUntil && !isCalendarDate(validUntil))
        reject('decision.result.validUntil must be a real date YYYY-MM-DD');
      result = {
        documentType: text(d.result.documentType, 'decision.result.documentType', { required: true, max: 200 })!,
        title: text(d.result.title, 'decision.result.title', { required: true, max: 500 })!,
        validUntil,
      };
    }
    decision = { decision: kindOf, decidedAt, reason, actor: text(d.actor, 'decision.actor', { max: 200 }), result };
  }

  const delivery = {
    method: oneOf(raw.delivery?.method, ['COUNTER', 'POST', 'ONLINE'] as const, 'delivery.method', 'COUNTER'),
    address: text(raw.delivery?.address, 'delivery.address'),
  };
  const returnedAt = instant(raw.returnedAt, 'returnedAt', now, false);
  if (returnedAt) {
    if (!decision) reject('returnedAt without a decision');
    notBefore(returnedAt, decision!.decidedAt, 'returnedAt', 'decision.decidedAt');
  }
  let rating: HistoricalDossier['rating'] = null;
  if (raw.rating) {
    if (!returnedAt) reject('a rating without a return');
    const ratedAt = instant(raw.rating.ratedAt, 'rating.ratedAt', now, false) ?? returnedAt!;
    notBefore(ratedAt, returnedAt!, 'rating.ratedAt', 'returnedAt');
    rating = {
      overall: oneOf(raw.rating.overall, ['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'] as const, 'rating.overall'),
      ratedAt,
    };
  }

  return {
    line: raw.line ?? null,
    code,
    centre,
    procedure,
    channel,
    applicant,
    submittedAt,
    receivedAt,
    receptionDay: cat.calendar.receptionDay(receivedAt),
    dueAt,
    steps,
    supplements,
    decision,
    delivery,
    returnedAt,
    rating,
  };
}

/** The bytes that stand for an imported result (the old system's file is not part of the export). */
export function importedResultContent(d: HistoricalDossier): Buffer {
  const r = d.decision!.result!;
  return Buffer.from(
    `Kết quả giải quyết hồ sơ ${d.code} — nhập từ hệ thống một cửa trước đây (historical import)\n` +
      `${r.documentType}: ${r.title}\nNgày quyết định: ${d.decision!.decidedAt.toISOString()}\n` +
      `${r.validUntil ? `Có giá trị đến: ${r.validUntil}\n` : ''}`,
    'utf8',
  );
}

/** A code in this platform's own format ({centre}-{yymmdd}-{n}) for the centre, so that live numbering continues after it. */
export function sequenceOfCode(code: string, centreCode: string): { day: string; value: number } | null {
  if (!code.startsWith(`${centreCode}-`)) return null;
  const m = /^(\d{2})(\d{2})(\d{2})-(\d{4,})$/.exec(code.slice(centreCode.length + 1));
  if (!m) return null;
  const day = `20${m[1]}-${m[2]}-${m[3]}`;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return null;
  return { day, value: Number(m[4]) };
}
