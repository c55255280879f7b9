import { SignJWT, createRemoteJWKSet, jwtVerify, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import { isRole, type Actor } from './actor.js';
import { importKey, SIGNING_ALGORITHM } from './keys.js';

/**
 * Tokens that callers bring to the gateway. Any OIDC provider can issue them: the hub needs the standard
 * `sub` (the person id in the agencies subgraph) plus three claims the provider is configured to add.
 */
export const CLAIM_AGENCY = 'agency_id';
export const CLAIM_ROLES = 'roles';
export const CLAIM_ACTING_FOR = 'acting_for';

export interface CallerTokenPolicy {
  issuer: string;
  audience: string;
  jwksUrl: URL;
}

/**
 * `message` is safe to show the caller; `detail`, when set, is what the token library said, for the server log
 * only (a production gateway does not tell a prober which check failed).
 */
export class InvalidCallerToken extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** How and when the caller signed in, from the standard claims (`amr`, `auth_time`, `iat`, `sid`). */
export interface SignIn {
  /** Authentication methods (RFC 8176 values such as `pwd`, `otp`, `hwk`, `mfa`); empty when the token says none. */
  methods: string[];
  /** When the person authenticated: `auth_time` if the provider sends it, else when the token was issued. */
  at: Date;
  /** The sign-in session: the provider's `sid`, else the subject and sign-in time, which every token of one sign-in shares. */
  session: string;
}

export interface VerifiedCaller {
  actor: Actor;
  signIn: SignIn;
}

/** How many verified caller tokens the gateway remembers, and for how long at most (below the JWKS cache's 10 minutes). */
const REMEMBERED_TOKENS = 10_000;
const REMEMBER_MS = 5 * 60_000;

export class CallerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * A partner frontend sends the same token with every request until it expires; checking its signature each time
   * was most of the gateway's cryptography. A token that verified is remembered until it expires (at most five
   * minutes, so a key withdrawn from the JWKS stops being honoured about as soon as the key cache would notice).
   * Only successes are kept; a refused token is checked again each time.
   */
  private readonly remembered = new Map<string, { caller: VerifiedCaller; untilMs: number }>();

  constructor(
    private readonly policy: CallerTokenPolicy,
    private readonly clock: () => number = Date.now,
  ) {
    this.keys = createRemoteJWKSet(policy.jwksUrl, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<VerifiedCaller> {
    const now = this.clock();
    const known = this.remembered.get(token);
    if (known && now < known.untilMs) return structuredClone(known.caller);
    if (known) this.remembered.delete(token);
    const { caller, expiresAtMs } = await this.verifySignature(token);
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(token, { caller, untilMs: Math.min(expiresAtMs, now + REMEMBER_MS) });
    return structuredClone(caller);
  }

  private async verifySignature(token: string): Promise<{ caller: VerifiedCaller; expiresAtMs: number }> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.policy.issuer,
        audience: this.policy.audience,
        requiredClaims: ['exp', 'sub', 'iat'],
      }));
    } catch (error) {
      throw new InvalidCallerToken((error as Error).message, (error as Error).message);
    }
    const agencyId = payload[CLAIM_AGENCY];
    const roles = payload[CLAIM_ROLES];
    const actingFor = payload[CLAIM_ACTING_FOR];
    if (typeof agencyId !== 'string' || agencyId === '') throw new InvalidCallerToken(`claim "${CLAIM_AGENCY}" is missing`);
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidCallerToken(`claim "${CLAIM_ROLES}" must list hub roles`);
    const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : (payload.iat as number);
    const methods = Array.isArray(payload.amr) ? payload.amr.filter((m): m is string => typeof m === 'string') : [];
    const caller = {
      actor: {
        personId: payload.sub as string,
        agencyId,
        roles,
        actingFor: typeof actingFor === 'string' && actingFor !== '' ? actingFor : null,
      },
      signIn: { methods, at: new Date(authTime * 1000), session: typeof payload.sid === 'string' ? payload.sid : `${payload.sub}@${authTime}` },
    };
    return { caller, expiresAtMs: (payload.exp as number) * 1000 };
  }
}

/** The development issuer: signs caller tokens with a key kept in the data folder, for demo personas. */
export class DevIssuer {
  private constructor(
    private readonly key: CryptoKey,
    private readonly kid: string,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  static async create(privateJwk: JWK, issuer: string, audience: string): Promise<DevIssuer> {
    return new DevIssuer(await importKey(privateJwk), privateJwk.kid ?? 'dev', issuer, audience);
  }

  /**
   * Demo personas sign in with a password and a one-time code (`amr`), so the hub's multi-factor rule can be
   * turned on in development too; `signIn` changes that, to test the rules.
   */
  async issue(actor: Actor, lifetime = '8h', signIn: { methods?: string[]; at?: Date } = {}): Promise<string> {
    const at = signIn.at ? Math.floor(signIn.at.getTime() / 1000) : undefined;
    return new SignJWT({
      amr: signIn.methods ?? ['pwd', 'otp'],
      ...(at !== undefined ? { auth_time: at } : {}),
      [CLAIM_AGENCY]: actor.agencyId,
      [CLAIM_ROLES]: actor.roles,
      ...(actor.actingFor ? { [CLAIM_ACTING_FOR]: actor.actingFor } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.kid, typ: 'JWT' })
      .setSubject(actor.personId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(this.key);
  }
}
