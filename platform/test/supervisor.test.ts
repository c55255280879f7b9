import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/db/index.js';
import { httpReady, restartDelay, Supervisor, type SupervisorEvent, type SupervisorPolicy } from '../src/supervisor.js';
import { isAlive } from '../src/testing/processes.js';

/**
 * Real child processes: a small HTTP server that answers /health, and on request ignores SIGTERM (as a process busy
 * on CPU does) or exits on its own some time after it is ready (as a process that crashes does).
 */
const CHILD = `
import { createServer } from 'node:http';
const server = createServer((req, res) => { res.writeHead(200); res.end('ok'); });
server.listen(Number(process.env.PORT), '127.0.0.1');
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => {});
else process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => { if (!process.env.IGNORE_TERM) process.exit(0); });
if (process.env.EXIT_AFTER_MS) setTimeout(() => process.exit(3), Number(process.env.EXIT_AFTER_MS));
if (process.env.EXIT_AT_ONCE) process.exit(2);
`;

const POLICY: SupervisorPolicy = { restartDelayMs: 100, maxRestartDelayMs: 1_000, maxCrashes: 3, crashWindowMs: 30_000, stopGraceMs: 500, startTimeoutMs: 10_000 };

let script: string;
let supervisor: Supervisor | null = null;

beforeAll(async () => {
  script = join(await mkdtemp(join(tmpdir(), 'supervisor-test-')), 'child.mjs');
  await writeFile(script, CHILD);
});

afterEach(async () => {
  await supervisor?.stop();
  supervisor = null;
});

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function child(name: string, env: Record<string, string> = {}) {
  const port = await freePort();
  return { name, command: process.execPath, args: [script], env: { ...process.env, PORT: String(port), ...env }, ready: httpReady(`http://127.0.0.1:${port}/health`, 20) };
}

function supervise(policy: Partial<SupervisorPolicy> = {}) {
  const events: SupervisorEvent[] = [];
  const gaveUp: string[] = [];
  supervisor = new Supervisor({ ...POLICY, ...policy }, { event: (e) => events.push(e), gaveUp: (name, reason) => gaveUp.push(`${name}: ${reason}`) });
  return { supervisor, events, gaveUp };
}

describe('the supervisor of npm start', () => {
  it('waits before each restart twice as long as before, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => restartDelay(n, { restartDelayMs: 1_000, maxRestartDelayMs: 30_000 }))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
  });

  it('restarts a process that crashed, after the backoff, while the others keep running untouched', async () => {
    const { supervisor, events } = supervise();
    const first = await supervisor.start(await child('cases'));
    const other = await supervisor.start(await child('agencies'));

    process.kill(first, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'ready' && e.name === 'cases' && e.restart === 1), 'cases is ready again');
    const second = supervisor.pid('cases')!;
    expect(second).not.toBe(first);
    expect(isAlive(other)).toBe(true);
    expect(supervisor.pid('agencies')).toBe(other);

    process.kill(second, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'ready' && e.name === 'cases' && e.restart === 2), 'cases is ready a third time');
    const crashes = events.filter((e) => e.type === 'crashed');
    expect(crashes.map((e) => e.type === 'crashed' && [e.name, e.reason, e.crashes, e.restartInMs])).toEqual([
      ['cases', 'killed by SIGKILL', 1, 100],
      ['cases', 'killed by SIGKILL', 2, 200],
    ]);
    expect(events.filter((e) => e.name === 'agencies').map((e) => e.type)).toEqual(['started', 'ready']);
  });

  it('gives up on a process that crashes HUB_MAX_CRASHES times within the window, and does not restart it again', async () => {
    const { supervisor, events, gaveUp } = supervise({ maxCrashes: 3 });
    await supervisor.start(await child('treatment', { EXIT_AFTER_MS: '150' }));
    await until(() => gaveUp.length > 0, 'the supervisor gives up');
    expect(gaveUp).toEqual(['treatment: exit code 3']);
    expect(events.filter((e) => e.type === 'crashed' || e.type === 'gave-up').map((e) => e.type)).toEqual(['crashed', 'crashed', 'gave-up']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events.filter((e) => e.type === 'started')).toHaveLength(3);
    expect(supervisor.pid('treatment')).toBeUndefined();
  });

  it('counts only the crashes within the window, so a process that crashes now and then is always restarted', async () => {
    const { supervisor, events, gaveUp } = supervise({ maxCrashes: 2, crashWindowMs: 1_000 });
    const pid = await supervisor.start(await child('reporting'));
    process.kill(pid, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'ready' && e.restart === 1), 'the first restart');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    process.kill(supervisor.pid('reporting')!, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'ready' && e.restart === 2), 'the second restart');
    expect(gaveUp).toEqual([]);
    expect(events.filter((e) => e.type === 'crashed').map((e) => e.type === 'crashed' && e.crashes)).toEqual([1, 1]);
  });

  it('refuses to start a process that exits before it is ready, naming it and its exit, and does not restart it', async () => {
    const { supervisor, events } = supervise();
    await expect(supervisor.start(await child('gateway', { EXIT_AT_ONCE: '1' }))).rejects.toThrow('gateway exited during start-up (exit code 2)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.map((e) => e.type)).toEqual(['started']);
  });

  it('stops every process on stop, and kills one that ignores SIGTERM once the grace period is over', async () => {
    const { supervisor, events } = supervise({ stopGraceMs: 500 });
    const polite = await supervisor.start(await child('agencies'));
    const stubborn = await supervisor.start(await child('gateway', { IGNORE_TERM: '1' }));
    const started = Date.now();
    await supervisor.stop();
    const took = Date.now() - started;
    expect(isAlive(polite)).toBe(false);
    expect(isAlive(stubborn)).toBe(false);
    expect(took).toBeGreaterThanOrEqual(500);
    expect(events.filter((e) => e.type === 'killed').map((e) => e.name)).toEqual(['gateway']);
    // Nothing is restarted after a stop, however the processes ended.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.filter((e) => e.type === 'started')).toHaveLength(2);
  });

  it('cancels a restart that is waiting for its backoff when the hub stops', async () => {
    const { supervisor, events } = supervise({ restartDelayMs: 2_000 });
    const pid = await supervisor.start(await child('cases'));
    process.kill(pid, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'crashed'), 'the crash is seen');
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
  });
});
