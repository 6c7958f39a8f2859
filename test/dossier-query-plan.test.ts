import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan, type QueryPlan } from '@apollo/query-planner';
import { composeSupergraph, readServiceSdl, SERVICE_NAMES } from '@onestop/gateway';
import { contractOperation } from '@onestop/test-support';

/** The plan our gateway makes for a contract operation, from the supergraph it composes at start. */
function planOf(name: string): QueryPlan {
  const sdl = composeSupergraph(
    SERVICE_NAMES.map((s) => ({ name: s, url: `http://${s}.invalid/graphql`, sdl: readServiceSdl(s) })),
  );
  const supergraph = Supergraph.build(sdl);
  const operation = operationFromDocument(supergraph.schema, parse(contractOperation(name)), { operationName: name });
  return new QueryPlanner(supergraph).buildQueryPlan(operation);
}

/** Subgraph fetches, and waves: fetches that must wait for an earlier one's answer. */
function shape(node: QueryPlan['node']): { fetches: string[]; waves: number } {
  if (!node) return { fetches: [], waves: 0 };
  switch (node.kind) {
    case 'Fetch':
      return { fetches: [node.serviceName], waves: 1 };
    case 'Flatten':
      return shape(node.node);
    case 'Sequence': {
      const parts = node.nodes.map(shape);
      return { fetches: parts.flatMap((p) => p.fetches), waves: parts.reduce((n, p) => n + p.waves, 0) };
    }
    case 'Parallel': {
      const parts = node.nodes.map(shape);
      return { fetches: parts.flatMap((p) => p.fetches), waves: Math.max(0, ...parts.map((p) => p.waves)) };
    }
    case 'Condition':
    case 'Defer':
    case 'Subscription':
      throw new Error(`Unexpected plan node ${node.kind}`);
  }
}

/**
 * Every subgraph fetch of the contract's Dossier query is a hop and a GraphQL execution (README,
 * "Performance"). Processing answers `processingCentre { code }` from its centre replica, so the
 * gateway no longer asks intake for the centre after processing has answered: four fetches where
 * there were five. Three waves remain: delivery's part @requires processing's status, decision and
 * resolvedAt, so it waits for processing's answer.
 */
describe("the gateway's plan for the contract's Dossier query", () => {
  it('is four subgraph fetches in three waves: intake; statistics and processing; delivery', () => {
    const plan = planOf('Dossier');
    expect(shape(plan.node)).toEqual({ fetches: ['intake', 'statistics', 'processing', 'delivery'], waves: 3 });
    const text = prettyFormatQueryPlan(plan);
    // processing's fetch reads the centre's code itself; nobody is asked for a Centre entity
    expect(text).toMatch(/Fetch\(service: "processing"\) \{[^]*processingCentre \{\s*code\s*\}/);
    expect(text).not.toMatch(/\.\.\. on Centre/);
  });

  it("answers TransferDossier's processingCentre { id code } from processing alone", () => {
    expect(shape(planOf('TransferDossier').node)).toEqual({ fetches: ['processing'], waves: 1 });
  });
});
