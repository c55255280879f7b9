import { callSubgraph, type Pathway } from '@hub/platform';
import type { PlanTerms } from '../rules/eligibility.js';

/**
 * What the cases subgraph needs to know from the agencies subgraph, asked through the graph with the caller's
 * gateway-signed identity (never by reading the agencies tables).
 */
export interface UnitPlan {
  unit: { id: string; kind: string; countiesServed: string[] };
  plan:
    | (PlanTerms & {
        id: string;
        version: number;
        caseManagementOrganization: { id: string; name: string };
        caseManagerContact: { preferredMethod: string; phone: string | null; email: string | null; hours: string | null; instructions: string | null };
        approvingAgency: { id: string; name: string; kind: string } | null;
      })
    | null;
}

export interface ApproverRef {
  person: { id: string };
  actingFor: { id: string } | null;
}

const UNIT_PLAN = `query UnitPlan($unit: ID!, $county: String, $on: Date) {
  agency(id: $unit) {
    id kind countiesServed
    solutionActionPlan(county: $county, on: $on) {
      id version enabledPathways
      eligibility { minimumAge allowsActiveWarrants allowsProbationOrParole excludedOffenses }
      caseManagementOrganization { id name }
      caseManagerContact { preferredMethod phone email hours instructions }
      approvingAgency { id name kind }
    }
  }
}`;

const APPROVERS = `query Approvers($agency: ID!, $on: Date) {
  approversFor(agencyId: $agency, on: $on) { person { id } actingFor { id } }
}`;

const LAW_ENFORCEMENT_KINDS = ['ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'MEG', 'TASK_FORCE', 'LOCAL_POLICE', 'SHERIFF'];
const ISP_KINDS = ['ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION'];

export function isLawEnforcementKind(kind: string): boolean {
  return LAW_ENFORCEMENT_KINDS.includes(kind);
}

export function isIspKind(kind: string): boolean {
  return ISP_KINDS.includes(kind);
}

export class AgencyDirectory {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  async unitPlan(unitId: string, county: string | null, on: string): Promise<UnitPlan | null> {
    type Answer = { agency: (UnitPlan['unit'] & { solutionActionPlan: UnitPlan['plan'] & { enabledPathways: Pathway[] } }) | null };
    const data = await callSubgraph<Answer>(this.url, this.token, UNIT_PLAN, { unit: unitId, county, on });
    if (!data.agency) return null;
    const { solutionActionPlan, ...unit } = data.agency;
    return { unit, plan: solutionActionPlan };
  }

  async approvers(agencyId: string, on: string): Promise<ApproverRef[]> {
    const data = await callSubgraph<{ approversFor: ApproverRef[] }>(this.url, this.token, APPROVERS, { agency: agencyId, on });
    return data.approversFor;
  }
}
