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

export class InvalidCallerToken extends Error {}

export class CallerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly policy: CallerTokenPolicy) {
    this.keys = createRemoteJWKSet(policy.jwksUrl, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<Actor> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.policy.issuer,
        audience: this.policy.audience,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new InvalidCallerToken((error as Error).message);
    }
    const agencyId = payload[CLAIM_AGENCY];
    const roles = payload[CLAIM_ROLES];
    const actingFor = payload[CLAIM_ACTING_FOR];
    if (typeof agencyId !== 'string' || agencyId === '') throw new InvalidCallerToken(`claim "${CLAIM_AGENCY}" is missing`);
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidCallerToken(`claim "${CLAIM_ROLES}" must list hub roles`);
    return {
      personId: payload.sub as string,
      agencyId,
      roles,
      actingFor: typeof actingFor === 'string' && actingFor !== '' ? actingFor : null,
    };
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

  async issue(actor: Actor, lifetime = '8h'): Promise<string> {
    return new SignJWT({
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
