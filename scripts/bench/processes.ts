/**
 * The hub's processes for the benchmark: each subgraph and each gateway in its own process, running compiled
 * JavaScript as `npm start` does, so the CPU time and peak memory of each can be read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpReady } from '@hub/platform/supervisor';
import { COMPILED_CONDITION } from '../server-build.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100;

export interface BenchProcess {
  name: string;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts `entry` (a compiled file, relative to the repository) and resolves once `healthUrl` answers. */
export const PROFILE_DIR = join(ROOT, '.bench', 'profiles');

/** `npm run bench -- --profile=cases,gateway`: those processes write a V8 CPU profile to .bench/profiles when they stop. */
export function profiled(name: string): boolean {
  const option = process.argv.find((a) => a.startsWith('--profile='));
  return option ? option.slice('--profile='.length).split(',').includes(name) : false;
}

export async function startProcess(options: { name: string; entry: string; args?: string[]; env: NodeJS.ProcessEnv; healthUrl: string; url: string; compiled?: boolean }): Promise<BenchProcess> {
  const profile = profiled(options.name) ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${options.name}-${Date.now()}.cpuprofile`] : [];
  const args = [...profile, ...(options.compiled === false ? [] : [COMPILED_CONDITION]), options.entry, ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean).slice(-50)));
  const exited = new Promise<never>((_resolve, reject) => child.once('exit', (code) => reject(new Error(`${options.name} exited (${code}) before it was ready:\n${output.slice(-30).join('\n')}`))));
  const deadline = AbortSignal.timeout(60_000);
  await Promise.race([httpReady(options.healthUrl)(deadline), exited]);
  if (deadline.aborted) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} was not healthy within 60 s (${options.healthUrl}):\n${output.slice(-30).join('\n')}`);
  }
  exited.catch(() => {});
  return { name: options.name, pid: child.pid!, url: options.url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

/** CPU time (user + system) the process has used so far, in milliseconds. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The most memory the process has held at once (VmHWM), in MiB. */
export async function peakMemoryMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** CPU milliseconds each process spends while `work` runs. */
export async function cpuDuring<T>(processes: readonly BenchProcess[], work: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = await Promise.all(processes.map((p) => cpuMs(p.pid)));
  const result = await work();
  const after = await Promise.all(processes.map((p) => cpuMs(p.pid)));
  return { result, cpu: Object.fromEntries(processes.map((p, i) => [p.name, after[i]! - before[i]!])) };
}
