import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** No Docker engine runs here, so the production topology is checked for its structure. */
const ROOT = join(__dirname, '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<string, any>;
const NAMES = ['intake', 'processing', 'delivery', 'statistics'];

describe('docker-compose.yml', () => {
  it('has PostgreSQL, Redis, the gateway, and each service with its workers', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['delivery', 'delivery-worker', 'gateway', 'intake', 'intake-worker', 'keycloak', 'postgres', 'processing', 'processing-worker', 'redis', 'statistics', 'statistics-worker'],
    );
  });

  it('runs Redis as BullMQ needs it: noeviction, with an append-only file', () => {
    const command = services.redis.command.join(' ');
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(command).toMatch(/--appendonly yes/);
  });

  it('gives PostgreSQL and Redis health checks that the services wait for', () => {
    for (const infra of ['postgres', 'redis']) expect(services[infra].healthcheck.test.length).toBeGreaterThan(1);
    for (const name of [...NAMES, ...NAMES.map((n) => `${n}-worker`)]) {
      expect(services[name].depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
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
    expect(services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${api.environment.PORT}/graphql`);
    expect(services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
  });

  it('publishes only the gateway, which holds the identity signing key and checks tokens, and the identity provider browsers sign in at', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name]) => name);
    expect(published.sort()).toEqual(['gateway', 'keycloak']);
    expect(services.keycloak.ports).toEqual(['8080:8080']);
    expect(services.gateway.ports).toEqual(['4000:4000']);
    expect(services.gateway.environment.IDENTITY_PRIVATE_JWK).toBeDefined();
    expect(services.gateway.environment.AUTH_JWKS_URL).toBeDefined();
    expect(services.gateway.healthcheck.test.join(' ')).toContain('/healthz');
    for (const name of NAMES) expect(services[name].environment.IDENTITY_PRIVATE_JWK).toBeUndefined();
  });

  it('builds every container from the one image, whose Dockerfile exists', () => {
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    for (const name of Object.keys(services).filter((n) => !['postgres', 'redis', 'keycloak'].includes(n))) expect(services[name].build).toBe('.');
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
