import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_PORT, PLATFORM_SERVICES, serviceEntry, serviceGraphqlUrl, serviceUrlVariable } from '@onestop/events';
import { configurationSchemas } from './configuration-schemas';
import { variablesOf } from '@onestop/service-kit';

/**
 * A variable set in docker-compose.yml that no code reads is a setting an operator believes in and
 * the platform ignores (a misspelt SMS_GATEWAY_URL sends nothing); one the README does not list is
 * one nobody can look up. Both fail here.
 */
const ROOT = join(__dirname, '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<string, { build?: string; environment?: Record<string, unknown> }>;

/** Read by Node.js itself, not by our code. */
const READ_BY_NODE = new Set(['NODE_ENV', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'TZ']);
/** Read by each service's name: its address (`${name.toUpperCase()}_URL`), its database role's password. */
const PER_SERVICE = /^(?:INTAKE|PROCESSING|DELIVERY|STATISTICS)_(URL|DATABASE_PASSWORD)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', 'test', '__fixtures__'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(name) && !/\.(test|spec)\.ts$/.test(name) ? [path] : [];
  });
}

const platformSource = ['gateway/src', 'packages', 'services', 'scripts']
  .flatMap((dir) => sourceFiles(join(ROOT, dir)))
  .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const knownVariables = new Set(Object.values(configurationSchemas).flatMap((schema) => variablesOf(schema)));

const platformVariables = [
  ...new Set(
    Object.values(services)
      .filter((service) => service.build === '.')
      .flatMap((service) => Object.keys(service.environment ?? {})),
  ),
].sort();

describe('docker-compose.yml: the variables it gives the platform', () => {
  it('sets variables for the platform containers', () => {
    expect(platformVariables).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'ROLE']));
  });

  it.each(platformVariables.filter((name) => !READ_BY_NODE.has(name)))('%s is read by the platform', (name) => {
    const suffix = PER_SERVICE.exec(name)?.[1];
    const pattern = suffix ? new RegExp(`\\$\\{\\w+\\.toUpperCase\\(\\)\\}_${suffix}\\b`) : new RegExp(`\\b${name}\\b`);
    expect(platformSource.filter(({ text }) => pattern.test(text)).map(({ file }) => file)).not.toEqual([]);
  });

  it.each(platformVariables.filter((name) => name !== 'ROLE'))('%s is in the README', (name) => {
    expect(readme.includes(`\`${name}\``)).toBe(true);
  });
});

/**
 * The platform's services and ports are one list (packages/events' platform-services.ts) that the
 * gateway, `npm start`, the bench and the test harness import; docker-compose.yml cannot, so it is
 * checked against the list here: a service added, renamed or moved to another port in one place only fails.
 */
describe('docker-compose.yml: the services and ports of the one list', () => {
  type ComposeService = {
    build?: string;
    command?: string[];
    environment?: Record<string, unknown>;
    expose?: string[];
    healthcheck?: { test?: string[] };
  };
  const all = services as Record<string, ComposeService>;
  const entryOf = (service: ComposeService) => service.command?.find((part) => /\/src\/main\.ts$/.test(part));

  it.each(PLATFORM_SERVICES.map((s) => [s.name, s.port] as const))(
    "%s: its API on port %d and its workers run the service's entry",
    (name, port) => {
      const api = all[name];
      expect(entryOf(api)).toBe(serviceEntry(name));
      expect(api.environment?.PORT).toBe(String(port));
      expect(api.expose).toContain(String(port));
      expect(api.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${port}/readyz`);
      expect(entryOf(all[`${name}-worker`])).toBe(serviceEntry(name));
    },
  );

  it('runs no service the list does not know', () => {
    const entries = Object.values(all)
      .map(entryOf)
      .filter((entry): entry is string => !!entry && entry.startsWith('services/'));
    expect([...new Set(entries)].sort()).toEqual(PLATFORM_SERVICES.map((s) => serviceEntry(s.name)).sort());
  });

  it("gives the gateway its port and every service's address, each on the list's port", () => {
    const gateway = all.gateway.environment ?? {};
    expect(gateway.PORT).toBe(String(GATEWAY_PORT));
    for (const { name, port } of PLATFORM_SERVICES)
      expect(gateway[serviceUrlVariable(name)]).toBe(serviceGraphqlUrl(name, port, name));
  });

  it.each(platformVariables)("%s is a variable one of the processes' configuration schemas knows", (name) => {
    expect(name === 'NODE_OPTIONS' || knownVariables.has(name)).toBe(true);
  });
});
