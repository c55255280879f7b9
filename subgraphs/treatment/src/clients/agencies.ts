import type { OnwardTokens } from '@hub/platform/identity';
import { callSubgraph, type SubgraphTarget } from '@hub/platform/graphql';
import { AgenciesByIdDocument } from '../generated/agencies-operations.js';

/** The agencies subgraph, asked through the graph as the caller: which of some ids name agencies of the hub. */
export class AgenciesClient {
  constructor(
    private readonly target: SubgraphTarget,
    private readonly onward: OnwardTokens,
  ) {}

  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const data = await callSubgraph(this.target, this.onward, AgenciesByIdDocument, { ids: [...new Set(ids)] });
    return new Set(data.agencies.edges.map((edge) => edge.node.id));
  }
}
