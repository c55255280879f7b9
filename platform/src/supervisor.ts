import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readInteger } from './config.js';

type Env = Record<string, string | undefined>;

/** One process `npm start` keeps running. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Resolves once the process serves (its health answers); awaited at start and after each restart. */
  ready?: (signal: AbortSignal) => Promise<void>;
}

export interface SupervisorPolicy {
  /** Delay before the first restart after a crash; doubled for each further crash in the window, up to the cap. */
  restartDelayMs: number;
  maxRestartDelayMs: number;
  /** A process that crashes this many times within `crashWindowMs` is not restarted again: the hub stops. */
  maxCrashes: number;
  crashWindowMs: number;
  /** Between SIGTERM and SIGKILL when stopping. */
  stopGraceMs: number;
  /** How long a process may take to become ready at start. */
  startTimeoutMs: number;
}

export type SupervisorEvent =
  | { type: 'started'; name: string; pid: number; restart: number }
  | { type: 'ready'; name: string; pid: number; restart: number }
  | { type: 'crashed'; name: string; pid: number; reason: string; crashes: number; restartInMs: number }
  | { type: 'gave-up'; name: string; pid: number; reason: string; crashes: number }
  | { type: 'killed'; name: string; pid: number };

export interface SupervisorHooks {
  output?(name: string, line: string): void;
  event?(event: SupervisorEvent): void;
  /** A process crashed too often: the caller stops the hub (the supervisor does not decide the exit code). */
  gaveUp?(name: string, reason: string): void;
}

/**
 * The restart and stop policy of `npm start`, from the environment: HUB_RESTART_DELAY_MS (1 s), HUB_MAX_CRASHES
 * (5 within HUB_CRASH_WINDOW_MS, 60 s), HUB_STOP_GRACE_MS (5 s). A wrong value refuses to start, naming it.
 */
export function readSupervisorPolicy(env: Env = process.env): SupervisorPolicy {
  return {
    restartDelayMs: readInteger('HUB_RESTART_DELAY_MS', 1_000, { min: 10, max: 60_000 }, env),
    maxRestartDelayMs: 30_000,
    maxCrashes: readInteger('HUB_MAX_CRASHES', 5, { min: 1, max: 1_000 }, env),
    crashWindowMs: readInteger('HUB_CRASH_WINDOW_MS', 60_000, { min: 1_000, max: 3_600_000 }, env),
    stopGraceMs: readInteger('HUB_STOP_GRACE_MS', 5_000, { min: 100, max: 120_000 }, env),
    startTimeoutMs: 60_000,
  };
}

/** The delay before restarting after the n-th crash in the window (n ≥ 1). */
export function restartDelay(crashes: number, policy: Pick<SupervisorPolicy, 'restartDelayMs' | 'maxRestartDelayMs'>): number {
  return Math.min(policy.maxRestartDelayMs, policy.restartDelayMs * 2 ** Math.max(0, crashes - 1));
}

function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

class Supervised {
  child: ChildProcess | null = null;
  crashTimes: number[] = [];
  restarts = 0;
  restartTimer: NodeJS.Timeout | null = null;
  /** Settles when the current child has exited. */
  exited: Promise<void> = Promise.resolve();

  constructor(readonly spec: ProcessSpec) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }
}

/**
 * Starts the hub's processes and keeps them running: a process that crashes after it has served is restarted after
 * a delay that doubles with each crash in the window, while the others keep serving; one that crashes too often
 * is given up on (`gaveUp`), so a broken build does not loop forever. `stop` sends SIGTERM to every process and
 * SIGKILL to any still running after the grace period (a process busy on CPU never runs its SIGTERM handler), so
 * stopping is bounded. Children run in their own process group: Ctrl-C reaches the supervisor alone, which then
 * stops them, rather than racing them and restarting one that was merely told to stop. If the supervisor itself is
 * killed, each child sees its IPC channel close and stops (`stopOnSignals`), so none is orphaned.
 */
export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly policy: SupervisorPolicy,
    private readonly hooks: SupervisorHooks = {},
  ) {}

  /** Starts a process and waits until it is ready; rejects if it exits or times out first (nothing is retried). */
  async start(spec: ProcessSpec): Promise<number> {
    if (this.stopping) throw new Error('the supervisor is stopping');
    if (this.processes.has(spec.name)) throw new Error(`${spec.name} is already supervised`);
    const entry = new Supervised(spec);
    this.processes.set(spec.name, entry);
    const child = this.spawn(entry);
    const failed = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => reject(new Error(`${spec.name} exited during start-up (${exitReason(code, signal)})`)));
    });
    failed.catch(() => {});
    await this.awaitReady(entry, child, failed, this.policy.startTimeoutMs);
    // Only a process that has served is restarted: one that cannot start (bad configuration) stops the hub.
    child.on('exit', (code, signal) => this.onExit(entry, child, code, signal));
    return child.pid!;
  }

  pid(name: string): number | undefined {
    const entry = this.processes.get(name);
    return entry?.running ? entry.child!.pid : undefined;
  }

  /** Every process's pid, running or not, as last started (for tests and the start-up banner). */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.processes].map(([name, entry]) => [name, entry.child?.pid]));
  }

  /** Stops every process: SIGTERM, then SIGKILL after the grace period. Resolves when all have exited. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private spawn(entry: Supervised): ChildProcess {
    const { spec } = entry;
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
    entry.child = child;
    entry.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.hooks.output?.(spec.name, line));
    }
    // An IPC channel the child closes first (it exits) must not take the supervisor down.
    child.on('error', () => {});
    this.hooks.event?.({ type: 'started', name: spec.name, pid: child.pid!, restart: entry.restarts });
    return child;
  }

  private async awaitReady(entry: Supervised, child: ChildProcess, failed: Promise<never>, timeoutMs: number): Promise<void> {
    const { ready } = entry.spec;
    if (ready) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const timedOut = new Promise<never>((_, reject) =>
        timeout.addEventListener('abort', () => reject(new Error(`${entry.spec.name} was not ready within ${timeoutMs / 1000} s`)), { once: true }),
      );
      timedOut.catch(() => {});
      // Whatever settles the race (ready, exited, timed out) ends the polling too.
      const settled = new AbortController();
      try {
        await Promise.race([ready(AbortSignal.any([timeout, settled.signal])), failed, timedOut]);
      } finally {
        settled.abort();
      }
    }
    this.hooks.event?.({ type: 'ready', name: entry.spec.name, pid: child.pid!, restart: entry.restarts });
  }

  private onExit(entry: Supervised, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || entry.child !== child) return;
    const now = Date.now();
    entry.crashTimes = [...entry.crashTimes.filter((t) => now - t < this.policy.crashWindowMs), now];
    const crashes = entry.crashTimes.length;
    const reason = exitReason(code, signal);
    if (crashes >= this.policy.maxCrashes) {
      this.hooks.event?.({ type: 'gave-up', name: entry.spec.name, pid: child.pid!, reason, crashes });
      this.hooks.gaveUp?.(entry.spec.name, reason);
      return;
    }
    const delay = restartDelay(crashes, this.policy);
    this.hooks.event?.({ type: 'crashed', name: entry.spec.name, pid: child.pid!, reason, crashes, restartInMs: delay });
    entry.restartTimer = setTimeout(() => this.restart(entry), delay);
  }

  private restart(entry: Supervised): void {
    entry.restartTimer = null;
    if (this.stopping) return;
    entry.restarts += 1;
    const child = this.spawn(entry);
    let exitedEarly = false;
    child.once('exit', () => (exitedEarly = true));
    child.on('exit', (code, signal) => this.onExit(entry, child, code, signal));
    const failed = new Promise<never>((_, reject) => child.once('exit', () => reject(new Error('exited'))));
    failed.catch(() => {});
    // A restarted process that dies again before it is ready counts as another crash (handled by onExit).
    this.awaitReady(entry, child, failed, this.policy.startTimeoutMs).catch(() => {
      if (!exitedEarly && !this.stopping) child.kill('SIGKILL');
    });
  }

  private async stopAll(): Promise<void> {
    const entries = [...this.processes.values()];
    for (const entry of entries) {
      if (entry.restartTimer) clearTimeout(entry.restartTimer);
      entry.restartTimer = null;
    }
    await Promise.all(entries.map((entry) => this.stopOne(entry)));
  }

  private async stopOne(entry: Supervised): Promise<void> {
    const child = entry.child;
    if (!child || !entry.running) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => {
      if (!entry.running) return;
      this.hooks.event?.({ type: 'killed', name: entry.spec.name, pid: child.pid! });
      child.kill('SIGKILL');
    }, this.policy.stopGraceMs);
    await entry.exited;
    clearTimeout(killer);
  }
}

/** Resolves once `url` answers with a status below 500, polling; for `ProcessSpec.ready`. */
export function httpReady(url: string, everyMs = 200): (signal: AbortSignal) => Promise<void> {
  return async (signal) => {
    while (!signal.aborted) {
      try {
        const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1_000)]) });
        await response.body?.cancel();
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
}
