import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphLocation {
  name: string;
  /** The subgraph's GraphQL endpoint. */
  url: string;
}

export class CompositionError extends Error {}

/** The services the gateway composes: the platform's one list (packages/events). */
export { SERVICE_NAMES } from '@onestop/events';

/** The services' SDL files, read from the source tree (the gateway composes what the code declares). */
export function readServiceSdl(name: string, root = join(__dirname, '..', '..')): string {
  return readFileSync(join(root, 'services', name, 'src', 'schema.graphql'), 'utf8');
}

/** Composes the supergraph once at start; a composition error stops the start with every problem listed. */
export function composeSupergraph(subgraphs: Array<SubgraphLocation & { sdl: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    const lines = result.errors.map((e) => `  - ${e.message}`).join('\n');
    throw new CompositionError(`The services' schemas do not compose into a supergraph:\n${lines}`);
  }
  return result.supergraphSdl;
}
