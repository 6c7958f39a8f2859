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
      ['database-setup', 'delivery', 'delivery-worker', 'gateway', 'intake', 'intake-worker', 'postgres', 'processing', 'processing-worker', 'redis', 'statistics', 'statistics-worker'],
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
      expect(services[name].depends_on).toEqual({
        postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, 'database-setup': { condition: 'service_completed_successfully' },
      });
    }
  });

  it('creates the database roles once, and each service connects as its own, never as the superuser (README "Database roles")', () => {
    const setup = services['database-setup'];
    expect(setup.command.join(' ')).toContain('scripts/database-setup.ts');
    expect(setup.environment.DATABASE_URL).toMatch(/^postgres:\/\/onestop:/);
    for (const name of NAMES) {
      expect(setup.environment[`${name.toUpperCase()}_DATABASE_PASSWORD`]).toMatch(/^\$\{.+:\?/);
      for (const container of [services[name], services[`${name}-worker`]]) {
        expect(container.environment.DATABASE_URL).toBe(`postgres://onestop_${name}:\${${name.toUpperCase()}_DATABASE_PASSWORD}@postgres:5432/onestop`);
      }
    }
    expect(services.gateway.environment.DATABASE_URL).toMatch(/^postgres:\/\/onestop_gateway:/);
    const superuser = Object.entries(services).filter(([, s]) => /^postgres:\/\/onestop:/.test(s.environment?.DATABASE_URL ?? '')).map(([n]) => n);
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
    expect(services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${api.environment.PORT}/graphql`);
    expect(services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
  });

  it('publishes only the gateway, which holds the identity signing key and checks tokens', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name]) => name);
    expect(published).toEqual(['gateway']);
    expect(services.gateway.ports).toEqual(['4000:4000']);
    expect(services.gateway.environment.IDENTITY_PRIVATE_JWK).toBeDefined();
    expect(services.gateway.environment.AUTH_JWKS_URL).toBeDefined();
    expect(services.gateway.healthcheck.test.join(' ')).toContain('/healthz');
    for (const name of NAMES) expect(services[name].environment.IDENTITY_PRIVATE_JWK).toBeUndefined();
  });

  it('builds every container from the one image, whose Dockerfile exists', () => {
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    for (const name of Object.keys(services).filter((n) => !['postgres', 'redis'].includes(n))) expect(services[name].build).toBe('.');
  });
});
