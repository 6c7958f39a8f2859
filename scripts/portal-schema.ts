/** Prints the composed supergraph's API schema to portal/schema.graphql, for GraphQL Code Generator. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, readServiceSdl, SERVICE_NAMES } from '@onestop/gateway';

export function apiSchemaSdl(): string {
  const supergraph = composeSupergraph(
    SERVICE_NAMES.map((name) => ({ name, url: `http://${name}/graphql`, sdl: readServiceSdl(name) })),
  );
  return printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema()) + '\n';
}

if (require.main === module) writeFileSync(join(__dirname, '..', 'portal', 'schema.graphql'), apiSchemaSdl());
