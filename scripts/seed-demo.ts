/**
 * Seeds the demo province through the public API, as an administrator would.
 *
 * The API has no transaction that spans the two services (centres and procedures in intake,
 * workflows in processing), so a start stopped mid-way leaves part of the province. The seeding
 * is therefore resumable: it creates only what is missing, by code, and a marker under DATA_DIR
 * says whether this database's demo seeding was begun ("seeding") or finished ("seeded"). A
 * database with centres of its own and no marker is someone's data: it is left alone.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '@onestop/service-kit';
import { DEMO_USERS } from '../gateway/src/demo-users';
import { DEMO_CENTRES, DEMO_PROCEDURES } from '@onestop/demo-province';
import type { DemoHistoryPlan } from './demo-history';

type SeedState = 'seeding' | 'seeded';

/** What the marker keeps: the province's state and, when the first start asked for one, the recent history's plan. */
interface Saved {
  database: string;
  state: SeedState;
  history?: DemoHistoryPlan & { done: boolean };
}

export interface SeedOutcome {
  summary: string;
  /** The recent history still to seed (the first start's plan, or the one a killed start left unfinished), else null. */
  history: DemoHistoryPlan | null;
  /** Records that the history is in place: later starts leave it alone. */
  historyDone: () => void;
}

interface Present {
  centres: Array<{ id: string; code: string }>;
  procedures: Array<{ code: string; workflow: { isDefault: boolean } | null }>;
}

/**
 * `history`: the size of the recent history to plan when this start seeds an empty database (0:
 * none). The plan is written into the marker with the first 'seeding', so a later start resumes
 * the same history whatever DEMO_HISTORY then says; a database seeded before, or someone's own, gets none.
 */
export async function seedDemo(
  graphqlUrl: string,
  jwtSecret: string,
  opts: { dataDir: string; databaseUrl: string; history?: number },
): Promise<SeedOutcome> {
  const marker = seedMarker(opts.dataDir, opts.databaseUrl);
  const call = graphqlCaller(graphqlUrl);
  const present: Present = await call(`{ centres { id code } procedures { code workflow { isDefault } } }`, {});
  const saved = marker.read();
  const pending = (s: Saved | undefined) =>
    s?.history && !s.history.done ? { size: s.history.size, until: s.history.until } : null;
  const historyDone = () => {
    const now = marker.read();
    if (now?.history) marker.write({ ...now, history: { ...now.history, done: true } });
  };
  if (present.centres.length > 0 && saved?.state !== 'seeding') {
    return { summary: `kept (${present.centres.length} centres already there)`, history: pending(saved), historyDone };
  }

  // A start killed while seeding left its plan; an empty database otherwise gets a new one.
  const history =
    (saved?.state === 'seeding' ? saved.history : undefined) ??
    (opts.history ? { size: opts.history, until: new Date().toISOString(), done: false } : undefined);
  marker.write({ state: 'seeding', history });
  const admin = await signToken(jwtSecret, {
    sub: 'demo-admin',
    name: 'Quản trị viên',
    role: 'ADMIN',
    centre: DEMO_CENTRES[0].code,
  });
  await seedMissing(present, (query, variables) => call(query, variables, admin));
  await introduceDemoOfficers(jwtSecret, call);
  marker.write({ state: 'seeded', history });
  const plan = pending({ database: '', state: 'seeded', history });
  return {
    summary: `seeded ${DEMO_CENTRES.length} centres and ${DEMO_PROCEDURES.length} procedures (a demo province modelled on Huế)`,
    history: plan,
    historyDone,
  };
}

type Call = (query: string, variables: Record<string, unknown>) => Promise<any>;

/** Each demo centre, procedure and workflow that is not there yet, parents first. */
async function seedMissing(present: Present, call: Call): Promise<void> {
  const ids = new Map(present.centres.map((c) => [c.code, c.id]));
  for (const centre of DEMO_CENTRES.filter((c) => !ids.has(c.code))) {
    const { createCentre } = await call(`mutation($input: CentreInput!) { createCentre(input: $input) { id } }`, {
      input: {
        code: centre.code,
        name: centre.name,
        level: centre.level,
        parentId: centre.parentCode ? ids.get(centre.parentCode) : null,
      },
    });
    ids.set(centre.code, createCentre.id);
  }
  const procedures = new Map(present.procedures.map((p) => [p.code, p]));
  for (const { workflow, ...input } of DEMO_PROCEDURES) {
    const there = procedures.get(input.code);
    if (!there) await call(`mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`, { input });
    if (!there?.workflow || there.workflow.isDefault) {
      await call(`mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode } }`, {
        input: { procedureCode: input.code, steps: workflow },
      });
    }
  }
}

function graphqlCaller(graphqlUrl: string) {
  return async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`Seeding failed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
}

/** The demo seeding's state for one database (its host, port and name: the marker outlives a switch of DATABASE_URL). */
function seedMarker(dataDir: string, databaseUrl: string) {
  const file = join(dataDir, 'demo-province.json');
  const { host, pathname } = new URL(databaseUrl);
  const database = `${host}${pathname}`;
  return {
    read(): Saved | undefined {
      if (!existsSync(file)) return undefined;
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
      return saved.database === database ? saved : undefined;
    },
    write(state: Omit<Saved, 'database'>) {
      writeFileSync(`${file}.tmp`, JSON.stringify({ ...state, database }) + '\n');
      renameSync(`${file}.tmp`, file); // whole or absent: a start killed while writing leaves no torn file
    },
  };
}

/**
 * Processing's officer directory (whom a step may be assigned to) records an officer when their
 * token first reaches it: each demo officer asks once for their assigned dossiers. An officer whose
 * centre processing has not learnt of yet is recorded at their first sign-in instead.
 */
async function introduceDemoOfficers(jwtSecret: string, call: ReturnType<typeof graphqlCaller>): Promise<void> {
  for (const user of DEMO_USERS.filter((u) => ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'].includes(u.role))) {
    const token = await signToken(jwtSecret, { sub: user.id, name: user.name, role: user.role, centre: user.centre });
    await call(`{ myAssignedDossiers(first: 1) { id } }`, {}, token).catch(() => undefined);
  }
}
