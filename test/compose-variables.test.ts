import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

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
