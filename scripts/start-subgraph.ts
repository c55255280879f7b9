/**
 * npm run start:subgraph -- <name>: one subgraph alone, e.g. while working on it. Needs DATABASE_URL (or
 * <NAME>_DATABASE_URL) and the gateway's public key (HUB_GATEWAY_PUBLIC_JWK, or the data folder that
 * `npm start` created). Applies its migrations on start; SEED_DEMO_DATA=true also loads demo data.
 */
import { runStandalone } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES, type SubgraphName } from '@hub/platform/topology';
import { subgraphByName } from './hub-subgraphs.js';

const [name] = process.argv.slice(2);
if (!name || !(SUBGRAPH_NAMES as readonly string[]).includes(name)) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}
await runStandalone(subgraphByName(name as SubgraphName));
