import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaSdl } from '../scripts/portal-schema';

/**
 * The portal's typed operations (portal/src/gql, GraphQL Code Generator) are generated from
 * portal/schema.graphql, the composed supergraph's API schema. When a service's SDL changes, this
 * fails until `npm run codegen -w portal` is run again; the type check then shows every page the
 * change breaks.
 */
it('portal/schema.graphql is the composed supergraph of today', () => {
  expect(readFileSync(join(__dirname, '..', 'portal', 'schema.graphql'), 'utf8')).toBe(apiSchemaSdl());
});
