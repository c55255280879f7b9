import type { OnwardTokens } from '@hub/platform/identity';
import { callSubgraph, type SubgraphTarget } from '@hub/platform/graphql';
import { CrisisReportersDocument, ReportingAgencyDocument, type CrisisReportersQuery, type ReportingAgencyQuery } from '../generated/agencies-operations.js';

export type ReportingAgency = NonNullable<ReportingAgencyQuery['agency']>;
export type CrisisReporter = CrisisReportersQuery['agencies']['edges'][number]['node'];

/**
 * What reporting needs to know from the agencies subgraph (which agency the caller files for, and which agencies
 * must file), asked through the graph with the caller's gateway-signed identity, before any transaction opens.
 */
export class AgenciesClient {
  constructor(
    private readonly target: SubgraphTarget,
    private readonly onward: OnwardTokens,
  ) {}

  async agency(id: string): Promise<ReportingAgency | null> {
    return (await callSubgraph(this.target, this.onward, ReportingAgencyDocument, { id })).agency;
  }

  /** Every active agency that must file monthly crisis reports (the directory lists active ones by default). */
  async crisisReporters(): Promise<CrisisReporter[]> {
    const reporters: CrisisReporter[] = [];
    let after: string | null = null;
    for (;;) {
      const page: CrisisReportersQuery['agencies'] = (await callSubgraph(this.target, this.onward, CrisisReportersDocument, { after })).agencies;
      reporters.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return reporters;
      after = page.pageInfo.endCursor;
    }
  }
}
