/**
 * Builds the partner console (web/) when its build is missing or older than its sources, showing Vite's progress.
 * The build is stamped with a hash of every source file, so an unchanged console is not rebuilt on each start.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));
const STAMP = join(WEB, 'dist', '.source-hash');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];
const VITE = join(dirname(createRequire(join(WEB, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((e) => filesUnder(join(path, e.name))));
  return nested.flat();
}

export async function consoleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(SOURCES.map((s) => filesUnder(join(WEB, s))))).flat().sort();
  for (const file of files) {
    hash.update(relative(WEB, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Resolves once web/dist matches web/'s sources; `progress` receives a line per step. */
export async function ensureConsoleBuilt(progress: (line: string) => void = console.log): Promise<'fresh' | 'built'> {
  const wanted = await consoleSourceHash();
  const built = await readFile(STAMP, 'utf8').catch(() => null);
  if (built === wanted) return 'fresh';
  progress(built === null ? 'Building the partner console (first start; a few seconds)…' : 'The partner console changed; rebuilding it…');
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    for (const stream of [vite.stdout, vite.stderr]) stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    vite.on('error', reject);
    vite.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the console build failed (exit code ${code}):\n${lines.slice(-20).join('\n')}`))));
  });
  await writeFile(STAMP, wanted);
  progress('Partner console built.');
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureConsoleBuilt();
}
