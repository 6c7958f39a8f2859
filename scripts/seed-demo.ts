/** Seeds the demo province through the public API, as an administrator would, when no centre exists yet. */
import { signToken } from '@onestop/test-kit/src/tokens';

export async function seedDemoIfEmpty(graphqlUrl: string, jwtSecret: string): Promise<string> {
  const { DEMO_CENTRES, DEMO_PROCEDURES } = await import('@onestop/intake/src/demo/demo-province');
  const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`Seeding failed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
  const { centres } = await call(`{ centres { id } }`, {});
  if (centres.length > 0) return `kept (${centres.length} centres already there)`;

  const root = DEMO_CENTRES[0];
  const admin = await signToken(jwtSecret, { sub: 'demo-admin', name: 'Quản trị viên', role: 'ADMIN', centre: root.code });
  const ids = new Map<string, string>();
  for (const centre of DEMO_CENTRES) {
    const { createCentre } = await call(
      `mutation($input: CentreInput!) { createCentre(input: $input) { id } }`,
      { input: { code: centre.code, name: centre.name, level: centre.level, parentId: centre.parentCode ? ids.get(centre.parentCode) : null } },
      admin,
    );
    ids.set(centre.code, createCentre.id);
  }
  for (const procedure of DEMO_PROCEDURES) {
    const { workflow, ...input } = procedure;
    await call(`mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`, { input }, admin);
    if (workflow) {
      await call(`mutation($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode } }`, { input: { procedureCode: procedure.code, steps: workflow } }, admin);
    }
  }
  return `seeded ${DEMO_CENTRES.length} centres and ${DEMO_PROCEDURES.length} procedures (a demo province modelled on Huế)`;
}
