/** A deflection as this subgraph sees it: the key the gateway hands over, and the county when a field requires it. */
export interface DeflectionReference {
  id: string;
  county?: string;
}
