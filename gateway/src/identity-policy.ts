import { InvalidCallerToken, type SignIn } from '@hub/platform/identity';
import type { IdentityPolicy } from './config.js';

/**
 * Methods that prove a factor besides a password (RFC 8176): something the person has or is. A provider that
 * sends `mfa` has checked several factors itself.
 */
const SECOND_FACTORS = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'fpt', 'face', 'iris', 'retina', 'vbm']);

/** Sessions not seen for twice the idle limit are forgotten: they would be refused as idle anyway. */
const SWEEP_EVERY = 1_000;

/**
 * The CJIS identity rules the gateway applies to a verified caller token: a second factor, a sign-in no older
 * than the limit, and a session not left idle. Idle time is kept in this gateway's memory, per sign-in session
 * (see decisions.md for what that means with several gateways).
 */
export class IdentityRules {
  private readonly lastSeen = new Map<string, number>();
  private checks = 0;

  constructor(
    private readonly policy: IdentityPolicy,
    private readonly clock: () => number = Date.now,
  ) {}

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
      if (now - last > idleMs) {
        throw new InvalidCallerToken(`the session was idle for more than ${this.policy.idleMinutes} minutes; sign in again.`);
      }
      this.lastSeen.set(signIn.session, now);
      if (++this.checks % SWEEP_EVERY === 0) this.sweep(now, idleMs);
    }
  }

  private sweep(now: number, idleMs: number): void {
    for (const [session, last] of this.lastSeen) if (now - last > 2 * idleMs) this.lastSeen.delete(session);
  }
}
