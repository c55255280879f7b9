/**
 * npm run bench:profile -- <file.cpuprofile>: where a process spent its CPU, by function (self time) and by package
 * or hub module, from a V8 profile the benchmark wrote with --profile=<process>.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** `node_modules/@apollo/server/...` → `@apollo/server`; a hub file → its path from the repository root. */
function owner(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:') || url === '') return url || '(native/GC)';
  const path = url.replace(/^file:\/\//, '');
  return path.replace(/^.*?\/(platform|gateway|subgraphs\/[a-z]+|scripts)\//, '$1/');
}

export async function summarise(file: string, top = 25): Promise<string> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${owner(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const who = functionName === '(garbage collector)' || functionName === '(idle)' || functionName === '(program)' ? functionName : owner(url);
    byOwner.set(who, (byOwner.get(who) ?? 0) + hits);
  }
  const busy = total - (byOwner.get('(idle)') ?? 0);
  const pct = (n: number) => `${((100 * n) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${busy} busy samples of ${total}`, '', 'by package or module:'];
  for (const [who, hits] of [...byOwner].filter(([w]) => w !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(hits)}  ${who}`);
  // Inclusive time of the hub's own functions: which resolver or command the library time above is spent for.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const where = owner(url);
      if (!/^(platform|gateway|subgraphs\/[a-z]+|scripts)\//.test(where)) continue;
      const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
    }
  }
  lines.push('', 'hub functions, total time (with what they call):');
  for (const [fn, hits] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(hits)}  ${fn}`);
  lines.push('', 'by function (self time):');
  for (const [fn, hits] of [...byFunction].filter(([f]) => !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(hits)}  ${fn}`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  for (const file of process.argv.slice(2)) console.log(`${await summarise(file)}\n`);
}
