import { composeSupergraph, readServiceSdl, SERVICE_NAMES, CompositionError, startGateway } from '../src';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { IDENTITY_HEADER, createIdentitySigner, generateIdentityKeys } from '@onestop/service-kit';

describe('composition', () => {
  const subgraphs = SERVICE_NAMES.map((name) => ({ name, url: `http://${name}/graphql`, sdl: readServiceSdl(name) }));

  it('composes the four services into one supergraph', () => {
    const supergraph = composeSupergraph(subgraphs);
    expect(supergraph).toContain('join__graph(name: "intake"');
    expect(supergraph).toContain('join__graph(name: "statistics"');
  });

  it('stops with a readable message naming the conflict when two services disagree', () => {
    const broken = [...subgraphs, { name: 'rogue', url: 'http://rogue/graphql', sdl: 'type Query { centres: Int }' }];
    expect(() => composeSupergraph(broken)).toThrow(CompositionError);
    expect(() => composeSupergraph(broken)).toThrow(/Query\.centres/);
  });
});

describe('gateway', () => {
  let platform: TestPlatform;
  let fixtures: Fixtures;
  beforeAll(async () => {
    platform = await TestPlatform.start();
    fixtures = new Fixtures(platform);
  });
  afterAll(() => platform?.stop());

  it('answers /healthz with 200 when every service is reachable', async () => {
    const res = await fetch(`${platform.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', down: [] });
  });

  it('refuses a token it cannot verify with UNAUTHENTICATED', async () => {
    const res = await platform.graphql(`{ centres { id } }`, {}, 'not-a-jwt');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('turns a request that does not parse into BAD_USER_INPUT', async () => {
    const res = await platform.graphql(`{ centres { id `);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a subgraph refuses requests that did not come through the gateway, and forged identities', async () => {
    const intakeUrl = platform.services.intake.url!;
    const post = (headers: Record<string, string>, query = '{ centres { id } }') =>
      fetch(intakeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });

    const direct = await post({});
    expect(direct.status).toBe(401);
    expect(((await direct.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const otherKeys = await generateIdentityKeys();
    const forged = await (
      await createIdentitySigner(otherKeys.privateJwk)
    )({ id: 'x', name: 'x', role: 'ADMIN', centre: 'ROOT' });
    expect((await post({ [IDENTITY_HEADER]: forged })).status).toBe(401);

    // Composition tools may still read the SDL.
    const sdl = await post({}, '{ _service { sdl } }');
    expect(sdl.status).toBe(200);
    expect(((await sdl.json()) as any).data._service.sdl).toContain('type Centre');
  });

  it("the subgraphs' document routes (receipts, records, slips, results, CSV) refuse requests that did not come through the gateway", async () => {
    const centre = await fixtures.centre();
    const procedure = await fixtures.procedure();
    const dossier = await fixtures.receiveDossier({ centre, procedureCode: procedure.code });
    const admin = await fixtures.admin(centre.code);
    const base = (name: 'intake' | 'processing' | 'delivery' | 'statistics') =>
      platform.services[name].url!.replace(/\/graphql$/, '');
    const routes = [
      `${base('intake')}/receipts/${dossier.id}`,
      `${base('intake')}/records/${dossier.id}/content?purpose=x`,
      `${base('processing')}/dossiers/${dossier.id}/control-slip`,
      `${base('delivery')}/results/${dossier.id}?expires=9999999999&signature=${'0'.repeat(64)}`,
      `${base('statistics')}/reports.csv?from=2026-01-01&to=2026-01-31&centreId=${centre.id}`,
    ];
    const otherKeys = await generateIdentityKeys();
    const forged = await (
      await createIdentitySigner(otherKeys.privateJwk)
    )({ id: 'x', name: 'x', role: 'ADMIN', centre: centre.code });
    for (const url of routes) {
      expect([url, (await fetch(url)).status]).toEqual([url, 401]);
      expect([url, (await fetch(url, { headers: { [IDENTITY_HEADER]: forged } })).status]).toEqual([url, 401]);
    }
    // Through the gateway, with a token, the same receipt is served.
    const receipt = await fetch(`${platform.url}/intake/receipts/${dossier.id}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(receipt.status).toBe(200);
  });

  it('carries the correlation id from the request into the events it causes', async () => {
    const admin = await fixtures.admin();
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'x-correlation-id': 'trace-abc-123',
      },
      body: JSON.stringify({
        query: `mutation { createCentre(input: { code: "CORR1", name: "Trung tâm", level: PROVINCE }) { id } }`,
      }),
    });
    expect(((await res.json()) as any).errors).toBeUndefined();
    const rows = await platform.services.intake.db.query(
      `SELECT correlation_id FROM outbox WHERE type = 'CentreChanged'`,
    );
    expect(rows).toContainEqual({ correlation_id: 'trace-abc-123' });
  });

  it('with one service stopped, keeps answering: partial data, and an error that names the missing service', async () => {
    const centre = await fixtures.centre();
    const procedure = await fixtures.procedure();
    const dossier = await fixtures.receiveDossier({ centre, procedureCode: procedure.code });
    const admin = await fixtures.admin(centre.code);
    await waitFor(
      async () =>
        (await platform.ok(`query($id: ID!) { dossier(id: $id) { status } }`, { id: dossier.id }, admin)).dossier
          .status,
    );

    await platform.stopService('statistics');
    try {
      const res = await platform.graphql(
        `query($id: ID!) { dossier(id: $id) { code status outcome } }`,
        { id: dossier.id },
        admin,
      );
      expect(res.status).toBe(200);
      expect(res.data?.dossier).toMatchObject({ code: dossier.code, status: 'RECEIVED', outcome: null });
      expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/statistics/);
      const health = await fetch(`${platform.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'degraded', down: ['statistics'] });
    } finally {
      await platform.startService('statistics');
    }
    const after = await platform.graphql(
      `query($id: ID!) { dossier(id: $id) { code outcome } }`,
      { id: dossier.id },
      admin,
    );
    expect(after.errors).toBeUndefined();
  });
});

describe('gateway input errors', () => {
  let platform: TestPlatform;
  let fixtures: Fixtures;
  beforeAll(async () => {
    platform = await TestPlatform.start();
    fixtures = new Fixtures(platform);
  });
  afterAll(() => platform?.stop());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${platform.url}/graphql`, { method: 'POST', headers, body });
  const codeOf = async (res: Response) => ((await res.json()) as any).errors?.[0]?.extensions?.code;

  it('refuses queries too deep, too aliased or too long with BAD_USER_INPUT, before any service sees them', async () => {
    const deep = `{ centres { ${'parent { '.repeat(12)}id${' }'.repeat(12)} } }`;
    expect((await platform.graphql(deep)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: centres { id }`).join(' ')} }`;
    expect((await platform.graphql(aliased)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const long = `{ centres { ${Array.from({ length: 2500 }, () => 'id').join(' ')} } }`;
    expect((await platform.graphql(long)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The contract's own operations stay well inside the limits.
    expect((await platform.contract('Procedures', {})).errors).toBeUndefined();
  });

  it('answers a body that is not JSON, or too large, with BAD_USER_INPUT and never a 500', async () => {
    const malformed = await post('{"query": "{ centres { id } }"');
    expect(malformed.status).toBe(400);
    expect(await codeOf(malformed)).toBe('BAD_USER_INPUT');
    const notAString = await post(JSON.stringify({ query: 42 }));
    expect(notAString.status).toBe(400);
    expect(await codeOf(notAString)).toBe('BAD_USER_INPUT');
    const huge = await post(
      JSON.stringify({ query: '{ centres { id } }', variables: { x: 'A'.repeat(31 * 1024 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    expect(await codeOf(huge)).toBe('BAD_USER_INPUT');
  });

  it('keeps CSRF prevention on: a GET or a simple POST without a preflight header is refused', async () => {
    const get = await fetch(`${platform.url}/graphql?query=${encodeURIComponent('{ centres { id } }')}`);
    expect(get.status).toBe(400);
    expect(await codeOf(get)).toBe('BAD_USER_INPUT');
    const simplePost = await post(JSON.stringify({ query: '{ centres { id } }' }), { 'content-type': 'text/plain' });
    expect(simplePost.status).toBe(400);
    const preflighted = await fetch(`${platform.url}/graphql?query=${encodeURIComponent('{ centres { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('public tracking: the same answer for a wrong verifier and an unknown code, and at most 10 lookups a minute per client', async () => {
    const centre = await fixtures.centre();
    const procedure = await fixtures.procedure();
    const dossier = await fixtures.receiveDossier({ centre, procedureCode: procedure.code });
    const wrongVerifier = await platform.contract('TrackDossier', { code: dossier.code, verifier: '9999' });
    const unknownCode = await platform.contract('TrackDossier', { code: `${dossier.code}9`, verifier: '1234' });
    expect(wrongVerifier).toEqual(unknownCode);
    expect(wrongVerifier).toEqual({ status: 200, data: { trackDossier: null } });
    const right = await platform.contract('TrackDossier', { code: dossier.code, verifier: '1234' });
    expect(right.data.trackDossier.code).toBe(dossier.code);
    // Three lookups so far; aliases count one each. (Seven codes of their own: intake also limits
    // the attempts on any one code, counted before the verifier is checked.)
    const seven = `{ ${Array.from({ length: 7 }, (_, i) => `t${i}: trackDossier(code: "${dossier.code}-${i}", verifier: "1234") { code }`).join(' ')} }`;
    expect((await platform.graphql(seven)).errors).toBeUndefined();
    const limited = await platform.contract('TrackDossier', { code: dossier.code, verifier: '1234' });
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RATE_LIMITED' });
    expect(limited.errors?.[0].message).toMatch(/too many tracking requests/i);
    // Other operations are not limited.
    expect((await platform.graphql('{ centres { id } }')).errors).toBeUndefined();
  });

  it('turns introspection off in production mode', async () => {
    expect((await platform.graphql('{ __schema { queryType { name } } }')).data?.__schema.queryType.name).toBe('Query');
    const production = await startGateway({
      port: 0,
      production: true,
      jwtSecret: platform.jwtSecret,
      identityPrivateJwk: (platform as any).keys.privateJwk,
      subgraphs: (['intake', 'processing', 'delivery', 'statistics'] as const).map((name) => ({
        name,
        url: platform.services[name].url!,
      })),
    });
    try {
      const res = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/introspection/i);
    } finally {
      await production.stop();
    }
  });

  it('an impossible date that a service refuses reaches the caller as BAD_USER_INPUT', async () => {
    await fixtures.centre(); // the calendar is a root centre's ADMIN's
    const admin = await fixtures.admin();
    const res = await platform.contract(
      'SetCalendarDay',
      { input: { date: '2027-02-30', kind: 'HOLIDAY', name: 'Không có ngày này' } },
      admin,
    );
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
