import type { SubgraphDefinition } from '@hub/platform/subgraph';
import type { SubgraphName } from '@hub/platform/topology';
import { agencies } from '@hub/agencies';
import { cases } from '@hub/cases';
import { reporting } from '@hub/reporting';
import { treatment } from '@hub/treatment';

/** The four subgraphs, in the order npm start prepares their data (their processes start side by side). */
export const HUB_SUBGRAPHS: SubgraphDefinition<object>[] = [agencies, treatment, reporting, cases];

export function subgraphByName(name: SubgraphName): SubgraphDefinition<object> {
  const found = HUB_SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`no subgraph ${name}`);
  return found;
}
