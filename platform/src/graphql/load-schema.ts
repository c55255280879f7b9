import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's SDL file: the schema is written first, in `schema.graphql`, and code follows it. */
export function loadTypeDefs(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
