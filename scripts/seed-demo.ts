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
import { DEMO_CENTRES, DEMO_PROCEDURES } from '@onestop/intake/src/demo/demo-province';

type SeedState = 'seeding' | 'seeded';

interface Present {
  centres: Array<{ id: string; code: string }>;
  procedures: Array<{ code: string; workflow: { isDefault: boolean } | null }>;
}

export async function seedDemo(graphqlUrl: string, jwtSecret: string, opts: { dataDir: string; databaseUrl: string }): Promise<string> {
  const marker = seedMarker(opts.dataDir, opts.databaseUrl);
  const call = graphqlCaller(graphqlUrl);
  const present: Present = await call(`{ centres { id code } procedures { code workflow { isDefault } } }`, {});
  const state = marker.read();
  if (present.centres.length > 0 && state !== 'seeding') return `kept (${present.centres.length} centres already there)`;

  marker.write('seeding');
  const admin = await signToken(jwtSecret, { sub: 'demo-admin', name: 'Quản trị viên', role: 'ADMIN', centre: DEMO_CENTRES[0].code });
  await seedMissing(present, (query, variables) => call(query, variables, admin));
  marker.write('seeded');
  return `seeded ${DEMO_CENTRES.length} centres and ${DEMO_PROCEDURES.length} procedures (a demo province modelled on Huế)`;
}

type Call = (query: string, variables: Record<string, unknown>) => Promise<any>;

/** Each demo centre, procedure and workflow that is not there yet, parents first. */
async function seedMissing(present: Present, call: Call): Promise<void> {
  const ids = new Map(present.centres.map((c) => [c.code, c.id]));
  for (const centre of DEMO_CENTRES.filter((c) => !ids.has(c.code))) {
    const { createCentre } = await call(`mutation($input: CentreInput!) { createCentre(input: $input) { id } }`, {
      input: { code: centre.code, name: centre.name, level: centre.level, parentId: centre.parentCode ? ids.get(centre.parentCode) : null },
    });
    ids.set(centre.code, createCentre.id);
  }
  const procedures = new Map(present.procedures.map((p) => [p.code, p]));
  for (const { workflow, ...input } of DEMO_PROCEDURES) {
    const there = procedures.get(input.code);
    if (!there) await call(`mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`, { input });
    if (!there?.workflow || there.workflow.isDefault) {
      await call(`mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode } }`, { input: { procedureCode: input.code, steps: workflow } });
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
    read(): SeedState | undefined {
      if (!existsSync(file)) return undefined;
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { database: string; state: SeedState };
      return saved.database === database ? saved.state : undefined;
    },
    write(state: SeedState) {
      writeFileSync(`${file}.tmp`, JSON.stringify({ database, state }) + '\n');
      renameSync(`${file}.tmp`, file); // whole or absent: a start killed while writing leaves no torn file
    },
  };
}
