import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, readServiceSdl, SERVICE_NAMES } from '@onestop/gateway';
import { contractOperations } from '@onestop/test-support';

/**
 * Operations of the contract that the supergraph does not offer yet. This list only shrinks:
 * a test below fails when an operation listed here starts to validate, so it must be removed.
 */
const NOT_YET_IMPLEMENTED = new Set<string>([]);

const ROOT = join(__dirname, '..');
const apiSchema = Supergraph.build(
  composeSupergraph(SERVICE_NAMES.map((name) => ({ name, url: `http://${name}/graphql`, sdl: readServiceSdl(name) }))),
)
  .apiSchema()
  .toGraphQLJSSchema();
const operations = [...contractOperations()];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the outer contract (contract/portal.graphql)', () => {
  const implemented = operations.filter(([name]) => !NOT_YET_IMPLEMENTED.has(name));
  const pending = operations.filter(([name]) => NOT_YET_IMPLEMENTED.has(name));

  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(implemented)('%s validates against the composed supergraph', (_name, text) => {
    expect(validate(apiSchema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it.each(pending.length ? pending : [['(none)', '']])(
    '%s is still pending (remove it from the list once it validates)',
    (name, text) => {
      if (name === '(none)') return;
      expect(validate(apiSchema, parse(text)).length).toBeGreaterThan(0);
    },
  );

  it('every implemented operation is run by some test through platform.contract()', () => {
    const sources = [ROOT + '/test', ROOT + '/gateway', ROOT + '/services', ROOT + '/packages']
      .flatMap(testFiles)
      .map((f) => readFileSync(f, 'utf8'));
    const exercised = (name: string) => sources.some((src) => new RegExp(`contract(Ok)?\\(\\s*'${name}'`).test(src));
    expect(implemented.map(([name]) => name).filter((name) => !exercised(name))).toEqual([]);
  });
});
