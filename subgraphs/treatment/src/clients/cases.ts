import type { OnwardTokens } from '@hub/platform/identity';
import { forbidden } from '@hub/platform/errors';
import { callSubgraph, type SubgraphTarget } from '@hub/platform/graphql';
import { DeflectionForReferralDocument, type DeflectionForReferralQuery } from '../generated/cases-operations.js';

type Answered = NonNullable<DeflectionForReferralQuery['deflection']>;
/** A deflection always names its case management organization; the schema may not promise it (see decisions.md). */
export type DeflectionForReferral = Answered & { caseManagementOrganization: NonNullable<Answered['caseManagementOrganization']> };

/** The cases subgraph, asked through the graph as the caller (its visibility rules apply): never its tables. */
export class CasesClient {
  constructor(
    private readonly target: SubgraphTarget,
    private readonly onward: OnwardTokens,
  ) {}

  /** The deflection as the caller may see it; FORBIDDEN when they may not (or it does not exist). */
  async deflection(id: string): Promise<DeflectionForReferral> {
    const { deflection } = await callSubgraph(this.target, this.onward, DeflectionForReferralDocument, { id });
    if (!deflection) throw forbidden();
    const { caseManagementOrganization } = deflection;
    if (!caseManagementOrganization) throw new Error(`cases answered deflection ${id} without its case management organization`);
    return { ...deflection, caseManagementOrganization };
  }
}
