import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, SUBGRAPH_PORTS } from '@hub/platform/topology';

export const SUPERGRAPH_FILE = 'schema/supergraph.graphql';

/** Composes the four subgraph SDLs with Federation 2 composition; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => ({
      name,
      // The URL in the file is the development default; the gateway overrides it from <NAME>_URL.
      url: `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`,
      typeDefs: parse(await readFile(`subgraphs/${name}/schema.graphql`, 'utf8')),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
