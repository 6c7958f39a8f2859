import { createServer, request, type Server } from 'node:http';
import { Fixtures, TestPlatform, contractOperation } from '@onestop/test-kit';
import { startGateway, SERVICE_NAMES, type RunningGateway } from '@onestop/gateway';
import { startPeerGateway, type RunningPeerGateway } from '../scripts/bench/peer-gateway';

/** A subgraph's requests counted on their way: both gateways reach the services through these. */
async function countingProxy(
  target: string,
): Promise<{ url: string; count: () => number; reset(): void; close(): Promise<void> }> {
  const to = new URL(target);
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const upstream = request(
      { host: to.hostname, port: to.port, path: to.pathname, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    count: () => count,
    reset: () => void (count = 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The benchmark's peer gateway (scripts/bench/peer-gateway.ts) is a fair comparison: on the same
 * four services, it answers the contract's Dossier query with the same data as ours and sends
 * each subgraph as many requests for it.
 */
describe('the benchmark peer gateway', () => {
  let platform: TestPlatform;
  let proxies: Array<Awaited<ReturnType<typeof countingProxy>>>;
  let ours: RunningGateway;
  let peer: RunningPeerGateway;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    proxies = await Promise.all(SERVICE_NAMES.map((name) => countingProxy(platform.services[name].url!)));
    const subgraphs = SERVICE_NAMES.map((name, i) => ({ name, url: proxies[i].url }));
    ours = await startGateway({
      port: 0,
      subgraphs,
      jwtSecret: platform.jwtSecret,
      identityPrivateJwk: platform.identityPrivateJwk,
      portalDir: false,
    });
    peer = await startPeerGateway({
      port: 0,
      subgraphs,
      jwtSecret: platform.jwtSecret,
      identityPrivateJwk: platform.identityPrivateJwk,
    });
  }, 120_000);

  afterAll(async () => {
    await peer?.stop();
    await ours?.stop();
    await Promise.all((proxies ?? []).map((p) => p.close()));
    await platform?.stop();
  });

  async function dossierQuery(url: string, id: string, token: string) {
    proxies.forEach((p) => p.reset());
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: contractOperation('Dossier'), variables: { id } }),
    });
    const body = (await res.json()) as { data?: { dossier: unknown }; errors?: unknown[] };
    return {
      status: res.status,
      body,
      requests: Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, proxies[i].count()])),
    };
  }

  it('answers the Dossier query with the data ours answers, with the same subgraph requests', async () => {
    const fixtures = new Fixtures(platform);
    const centre = await fixtures.centre({ level: 'PROVINCE' });
    const procedure = await fixtures.procedure();
    const dossier = await fixtures.receiveDossier({ centre, procedureCode: procedure.code, deliveryMethod: 'POST' });
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
    // Once every service has applied the reception, so that both see the same dossier.
    let fromOurs = await dossierQuery(ours.url, dossier.id, officer);
    for (let i = 0; i < 100 && !(fromOurs.body.data?.dossier as { delivery?: unknown } | null)?.delivery; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fromOurs = await dossierQuery(ours.url, dossier.id, officer);
    }
    const fromPeer = await dossierQuery(peer.url, dossier.id, officer);

    expect(fromOurs.body.errors).toBeUndefined();
    expect(fromOurs.body.data?.dossier).toMatchObject({
      id: dossier.id,
      code: dossier.code,
      receivingCentre: { code: centre.code },
      delivery: { method: 'POST' },
    });
    expect(fromPeer.status).toBe(200);
    expect(fromPeer.body).toEqual(fromOurs.body);
    expect(fromPeer.requests).toEqual(fromOurs.requests);
    expect(Object.values(fromOurs.requests).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
    // its own fetch hook counts what the subgraphs received
    expect(Object.values(peer.subgraphRequests()).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      Object.values(fromPeer.requests).reduce((a, b) => a + b, 0),
    );
  });

  it('refuses a token signed with another secret, as ours does', async () => {
    const res = await fetch(`${peer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
