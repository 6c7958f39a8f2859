import { PlatformMetrics, knownOperationNames, metricsConfigFromEnv, startMetricsServer } from './metrics';

describe('metrics', () => {
  it("labels the platform's own operations by name, a subgraph fetch by its client's, and collapses the rest", () => {
    const metrics = new PlatformMetrics('intake');
    expect(metrics.operationLabel('SubmitDossier')).toBe('SubmitDossier');
    expect(metrics.operationLabel('SubmitAtCounter__intake__0')).toBe('SubmitAtCounter');
    expect(metrics.operationLabel('InventedByAClient')).toBe('other');
    expect(metrics.operationLabel('InventedByAClient__intake__1')).toBe('other');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
  });

  it("knows the contract's operations and the portal's", () => {
    const names = knownOperationNames();
    for (const name of ['SubmitDossier', 'TrackDossier', 'Report', 'OfficerInboxPage', 'DossierPage'])
      expect(names).toContain(name);
  });

  it('shows every pool gauge on the first scrape', async () => {
    const metrics = new PlatformMetrics('processing');
    metrics.watchPools({ service: () => ({ total: 3, idle: 1, waiting: 2, max: 4 }), queue: () => undefined });
    const text = await metrics.merged().metrics();
    expect(text).toContain('onestop_db_pool_connections{pool="service",state="busy",service="processing"} 2');
    expect(text).toContain('onestop_db_pool_connections{pool="service",state="idle",service="processing"} 1');
    expect(text).toContain('onestop_db_pool_max_connections{pool="service",service="processing"} 4');
    expect(text).toContain('onestop_db_pool_waiting_requests{pool="service",service="processing"} 2');
    expect(text).not.toContain('pool="queue"');
  });

  it('serves GET /metrics only, and with a token only to a scraper that sends it', async () => {
    const token = 'a-scrape-token-of-32-characters!';
    const server = await startMetricsServer(new PlatformMetrics('gateway').merged(), { port: 0, token });
    try {
      expect((await fetch(server.url)).status).toBe(401);
      expect(
        (await fetch(server.url, { headers: { authorization: 'Bearer wrong-token-of-the-same-size!!!' } })).status,
      ).toBe(401);
      const res = await fetch(server.url, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toContain('process_cpu_seconds_total{service="gateway"}');
      expect(
        (await fetch(server.url.replace('/metrics', '/graphql'), { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(404);
      expect((await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(
        404,
      );
    } finally {
      await server.close();
    }
  });

  it('reads METRICS_PORT, METRICS_HOST and METRICS_TOKEN, and refuses what cannot work', () => {
    expect(metricsConfigFromEnv({})).toBeUndefined();
    expect(metricsConfigFromEnv({ METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
    expect(
      metricsConfigFromEnv({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'x'.repeat(16) }),
    ).toEqual({ port: 9464, host: '0.0.0.0', token: 'x'.repeat(16) });
    expect(() => metricsConfigFromEnv({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT/);
    expect(() => metricsConfigFromEnv({ METRICS_PORT: '9464', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
