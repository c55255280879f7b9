import cluster from 'node:cluster';
import { InvalidCallerToken, type SignIn } from '@hub/platform/identity';
import type { IdentityPolicy } from './config.js';

/**
 * Methods that prove a factor besides a password (RFC 8176): something the person has or is. A provider that
 * sends `mfa` has checked several factors itself.
 */
const SECOND_FACTORS = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'fpt', 'face', 'iris', 'retina', 'vbm']);

/** A session's activity is told to the other cluster workers at most this often; idle limits are in minutes. */
const SHARE_EVERY_MS = 15_000;
const SESSION_SEEN = 'hub:session-seen';

interface SessionSeen {
  type: typeof SESSION_SEEN;
  session: string;
  at: number;
}

function isSessionSeen(message: unknown): message is SessionSeen {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === SESSION_SEEN;
}

/** In the cluster's primary: passes each worker's session activity on to the other workers. */
export function relaySessionActivity(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isSessionSeen(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(message);
  });
}

/** Sessions not seen for twice the idle limit are forgotten: they would be refused as idle anyway. */
const SWEEP_EVERY = 1_000;

/**
 * The CJIS identity rules the gateway applies to a verified caller token: a second factor, a sign-in no older
 * than the limit, and a session not left idle. Idle time is kept in this gateway's memory, per sign-in session
 * (see decisions.md for what that means with several gateways).
 */
export class IdentityRules {
  private readonly lastSeen = new Map<string, number>();
  private readonly lastShared = new Map<string, number>();
  private checks = 0;

  /**
   * `share` tells the other gateway processes of a cluster that a session was active; they call `seen`. Without it
   * a session busy on one worker would look idle to another and be signed out there.
   */
  constructor(
    private readonly policy: IdentityPolicy,
    private readonly clock: () => number = Date.now,
    private readonly share: ((session: string, at: number) => void) | null = clusterShare(),
  ) {
    if (share && cluster.isWorker) process.on('message', (message: unknown) => isSessionSeen(message) && this.seen(message.session, message.at));
  }

  /** Activity of a session elsewhere (another worker of this gateway). */
  seen(session: string, at: number): void {
    if (at > (this.lastSeen.get(session) ?? 0)) this.lastSeen.set(session, at);
  }

  /** Throws InvalidCallerToken naming the rule; on success records the session as active now. */
  enforce(signIn: SignIn): void {
    const now = this.clock();
    if (this.policy.requireMfa && !signIn.methods.some((method) => SECOND_FACTORS.has(method))) {
      throw new InvalidCallerToken('multi-factor authentication is required (the token’s amr claim shows no second factor); sign in again with it.');
    }
    const signedInAt = signIn.at.getTime();
    if (this.policy.maxTokenAgeMinutes > 0 && now - signedInAt > this.policy.maxTokenAgeMinutes * 60_000) {
      throw new InvalidCallerToken(`the sign-in is more than ${this.policy.maxTokenAgeMinutes} minutes old; sign in again.`);
    }
    if (this.policy.idleMinutes > 0) {
      const idleMs = this.policy.idleMinutes * 60_000;
      const last = this.lastSeen.get(signIn.session) ?? signedInAt;
      // What other workers saw arrives up to SHARE_EVERY_MS late: a session is not refused here for that lag.
      if (now - last > idleMs + (this.share ? SHARE_EVERY_MS : 0)) {
        throw new InvalidCallerToken(`the session was idle for more than ${this.policy.idleMinutes} minutes; sign in again.`);
      }
      this.lastSeen.set(signIn.session, now);
      if (this.share && now - (this.lastShared.get(signIn.session) ?? 0) >= SHARE_EVERY_MS) {
        this.lastShared.set(signIn.session, now);
        this.share(signIn.session, now);
      }
      if (++this.checks % SWEEP_EVERY === 0) this.sweep(now, idleMs);
    }
  }

  private sweep(now: number, idleMs: number): void {
    for (const [session, last] of this.lastSeen) {
      if (now - last > 2 * idleMs) {
        this.lastSeen.delete(session);
        this.lastShared.delete(session);
      }
    }
  }
}

function clusterShare(): ((session: string, at: number) => void) | null {
  if (!cluster.isWorker) return null;
  return (session, at) => process.send?.({ type: SESSION_SEEN, session, at } satisfies SessionSeen);
}
