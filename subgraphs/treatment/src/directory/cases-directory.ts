import { callSubgraph } from '@hub/platform';

/** The deflection as the cases subgraph shows it to the caller (its visibility rules apply). */
export interface DeflectionForReferral {
  id: string;
  status: string;
  referredAt: string;
  caseManagementOrganization: { id: string };
  participant: { id: string; givenName: string; familyName: string; dateOfBirth: string | null };
}

const DEFLECTION = `query DeflectionForReferral($id: ID!) {
  deflection(id: $id) { id status referredAt caseManagementOrganization { id } participant { id givenName familyName dateOfBirth } }
}`;

/** Asks the cases subgraph through the graph, as the caller: never reads its tables. */
export class CasesDirectory {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  async deflection(id: string): Promise<DeflectionForReferral> {
    const data = await callSubgraph<{ deflection: DeflectionForReferral }>(this.url, this.token, DEFLECTION, { id });
    return data.deflection;
  }
}
