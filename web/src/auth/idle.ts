/**
 * Signs out after a period without use (CJIS session lock; the gateway enforces the same limit on tokens). Any
 * key, pointer or touch counts as use. The clock and timers are injected so the rule can be tested without waiting.
 */
export interface IdleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export class IdleTimer {
  private lastUse: number;
  private handle: unknown = null;
  private stopped = false;

  constructor(
    private readonly limitMs: number,
    private readonly onIdle: () => void,
    private readonly clock: IdleClock = systemClock,
  ) {
    this.lastUse = clock.now();
    this.schedule(limitMs);
  }

  /** Someone used the console: the limit counts from now. */
  used(): void {
    this.lastUse = this.clock.now();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
  }

  private schedule(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.check(), ms);
  }

  /** Checks when the limit could first be reached; a use since then moves the check later instead of resetting timers on every key. */
  private check(): void {
    if (this.stopped) return;
    const idleFor = this.clock.now() - this.lastUse;
    if (idleFor >= this.limitMs) {
      this.stopped = true;
      this.onIdle();
      return;
    }
    this.schedule(this.limitMs - idleFor);
  }
}

export const USE_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
