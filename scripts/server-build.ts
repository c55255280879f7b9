/**
 * Compiles the hub's server code (platform, gateway, the four subgraphs) to plain JavaScript in each package's
 * dist/, one file per source file, so `npm start` and the benchmark run compiled code: no tsx loader, no source maps
 * consulted when an Error builds its stack (that alone cost the gateway 14 % of its CPU under tsx). Each package's
 * exports name its dist file under the `hub-compiled` condition; `node --conditions=hub-compiled` picks them,
 * everything else (tests, tsx, the type checker) keeps reading the TypeScript sources.
 *
 * dist/ mirrors src/ at the same depth, so paths a module builds from import.meta.url (the supergraph, a subgraph's
 * schema.graphql, the console's build) resolve the same from either. Files that are not TypeScript are copied.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SERVER_PACKAGES = ['platform', 'gateway', 'subgraphs/agencies', 'subgraphs/cases', 'subgraphs/treatment', 'subgraphs/reporting'];
/** The Node.js flag that makes imports of @hub/* packages resolve to their compiled files. */
export const COMPILED_CONDITION = '--conditions=hub-compiled';

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)])));
  return nested.flat();
}

/** Compiles every server package; about a second for all of them, so it runs on every start rather than risk a stale dist. */
export async function buildServer(progress: (line: string) => void = console.log): Promise<{ files: number; ms: number }> {
  const started = Date.now();
  let files = 0;
  await Promise.all(
    SERVER_PACKAGES.map(async (pkg) => {
      const src = join(ROOT, pkg, 'src');
      const dist = join(ROOT, pkg, 'dist');
      const all = await filesUnder(src);
      const sources = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
      // Written over, not emptied first: a hub already running from dist/ keeps working while another start builds.
      await build({
        entryPoints: sources,
        outbase: src,
        outdir: dist,
        bundle: false,
        format: 'esm',
        platform: 'node',
        target: 'node22',
        sourcemap: false,
        logLevel: 'error',
      });
      for (const asset of all.filter((f) => !f.endsWith('.ts'))) {
        const target = join(dist, relative(src, asset));
        await mkdir(dirname(target), { recursive: true });
        await copyFile(asset, target);
      }
      files += sources.length;
    }),
  );
  const ms = Date.now() - started;
  progress(`Compiled the server code (${files} files in ${(ms / 1000).toFixed(1)} s).`);
  return { files, ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
