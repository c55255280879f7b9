import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDatabase, dropDatabase, freePort } from '@hub/platform/db';
import { isAlive } from '@hub/platform/testing';

/**
 * `npm start` itself (scripts/start.ts, as `npm start` runs it) against a database of its own on the test server,
 * on free ports, without demo data: five supervised processes. These are the faults an operator meets: a process
 * that dies, Ctrl-C, and the supervisor itself killed hard.
 */
const GRACE_MS = 3_000;
const NAMES = ['agencies', 'cases', 'treatment', 'reporting', 'gateway'] as const;
type Name = (typeof NAMES)[number];

interface StartedHub {
  process: ChildProcess;
  lines: string[];
  ports: Record<Name, number>;
  pids(): Partial<Record<Name, number>>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const cleanups: (() => Promise<void>)[] = [];
const started: StartedHub[] = [];

afterEach(async () => {
  // A failed test must not leave a hub running: kill whatever is left of it, hard.
  for (const hub of started.splice(0)) {
    for (const pid of [hub.process.pid, ...Object.values(hub.pids())]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await hub.exited;
  }
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function untilGone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return pids.filter(isAlive);
}

/** `embedded`: no DATABASE_URL, as on a fresh machine (the README's path): npm start runs its own PostgreSQL. */
async function startHub(options: { embedded?: { port: number } } = {}): Promise<StartedHub> {
  const admin = process.env.HUB_TEST_ADMIN_URL!;
  const name = `hub_start_${randomBytes(4).toString('hex')}`;
  const databaseUrl = options.embedded ? null : await createDatabase(admin, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-start-'));
  // As root, the embedded server runs as the postgres user, which must be able to enter its data folder.
  if (options.embedded) await chmod(dataDir, 0o755);
  cleanups.push(async () => {
    if (databaseUrl) await dropDatabase(admin, name);
    await rm(dataDir, { recursive: true, force: true });
  });
  const ports = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await freePort()] as const))) as Record<Name, number>;
  const { DATABASE_URL: _, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_OPTIONS: '',
    NODE_ENV: 'development',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { EMBEDDED_POSTGRES_PORT: String(options.embedded!.port) }),
    HUB_DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'false',
    HUB_STOP_GRACE_MS: String(GRACE_MS),
    HUB_RESTART_DELAY_MS: '200',
    GATEWAY_PORT: String(ports.gateway),
    AGENCIES_PORT: String(ports.agencies),
    CASES_PORT: String(ports.cases),
    TREATMENT_PORT: String(ports.treatment),
    REPORTING_PORT: String(ports.reporting),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      // Colours off, so the patterns below read as the operator does.
      lines.push(line.replace(/\x1b\[[0-9;]*m/g, ''));
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const hub: StartedHub = {
    process: child,
    lines,
    ports,
    exited,
    pids() {
      const pids: Partial<Record<Name, number>> = {};
      for (const line of lines) {
        const match = /^▸ (\w+) started \(pid (\d+)\)/.exec(line);
        if (match && (NAMES as readonly string[]).includes(match[1]!)) pids[match[1] as Name] = Number(match[2]);
      }
      return pids;
    },
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < lines.length; seen++) {
            const match = pattern.exec(lines[seen]!);
            if (match) return done(() => resolve(match));
          }
          if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`npm start exited before ${pattern}:\n${lines.slice(-30).join('\n')}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no line matched ${pattern} within ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        void exited.then(check);
        check();
      });
    },
  };
  started.push(hub);
  await hub.waitFor(/The Illinois deflection hub is running\./);
  return hub;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function status(url: string): Promise<number | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return (error as Error).name;
  }
}

describe('npm start supervises the hub’s five processes', () => {
  it('restarts a subgraph that was killed while the gateway and the other subgraphs keep answering, and Ctrl-C then stops every process within the grace period', async () => {
    const hub = await startHub();
    const before = hub.pids();
    expect(Object.keys(before).sort()).toEqual([...NAMES].sort());

    // While cases is down and coming back, the gateway and agencies answer every time they are asked.
    const answers: { gateway: number | string; agencies: number | string }[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        answers.push({ gateway: await status(`http://127.0.0.1:${hub.ports.gateway}/health`), agencies: await status(`http://127.0.0.1:${hub.ports.agencies}/health`) });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    process.kill(before.cases!, 'SIGKILL');
    await hub.waitFor(/cases \(pid \d+\) stopped unexpectedly \(killed by SIGKILL\); the others keep serving\. Restarting it in 0\.2 s/);
    await hub.waitFor(/cases is serving again \(pid (\d+)\)/);
    watching = false;
    await watch;

    const after = hub.pids();
    expect(after.cases).not.toBe(before.cases);
    expect(isAlive(after.cases!)).toBe(true);
    for (const name of NAMES.filter((n) => n !== 'cases')) expect(after[name]).toBe(before[name]);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.agencies !== 200)).toEqual([]);
    // The gateway says cases is away (503, degraded) rather than not answering.
    expect(answers.filter((a) => typeof a.gateway !== 'number')).toEqual([]);
    expect(await status(`http://127.0.0.1:${hub.ports.cases}/health`)).toBe(200);
    expect(await status(`http://127.0.0.1:${hub.ports.gateway}/health`)).toBe(200);

    // Ctrl-C: the supervisor alone is signalled (its children have their own process group, so a terminal's
    // Ctrl-C reaches only it), and it stops every one of them. Twice, as a terminal and a wrapper relaying it
    // deliver it: the second waits for the first instead of exiting with the children still running.
    const stopping = Date.now();
    hub.process.kill('SIGINT');
    hub.process.kill('SIGINT');
    const exit = await hub.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(GRACE_MS + 5_000);
    expect(Object.values(after).filter(isAlive)).toEqual([]);
    // Each stopped on its own SIGTERM; none had to be killed.
    expect(hub.lines.filter((line) => line.includes('did not stop within'))).toEqual([]);
    expect(hub.lines).toContain('▸ Stopped.');
  }, 180_000);

  it('on a machine without DATABASE_URL, stops the five processes first and its embedded PostgreSQL last, then says so', async () => {
    const port = await freePort();
    const hub = await startHub({ embedded: { port } });
    const pids = Object.values(hub.pids());
    expect(pids).toHaveLength(NAMES.length);
    expect(await listening(port)).toBe(true);
    hub.process.kill('SIGINT');
    const exit = await hub.exited;
    expect(exit.code).toBe(0);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(await listening(port)).toBe(false);
    expect(hub.lines.slice(-2)).toEqual(['▸ Stopping the hub…', '▸ Stopped.']);
  }, 180_000);

  it('leaves no orphan when the supervisor itself is killed hard: each process sees it gone and stops', async () => {
    const hub = await startHub();
    const pids = Object.values(hub.pids());
    expect(pids).toHaveLength(NAMES.length);
    hub.process.kill('SIGKILL');
    await hub.exited;
    expect(await untilGone(pids, GRACE_MS + 5_000)).toEqual([]);
  }, 180_000);
});
