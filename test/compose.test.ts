import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** No Docker engine runs here, so the production topology is checked for its structure. */
const ROOT = join(__dirname, '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<string, any>;
const NAMES = ['intake', 'processing', 'delivery', 'statistics'];
/** The services that store or serve documents, with their workers. */
const DOCUMENT_CONTAINERS = ['intake', 'processing', 'delivery'].flatMap((n) => [n, `${n}-worker`]);
const INFRASTRUCTURE = ['postgres', 'redis', 'minio', 'minio-init', 'prometheus', 'grafana', 'keycloak'];

describe('docker-compose.yml', () => {
  it('has PostgreSQL, Redis, MinIO, the gateway, and each service with its workers', () => {
    expect(Object.keys(services).sort()).toEqual([
      'database-setup',
      'delivery',
      'delivery-worker',
      'gateway',
      'grafana',
      'intake',
      'intake-worker',
      'keycloak',
      'minio',
      'minio-init',
      'postgres',
      'processing',
      'processing-worker',
      'prometheus',
      'redis',
      'statistics',
      'statistics-worker',
    ]);
  });

  it('runs Redis as BullMQ needs it: noeviction, with an append-only file', () => {
    const command = services.redis.command.join(' ');
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(command).toMatch(/--appendonly yes/);
  });

  it('gives PostgreSQL and Redis health checks that the services wait for', () => {
    for (const infra of ['postgres', 'redis']) expect(services[infra].healthcheck.test.length).toBeGreaterThan(1);
    for (const name of [...NAMES, ...NAMES.map((n) => `${n}-worker`)]) {
      expect(services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'database-setup': { condition: 'service_completed_successfully' },
      });
    }
  });

  it('keeps documents in a MinIO bucket that exists before any service that stores documents starts', () => {
    const init = services['minio-init'];
    const bucket = init.environment.S3_BUCKET;
    expect(init.depends_on).toContain('minio');
    expect(init.command.join(' ')).toContain('mc mb --ignore-existing "local/$$S3_BUCKET"');
    for (const name of DOCUMENT_CONTAINERS) {
      const env = services[name].environment;
      expect(services[name].depends_on['minio-init']).toEqual({ condition: 'service_completed_successfully' });
      expect(env).toMatchObject({ BLOB_STORE: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: bucket });
      // The services sign in as the user minio-init creates for this bucket only, never as MinIO's root.
      expect([env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]).toEqual([
        init.environment.S3_ACCESS_KEY_ID,
        init.environment.S3_SECRET_ACCESS_KEY,
      ]);
      expect(env.S3_ACCESS_KEY_ID).not.toBe(services.minio.environment.MINIO_ROOT_USER);
    }
    expect(services.statistics.environment.BLOB_STORE).toBeUndefined();
  });

  it('has MinIO encrypt documents at rest, with a key of its own from the environment', () => {
    expect(services.minio.environment.MINIO_KMS_SECRET_KEY).toMatch(/^[\w-]+:\$\{MINIO_KMS_SECRET_KEY\}$/);
    expect(services['minio-init'].command.join(' ')).toContain('mc encrypt set sse-s3');
    for (const name of DOCUMENT_CONTAINERS) expect(services[name].environment.S3_SSE).toBe('AES256');
  });

  it('sets only blob store variables that the blob store reads', () => {
    const read = readFileSync(join(ROOT, 'packages/blob-store/src/config.ts'), 'utf8');
    for (const name of DOCUMENT_CONTAINERS) {
      for (const variable of Object.keys(services[name].environment).filter((v) => /^(S3_|BLOB_)/.test(v))) {
        expect([variable, read.includes(`env.${variable}`)]).toEqual([variable, true]);
      }
    }
  });

  it('creates the database roles once, and each service connects as its own, never as the superuser (README "Database roles")', () => {
    const setup = services['database-setup'];
    expect(setup.command.join(' ')).toContain('scripts/database-setup.ts');
    expect(setup.environment.DATABASE_URL).toMatch(/^postgres:\/\/onestop:/);
    for (const name of NAMES) {
      expect(setup.environment[`${name.toUpperCase()}_DATABASE_PASSWORD`]).toMatch(/^\$\{.+:\?/);
      for (const container of [services[name], services[`${name}-worker`]]) {
        expect(container.environment.DATABASE_URL).toBe(
          `postgres://onestop_${name}:\${${name.toUpperCase()}_DATABASE_PASSWORD}@postgres:5432/onestop`,
        );
      }
    }
    expect(services.gateway.environment.DATABASE_URL).toMatch(/^postgres:\/\/onestop_gateway:/);
    const superuser = Object.entries(services)
      .filter(([, s]) => /^postgres:\/\/onestop:/.test(s.environment?.DATABASE_URL ?? ''))
      .map(([n]) => n);
    expect(superuser).toEqual(['database-setup']);
  });

  it.each(NAMES)('%s: an API container with a health check on its own port, and scalable workers', (name) => {
    const api = services[name];
    const worker = services[`${name}-worker`];
    expect(api.environment.ROLE).toBe('api');
    expect(worker.environment.ROLE).toBe('worker');
    expect(worker.deploy.replicas).toBeGreaterThanOrEqual(1);
    expect(api.healthcheck.test.join(' ')).toContain(`127.0.0.1:${api.environment.PORT}/readyz`);
    for (const container of [api, worker]) {
      expect(container.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(container.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(container.environment.IDENTITY_PUBLIC_JWK).toBeDefined();
      const entry = container.command[container.command.length - 1];
      expect(existsSync(join(ROOT, entry))).toBe(true);
    }
    expect(services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(
      `http://${name}:${api.environment.PORT}/graphql`,
    );
    expect(services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
  });

  it("publishes only the gateway, which holds the identity signing key and checks tokens, and the identity provider browsers sign in at (Prometheus and Grafana on the host's loopback)", () => {
    const published = Object.entries(services)
      .filter(([, s]) => s.ports?.some((p: string) => !p.startsWith('127.0.0.1:')))
      .map(([name]) => name);
    expect(published.sort()).toEqual(['gateway', 'keycloak']);
    expect(services.keycloak.ports).toEqual(['8080:8080']);
    expect(services.prometheus.ports).toEqual(['127.0.0.1:9090:9090']);
    expect(services.grafana.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(services.gateway.ports).toEqual(['4000:4000']);
    expect(services.gateway.environment.IDENTITY_PRIVATE_JWK).toBeDefined();
    expect(services.gateway.environment.AUTH_JWKS_URL).toBeDefined();
    expect(services.gateway.healthcheck.test.join(' ')).toContain('/healthz');
    for (const name of NAMES) expect(services[name].environment.IDENTITY_PRIVATE_JWK).toBeUndefined();
  });

  it('builds every container from the one image, whose Dockerfile exists', () => {
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    for (const name of Object.keys(services).filter((n) => !INFRASTRUCTURE.includes(n)))
      expect(services[name].build).toBe('.');
  });

  describe('metrics', () => {
    const PLATFORM = ['gateway', ...NAMES, ...NAMES.map((n) => `${n}-worker`)];
    const mounted = (service: string, target: string) => {
      const volume = (services[service].volumes as string[]).find((v) => v.split(':')[1] === target);
      return volume && join(ROOT, volume.split(':')[0]);
    };
    const prometheus = parse(readFileSync(join(mounted('prometheus', '/etc/prometheus')!, 'prometheus.yml'), 'utf8'), {
      merge: true,
    });

    it('has every process of the platform serve /metrics inside the network, on the port Prometheus scrapes', () => {
      const scraped = new Map<string, number>();
      for (const job of prometheus.scrape_configs)
        for (const sd of job.dns_sd_configs) for (const name of sd.names) scraped.set(name, sd.port);
      expect([...scraped.keys()].sort()).toEqual([...PLATFORM].sort());
      for (const name of PLATFORM) {
        expect(services[name].environment.METRICS_HOST).toBe('0.0.0.0');
        expect(Number(services[name].environment.METRICS_PORT)).toBe(scraped.get(name));
        expect(services[name].environment.METRICS_TOKEN).toBeDefined();
        expect(services[name].ports ?? []).not.toContainEqual(expect.stringContaining(String(scraped.get(name))));
      }
    });

    it('gives Prometheus its rule file, and Grafana its datasource and dashboards, from deploy/', () => {
      for (const rules of prometheus.rule_files)
        expect(existsSync(join(mounted('prometheus', '/etc/prometheus')!, rules.replace('/etc/prometheus/', '')))).toBe(
          true,
        );
      const provisioning = mounted('grafana', '/etc/grafana/provisioning')!;
      expect(existsSync(join(provisioning, 'datasources', 'prometheus.yml'))).toBe(true);
      const providers = parse(readFileSync(join(provisioning, 'dashboards', 'onestop.yml'), 'utf8')).providers;
      const dashboards = mounted('grafana', providers[0].options.path)!;
      expect(existsSync(join(dashboards, 'onestop.json'))).toBe(true);
      expect(services.grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(
        `${providers[0].options.path}/onestop.json`,
      );
      const datasource = parse(readFileSync(join(provisioning, 'datasources', 'prometheus.yml'), 'utf8'))
        .datasources[0];
      expect(datasource.url).toBe(`http://prometheus:${services.prometheus.ports[0].split(':').pop()}`);
    });
  });

  it("runs Keycloak with the demo province's realm, imported at start, and signs the gateway in with it", () => {
    const keycloak = services.keycloak;
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+/);
    expect(keycloak.command).toContain('--import-realm');
    const [from, to] = keycloak.volumes[0].split(':');
    expect(to).toBe('/opt/keycloak/data/import');
    const realm = JSON.parse(readFileSync(join(ROOT, from, 'onestop-realm.json'), 'utf8'));
    expect(keycloak.healthcheck.test.join(' ')).toContain('/health/ready');

    const gateway = services.gateway.environment;
    const value = (v: string) => v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
    expect(value(gateway.AUTH_OIDC_ISSUER)).toBe(`${value(keycloak.environment.KC_HOSTNAME)}/realms/${realm.realm}`);
    expect(value(gateway.AUTH_OIDC_BACKCHANNEL_URL)).toBe('http://keycloak:8080');
    const client = realm.clients.find((c: { clientId: string }) => c.clientId === value(gateway.AUTH_OIDC_CLIENT_ID));
    expect(client.redirectUris).toContain(value(gateway.AUTH_OIDC_REDIRECT_URL));
    expect(client.attributes['pkce.code.challenge.method']).toBe('S256');
    // one secret for both sides: the realm file's placeholder is filled from the same variable
    expect(client.secret).toBe('${AUTH_OIDC_CLIENT_SECRET}');
    expect(value(keycloak.environment.AUTH_OIDC_CLIENT_SECRET)).toBe(value(gateway.AUTH_OIDC_CLIENT_SECRET));
  });
});
