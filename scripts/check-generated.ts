/**
 * Fails when generated files are stale: the committed supergraph must equal a fresh composition, and the
 * committed resolver types must equal a fresh codegen run. Run by `npm test`.
 */
import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';
import { composeSupergraph, SUPERGRAPH_FILE } from './supergraph.js';

const stale: string[] = [];

const composed = await composeSupergraph().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
if ((await readFile(SUPERGRAPH_FILE, 'utf8').catch(() => '')) !== composed) stale.push(`${SUPERGRAPH_FILE} (run: npm run compose)`);

const outputs = await generate({ ...config, silent: true }, false);
for (const output of outputs) {
  const committed = await readFile(output.filename, 'utf8').catch(() => '');
  if (committed !== output.content) stale.push(`${output.filename} (run: npm run codegen)`);
}

if (stale.length > 0) {
  console.error(`Generated files are stale:\n${stale.map((s) => `- ${s}`).join('\n')}`);
  process.exit(1);
}
console.log('Generated files are up to date: supergraph composes and resolver types match the schemas.');
