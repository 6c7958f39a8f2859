/**
 * The demo province's recent history: a few thousand dossiers over the last 90 days, so that the
 * dashboard, the officers' inboxes, the returns desk and the demo citizen's /me show something on
 * the first start.
 *
 * Most of it is the year simulator's output for a 90-day window (scripts/simulate/generate.ts)
 * sent through the historical import (`importDossiers`, scripts/import.ts): in progress (some
 * overdue), waiting for a supplement, resolved early, on time and late, returned at the counter,
 * by post and online, some rated, some results still waiting. The states an import cannot hold
 * (an online submission awaiting acceptance, a refusal, a withdrawal, a stop, and a supplement the
 * demo citizen can answer online) are made through the live API today, as officers would, before
 * the import (whose thousands of events would otherwise keep theirs waiting).
 *
 * Resumable: the plan (its size and the instant its window ends) is fixed in the demo marker
 * before anything is sent, so a start killed half-way regenerates the very same lines; the import
 * is idempotent per dossier code and the live dossiers carry idempotency keys and are moved on
 * only from the status before their action. It is seeded once: the marker says when it is done.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '@onestop/calendar';
import { signToken } from '@onestop/service-kit';
import type { Role } from '@onestop/service-kit';
import { DEMO_CENTRES, DEMO_PROCEDURES } from '@onestop/demo-province';
import { importFile } from './import';
import { platformCalendar } from './simulate';
import { generate, type Simulation } from './simulate/generate';

/** How many dossiers the history has when DEMO_HISTORY is unset. */
export const DEFAULT_DEMO_HISTORY = 3000;
/** The window's length in days, ending at the plan's `until`. */
export const DEMO_HISTORY_DAYS = 90;
const SEED = 2026;

/** The demo citizen of the development sign-in (gateway/src/demo-users.ts). */
export const DEMO_CITIZEN = {
  identityNumber: '046090001234',
  fullName: 'Nguyễn Văn An',
  phone: '0905123456',
  email: 'an@example.vn',
};

/** What a history is made from; kept in the demo marker so that a resumed start makes the same one. */
export interface DemoHistoryPlan {
  size: number;
  /** The window's end (ISO instant): the first start's "now". */
  until: string;
}

/**
 * DEMO_HISTORY: unset → the default size; `0`, `off`, `false`, `no` → none; a whole number → that
 * many dossiers (at most 100,000: beyond that it is a benchmark, `npm run simulate`).
 */
export function parseDemoHistory(value: string | undefined): number {
  const v = value?.trim().toLowerCase();
  if (!v) return DEFAULT_DEMO_HISTORY;
  if (['0', 'off', 'false', 'no'].includes(v)) return 0;
  if (!/^\d+$/.test(v) || Number(v) > 100_000)
    throw new Error(`DEMO_HISTORY must be 0 (off) or a number of dossiers up to 100000, not "${value}"`);
  return Number(v);
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The history's imported part for a plan: the simulator over the demo centres and procedures, the demo citizen in it. */
export function demoHistoryLines(
  calendar: Parameters<typeof generate>[0],
  plan: DemoHistoryPlan,
): Simulation & { from: string; to: string } {
  const until = new Date(plan.until);
  const to = localDate(until);
  const from = addDays(to, -(DEMO_HISTORY_DAYS - 1));
  const size = Math.max(0, plan.size - LIVE.length);
  const sim = generate(calendar, {
    year: Number(to.slice(0, 4)),
    size,
    seed: SEED,
    // Receptions end the day before: today's codes stay the counters' own, live numbering needs no gap.
    window: { from, until },
    receptionsBefore: to,
    centres: DEMO_CENTRES.map((c) => c.code),
    centreLevels: DEMO_CENTRES.map((c) => c.level),
    procedures: DEMO_PROCEDURES,
    procedureWeights: [],
    channelWeights: { COUNTER: 0.55, ONLINE: 0.3, POST: 0.15 },
    lateShare: 0.06,
    onTimeShare: 0.15,
    // A 90-day window ends with the last weeks' dossiers still in hand: more than a year's end backlog.
    inProgress: Math.round(size * 0.12),
    featured: { ...DEMO_CITIZEN, every: Math.max(2, Math.floor(size / 15)) },
  });
  return { ...sim, from, to };
}

type Call = (query: string, variables: Record<string, unknown>, token?: string) => Promise<any>;

/** A dossier made through the live API, for the states a historical import cannot hold. */
interface LiveDossier {
  centre: string;
  procedure: string;
  channel: 'ONLINE' | 'COUNTER';
  citizen: { identityNumber: string; fullName: string; phone: string; email?: string };
  delivery: 'COUNTER' | 'POST' | 'ONLINE';
  then: 'AWAIT' | 'REFUSE' | 'WITHDRAW' | 'STOP' | 'SUPPLEMENT';
}

const OTHER = [
  { identityNumber: '046195004321', fullName: 'Trần Thị Bình', phone: '0914222333' },
  { identityNumber: '046088007777', fullName: 'Lê Quốc Dũng', phone: '0935444555' },
];
const [PROVINCE, HUE, , PHU_VANG, PHU_HOI, VY_DA] = DEMO_CENTRES.map((c) => c.code);

export const LIVE: readonly LiveDossier[] = [
  {
    centre: PHU_HOI,
    procedure: 'HT-TLBS',
    channel: 'ONLINE',
    citizen: DEMO_CITIZEN,
    delivery: 'ONLINE',
    then: 'AWAIT',
  },
  { centre: PROVINCE, procedure: 'LLTP-01', channel: 'ONLINE', citizen: DEMO_CITIZEN, delivery: 'POST', then: 'AWAIT' },
  { centre: HUE, procedure: 'CT-BS', channel: 'ONLINE', citizen: OTHER[0], delivery: 'COUNTER', then: 'AWAIT' },
  { centre: PROVINCE, procedure: 'GT-DOIGPLX', channel: 'ONLINE', citizen: OTHER[1], delivery: 'POST', then: 'AWAIT' },
  { centre: VY_DA, procedure: 'HT-TLBS', channel: 'ONLINE', citizen: OTHER[0], delivery: 'ONLINE', then: 'REFUSE' },
  {
    centre: PROVINCE,
    procedure: 'LLTP-01',
    channel: 'ONLINE',
    citizen: DEMO_CITIZEN,
    delivery: 'ONLINE',
    then: 'REFUSE',
  },
  {
    centre: HUE,
    procedure: 'HT-TLBS',
    channel: 'COUNTER',
    citizen: DEMO_CITIZEN,
    delivery: 'COUNTER',
    then: 'WITHDRAW',
  },
  {
    centre: PROVINCE,
    procedure: 'GT-DOIGPLX',
    channel: 'COUNTER',
    citizen: OTHER[1],
    delivery: 'COUNTER',
    then: 'WITHDRAW',
  },
  { centre: PHU_VANG, procedure: 'CT-BS', channel: 'COUNTER', citizen: OTHER[1], delivery: 'COUNTER', then: 'STOP' },
  { centre: PROVINCE, procedure: 'LLTP-01', channel: 'COUNTER', citizen: OTHER[0], delivery: 'POST', then: 'STOP' },
  {
    centre: PHU_HOI,
    procedure: 'HT-TLBS',
    channel: 'COUNTER',
    citizen: DEMO_CITIZEN,
    delivery: 'ONLINE',
    then: 'SUPPLEMENT',
  },
];

/** A one-page PDF: the blob store takes only what starts like a real document. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

export interface DemoHistoryResult {
  imported: number;
  alreadyImported: number;
  rejected: number;
  live: number;
  from: string;
  to: string;
  seconds: number;
}

/**
 * Seeds the plan's history through the gateway: the import, then the live dossiers. Safe to run
 * again on the same plan (a resumed start): what is there already is left as it is.
 */
export async function seedDemoHistory(
  graphqlUrl: string,
  jwtSecret: string,
  plan: DemoHistoryPlan,
  opts: { log?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<DemoHistoryResult> {
  const started = Date.now();
  const gatewayUrl = graphqlUrl.replace(/\/graphql$/, '');
  const call = graphqlCaller(graphqlUrl, opts.signal);
  const admin = await signToken(
    jwtSecret,
    { sub: 'demo-history', name: 'Dữ liệu minh họa', role: 'ADMIN', centre: PROVINCE },
    '12h',
  );
  const calendar = await platformCalendar(gatewayUrl, Number(plan.until.slice(0, 4)));
  const sim = demoHistoryLines(calendar, plan);
  // The demo citizen's dossiers first, then the most recent: what a first visitor looks at is in place soonest.
  const lines = [...(sim.lines as Array<{ receivedAt: string; applicant: { identityNumber: string } }>)].sort(
    (a, b) =>
      Number(b.applicant.identityNumber === DEMO_CITIZEN.identityNumber) -
        Number(a.applicant.identityNumber === DEMO_CITIZEN.identityNumber) || b.receivedAt.localeCompare(a.receivedAt),
  );
  // The live dossiers first: their events would otherwise queue behind the import's thousands.
  let live = 0;
  for (const [i, d] of LIVE.entries()) {
    opts.signal?.throwIfAborted();
    await liveDossier(call, jwtSecret, i, d);
    live++;
  }
  const dir = mkdtempSync(join(tmpdir(), 'onestop-demo-history-'));
  let summary;
  try {
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    opts.log?.(`demo history: importing ${lines.length} dossiers of ${sim.from} to ${sim.to}…`);
    summary = await importFile(file, { gatewayUrl, token: admin, batchSize: 200, concurrency: 2, signal: opts.signal });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (summary.rejected.length) {
    throw new Error(
      `demo history: ${summary.rejected.length} lines rejected, e.g. line ${summary.rejected[0].line}: ${summary.rejected[0].reason}`,
    );
  }
  return {
    imported: summary.imported,
    alreadyImported: summary.alreadyImported,
    rejected: summary.rejected.length,
    live,
    from: sim.from,
    to: sim.to,
    seconds: (Date.now() - started) / 1000,
  };
}

/** One live dossier: submitted once (its idempotency key), then its action if it is still in the status before it. */
async function liveDossier(call: Call, jwtSecret: string, i: number, d: LiveDossier): Promise<void> {
  const token = (role: Role, extra: { centre?: string } = {}) =>
    signToken(
      jwtSecret,
      {
        sub: `demo-${role.toLowerCase().replace('_', '-')}-${d.centre}`,
        name: 'Cán bộ minh họa',
        role,
        centre: d.centre,
        ...extra,
      },
      '1h',
    );
  const { centres } = await call(`{ centres { id code } }`, {});
  const centreId = centres.find((c: { code: string }) => c.code === d.centre).id;
  const procedure = DEMO_PROCEDURES.find((p) => p.code === d.procedure)!;
  const submitter =
    d.channel === 'ONLINE'
      ? await signToken(
          jwtSecret,
          {
            sub: d.citizen === DEMO_CITIZEN ? 'demo-citizen' : `citizen-${d.citizen.identityNumber}`,
            name: d.citizen.fullName,
            role: 'CITIZEN',
            identityNumber: d.citizen.identityNumber,
          },
          '1h',
        )
      : await token('INTAKE_OFFICER');
  const { submitDossier: dossier } = await call(
    `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id nationalStatusCode } }`,
    {
      input: {
        procedureCode: d.procedure,
        centreId,
        channel: d.channel,
        applicant: { kind: 'CITIZEN', ...d.citizen },
        documents: procedure.components
          .filter((c) => c.required)
          .map((c) => ({
            componentCode: c.code,
            title: c.name,
            upload: { fileName: `${c.code.toLowerCase()}.pdf`, mimeType: 'application/pdf', contentBase64: PDF },
          })),
        delivery: { method: d.delivery, address: d.delivery === 'POST' ? '24 Lê Lợi, phường Phú Hội, Huế' : null },
        idempotencyKey: `demo-history-live-${i}`,
      },
    },
    submitter,
  );
  // Processing's status once it is one of `expected` (its events may lag on a busy machine), so
  // that an action starts from where the dossier is and a resumed start does only what is left.
  const status = async (...expected: number[]): Promise<number> => {
    for (const deadline = Date.now() + 600_000; ; await new Promise((r) => setTimeout(r, 500))) {
      const { dossier: now } = await call(
        `query($id: ID!) { dossier(id: $id) { nationalStatusCode } }`,
        { id: dossier.id },
        await token('ADMIN', { centre: PROVINCE }),
      );
      if (expected.includes(now?.nationalStatusCode)) return now.nationalStatusCode;
      if (Date.now() > deadline)
        throw new Error(
          `demo history: ${dossier.id} stayed at status ${now?.nationalStatusCode}, not ${expected.join(' or ')}`,
        );
    }
  };
  const act = (mutation: string, role: Role, variables: Record<string, unknown> = {}) =>
    token(role).then((t) =>
      call(
        `mutation($id: ID!${Object.keys(variables)
          .map((k) => `, $${k}: ${k === 'componentCodes' ? '[String!]!' : 'String!'}`)
          .join('')}) {
      ${mutation}(dossierId: $id${Object.keys(variables)
        .map((k) => `, ${k}: $${k}`)
        .join('')}) { nationalStatusCode } }`,
        { id: dossier.id, ...variables },
        t,
      ),
    );
  // A start killed just after an action may find processing not yet told of it (its event on the
  // way): the action then answers CONFLICT; the dossier reaching `reached` shows it was done.
  const once = (reached: number, mutation: string, role: Role, variables: Record<string, unknown> = {}) =>
    act(mutation, role, variables).catch(async (err: Error) => {
      if (!/CONFLICT|cannot|Only a new/i.test(err.message)) throw err;
      await status(reached);
    });
  if (d.then === 'AWAIT') {
    await status(1);
  } else if (d.then === 'REFUSE') {
    if ((await status(1, 3)) === 1)
      await once(3, 'refuseDossier', 'INTAKE_OFFICER', {
        reason: 'Hồ sơ nộp nhầm thủ tục: đề nghị nộp lại đúng thủ tục / wrong procedure, please submit again',
      });
  } else if (d.then === 'WITHDRAW') {
    if ((await status(2, 7)) === 2)
      await once(7, 'withdrawDossier', 'INTAKE_OFFICER', {
        reason: 'Công dân xin rút hồ sơ / the applicant withdrew it',
      });
  } else {
    if ((await status(2, 4, 5, 8)) === 2) await once(4, 'completeStep', 'SPECIALIST');
    if ((await status(4, 5, 8)) !== 4) return;
    if (d.then === 'STOP')
      await once(8, 'stopDossier', 'LEADER', {
        reason: 'Người yêu cầu không đủ điều kiện theo quy định / not eligible',
      });
    else
      await once(5, 'requestSupplement', 'SPECIALIST', {
        reason: 'Bản chụp Căn cước công dân bị mờ, đề nghị tải lên bản rõ hơn / the ID copy is unreadable',
        componentCodes: ['CCCD'],
      });
  }
}

function graphqlCaller(graphqlUrl: string, signal?: AbortSignal): Call {
  return async (query, variables, token) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`demo history: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
}
