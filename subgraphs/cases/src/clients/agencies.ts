import type { OnwardTokens } from '@hub/platform/identity';
import { callSubgraph, type SubgraphTarget } from '@hub/platform/graphql';
import { ApproversDocument, UnitPlanDocument, type ApproversQuery, type UnitPlanQuery } from '../generated/agencies-operations.js';

export type UnitPlan = NonNullable<UnitPlanQuery['agency']>;
export type Plan = NonNullable<UnitPlan['solutionActionPlan']>;
export type Approver = ApproversQuery['approversFor'][number];

/**
 * What the cases subgraph needs to know from the agencies subgraph, asked through the graph with the caller's
 * gateway-signed identity (never by reading the agencies tables), always before a transaction opens.
 */
export class AgenciesClient {
  constructor(
    private readonly target: SubgraphTarget,
    private readonly onward: OnwardTokens,
  ) {}

  /** The unit, and the plan in force for it on a date in a county (the county plan if there is one). */
  async unitPlan(unitId: string, county: string | null, on: string): Promise<UnitPlan | null> {
    return (await callSubgraph(this.target, this.onward, UnitPlanDocument, { unit: unitId, county, on })).agency;
  }

  async approvers(agencyId: string, on: string): Promise<Approver[]> {
    return (await callSubgraph(this.target, this.onward, ApproversDocument, { agency: agencyId, on })).approversFor;
  }
}
