/** npm run compose: writes schema/supergraph.graphql from the four subgraph SDLs. */
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, SUPERGRAPH_FILE } from './supergraph.js';

try {
  await writeFile(SUPERGRAPH_FILE, await composeSupergraph());
  console.log(`Wrote ${SUPERGRAPH_FILE}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
