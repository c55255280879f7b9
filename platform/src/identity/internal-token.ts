import { SignJWT, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { isRole, type Actor } from './actor.js';
import { importKey, SIGNING_ALGORITHM } from './keys.js';

/**
 * The gateway turns a caller's verified identity into a short-lived token that only it can sign; subgraphs
 * trust nothing else, so a client that reaches a subgraph directly gets nowhere with forged headers.
 */
export const INTERNAL_ISSUER = 'urn:deflection-hub:gateway';
export const INTERNAL_AUDIENCE = 'urn:deflection-hub:subgraphs';
const LIFETIME_SECONDS = 60;

export class InternalTokenSigner {
  private constructor(
    private readonly key: CryptoKey,
    private readonly kid: string,
  ) {}

  static async fromJwk(privateJwk: JWK): Promise<InternalTokenSigner> {
    return new InternalTokenSigner(await importKey(privateJwk), privateJwk.kid ?? 'gateway');
  }

  /** `actor` null marks an anonymous caller: the request is still from the gateway, but nobody is signed in. */
  async sign(actor: Actor | null): Promise<string> {
    const claims = actor
      ? { agency: actor.agencyId, roles: actor.roles, act_for: actor.actingFor }
      : { anon: true };
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.kid })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`);
    if (actor) jwt.setSubject(actor.personId);
    return jwt.sign(this.key);
  }
}

export class InvalidInternalToken extends Error {}

export class InternalTokenVerifier {
  private constructor(private readonly key: CryptoKey) {}

  static async fromJwk(publicJwk: JWK): Promise<InternalTokenVerifier> {
    return new InternalTokenVerifier(await importKey(publicJwk));
  }

  /** Resolves to the actor (null when the caller was anonymous at the gateway); throws on any invalid token. */
  async verify(authorization: string | undefined): Promise<Actor | null> {
    const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) throw new InvalidInternalToken('missing bearer token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        maxTokenAge: `${LIFETIME_SECONDS * 2}s`,
      }));
    } catch (error) {
      throw new InvalidInternalToken((error as Error).message);
    }
    if (payload.anon === true) return null;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (typeof payload.sub !== 'string' || typeof payload.agency !== 'string') {
      throw new InvalidInternalToken('token names no person or agency');
    }
    return {
      personId: payload.sub,
      agencyId: payload.agency,
      roles,
      actingFor: typeof payload.act_for === 'string' ? payload.act_for : null,
    };
  }
}
