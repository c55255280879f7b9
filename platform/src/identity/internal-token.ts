import { createPrivateKey, createPublicKey, sign as signWith, verify as verifyWith, type JsonWebKeyInput, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { isSubgraphName, subgraphsReachedFrom, type OperationKind, type SubgraphName } from '../topology.js';
import { isRole, type Actor } from './actor.js';
import { importKey, SIGNING_ALGORITHM } from './keys.js';

/**
 * The gateway turns a caller's verified identity into short-lived tokens that only it can sign; subgraphs
 * trust nothing else, so a client that reaches a subgraph directly gets nowhere with forged headers.
 *
 * Each token names one subgraph as its audience, so a token sent to one subgraph cannot be replayed against
 * another. A subgraph that asks others while answering (SUBGRAPH_CALLS) receives, beside its own token, one
 * token per subgraph it may reach, each naming it as the party that presents it (`azp`), and passes those on.
 */
export const INTERNAL_ISSUER = 'urn:deflection-hub:gateway';
const LIFETIME_SECONDS = 60;
/** How old a token a subgraph still accepts: its lifetime twice over, for a request that waited in a queue. */
const MAX_TOKEN_AGE_SECONDS = LIFETIME_SECONDS * 2;

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The audience of a token meant for one subgraph. */
export function internalAudience(subgraph: SubgraphName): string {
  return `urn:deflection-hub:subgraph:${subgraph}`;
}

/** Tokens a subgraph may present to the subgraphs it asks, by their name. */
export type OnwardTokens = Partial<Record<SubgraphName, string>>;

/** The header that carries onward tokens: `agencies=<jwt>;cases=<jwt>`. Never sent by or to clients. */
export const ONWARD_TOKENS_HEADER = 'x-hub-onward-tokens';

export function encodeOnwardTokens(tokens: OnwardTokens): string {
  return Object.entries(tokens)
    .filter(([, token]) => token)
    .map(([name, token]) => `${name}=${token}`)
    .join(';');
}

/** Keeps only tokens for subgraphs in `accepted`: a subgraph has no use for any other. */
export function decodeOnwardTokens(header: string | string[] | undefined, accepted: readonly SubgraphName[]): OnwardTokens {
  const tokens: OnwardTokens = {};
  if (typeof header !== 'string') return tokens;
  for (const part of header.split(';')) {
    const [name, token] = part.split('=', 2);
    if (name && token && isSubgraphName(name) && accepted.includes(name)) tokens[name] = token;
  }
  return tokens;
}

/** The request a token was made for, as the gateway saw it: carried signed, so the audit trail can trust it. */
export interface RequestFacts {
  requestId: string | null;
  clientAddress: string | null;
  operation: string | null;
}

const NO_REQUEST: RequestFacts = { requestId: null, clientAddress: null, operation: null };

/** What the gateway sends one subgraph: its token, and the tokens it may pass on. */
export interface InternalCredentials {
  token: string;
  onward: OnwardTokens;
}

/** P-256 coordinates are 32 bytes: the r ‖ s of a JWS signature (RFC 7518 §3.4) is 64. */
const ES256_INTEGER_BYTES = 32;

/**
 * An ECDSA signature as DER (SEQUENCE { INTEGER r, INTEGER s }) turned into JWS's fixed-width r ‖ s. DER writes each
 * integer in as few bytes as it needs, plus a leading zero where its top bit is set, so each is stripped of leading
 * zeros and left-padded to 32 bytes.
 */
export function joseSignature(der: Buffer): Buffer {
  const fail = (why: string): never => {
    throw new Error(`not a DER ECDSA signature: ${why}`);
  };
  if (der[0] !== 0x30) fail('no SEQUENCE');
  // A P-256 signature is at most 72 bytes, so its length always fits the short form (one byte, under 0x80).
  if (der[1]! >= 0x80 || der[1] !== der.length - 2) fail('wrong length');
  const out = Buffer.alloc(2 * ES256_INTEGER_BYTES);
  let at = 2;
  for (const slot of [0, 1]) {
    if (der[at] !== 0x02) fail('no INTEGER');
    const length = der[at + 1]!;
    let start = at + 2;
    const end = start + length;
    if (length === 0 || end > der.length) fail('wrong INTEGER length');
    while (start < end - 1 && der[start] === 0) start += 1;
    if (end - start > ES256_INTEGER_BYTES) fail('INTEGER too long');
    der.copy(out, (slot + 1) * ES256_INTEGER_BYTES - (end - start), start, end);
    at = end;
  }
  if (at !== der.length) fail('trailing bytes');
  return out;
}

export class InternalTokenSigner {
  private readonly header: string;

  private constructor(
    private readonly key: KeyObject,
    kid: string,
  ) {
    this.header = base64url({ alg: SIGNING_ALGORITHM, kid });
  }

  static async fromJwk(privateJwk: JWK): Promise<InternalTokenSigner> {
    // Checked as jose would (an ES256 private key), then held as a Node key for synchronous signing.
    await importKey(privateJwk);
    return new InternalTokenSigner(createPrivateKey({ key: privateJwk as JsonWebKeyInput['key'], format: 'jwk' }), privateJwk.kid ?? 'gateway');
  }

  /**
   * `actor` null marks an anonymous caller: the request is still from the gateway, but nobody is signed in.
   * `presenter` is the subgraph that will present the token to `audience`, when it is not the gateway itself.
   *
   * A compact JWS (RFC 7515) signed with node:crypto in the calling thread: the gateway signs several per request,
   * and jose's WebCrypto signing, a job on libuv's thread pool each time, was 14 % of the gateway's CPU. A test has
   * jose verify them too, so they stay standard JWS whoever reads them.
   */
  async sign(actor: Actor | null, audience: SubgraphName, presenter?: SubgraphName, request: RequestFacts = NO_REQUEST): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      ...(actor ? { agency: actor.agencyId, roles: actor.roles, act_for: actor.actingFor } : { anon: true }),
      ...(presenter ? { azp: presenter } : {}),
      req: request.requestId,
      ip: request.clientAddress,
      op: request.operation,
      iss: INTERNAL_ISSUER,
      aud: internalAudience(audience),
      iat: now,
      exp: now + LIFETIME_SECONDS,
      ...(actor ? { sub: actor.personId } : {}),
    };
    const input = `${this.header}.${base64url(claims)}`;
    // Signed in DER and re-encoded here: asking node:crypto for IEEE P1363 itself (dsaEncoding) made each signature
    // take 2.5 times as long (93-114 against 40 µs), and the gateway signs two to six per request.
    const signature = joseSignature(signWith('sha256', Buffer.from(input), this.key));
    return `${input}.${signature.toString('base64url')}`;
  }

  /**
   * Everything one call to `target` needs: its own token and one per subgraph it may reach while answering an
   * operation of this kind (a query's reach less far: SUBGRAPH_CALLS_IN_QUERIES).
   */
  async credentialsFor(actor: Actor | null, target: SubgraphName, request: RequestFacts = NO_REQUEST, kind: OperationKind = 'mutation'): Promise<InternalCredentials> {
    const reached = subgraphsReachedFrom(target, kind);
    const [token, ...onward] = await Promise.all([this.sign(actor, target, undefined, request), ...reached.map((name) => this.sign(actor, name, target, request))]);
    return { token: token!, onward: Object.fromEntries(reached.map((name, i) => [name, onward[i]])) };
  }
}

/** The DER form (SEQUENCE { INTEGER r, INTEGER s }) of a JWS signature's r ‖ s: what node:crypto verifies fastest. */
export function derSignature(jose: Buffer): Buffer {
  const integer = (bytes: Buffer): Buffer => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const trimmed = bytes.subarray(start);
    // A set top bit would read as negative: DER puts a zero byte in front.
    const body = trimmed[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(jose.subarray(0, ES256_INTEGER_BYTES)), integer(jose.subarray(ES256_INTEGER_BYTES))]);
  return Buffer.concat([Buffer.from([0x30, content.length]), content]);
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodedObject(part: string, what: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/**
 * The claims of a compact ES256 JWS, once its signature, issuer, audience, age and expiry hold: what jose's jwtVerify
 * checked for these tokens, done in the calling thread. jose verifies through WebCrypto, a job on libuv's thread
 * pool each time: 290 µs of CPU a token against 150 here, and every subgraph request carries one.
 */
export function verifiedInternalClaims(token: string, key: KeyObject, audience: string, now = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new Error('not a compact JWS');
  const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
  const header = decodedObject(encodedHeader, 'header');
  if (header.alg !== SIGNING_ALGORITHM) throw new Error(`algorithm ${JSON.stringify(header.alg)} is not accepted`);
  if ('crit' in header) throw new Error('critical header parameters are not accepted');
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (signature.length !== 2 * ES256_INTEGER_BYTES || !verifyWith('sha256', Buffer.from(`${encodedHeader}.${encodedClaims}`), key, derSignature(signature))) {
    throw new Error('signature verification failed');
  }
  const claims = decodedObject(encodedClaims, 'payload');
  if (claims.iss !== INTERNAL_ISSUER) throw new Error('unexpected "iss" claim value');
  if (!(claims.aud === audience || (Array.isArray(claims.aud) && claims.aud.includes(audience)))) throw new Error('unexpected "aud" claim value');
  if (typeof claims.iat !== 'number') throw new Error('"iat" claim missing');
  if (claims.iat > now) throw new Error('"iat" claim timestamp check failed (it should be in the past)');
  if (now - claims.iat > MAX_TOKEN_AGE_SECONDS) throw new Error('"iat" claim timestamp check failed (too far in the past)');
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new Error('"exp" claim timestamp check failed');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) throw new Error('"nbf" claim timestamp check failed');
  return claims;
}

export class InvalidInternalToken extends Error {}

export class InternalTokenVerifier {
  private constructor(
    private readonly key: KeyObject,
    private readonly subgraph: SubgraphName,
  ) {}

  /** A verifier for one subgraph: it accepts only tokens whose audience is that subgraph. */
  static async fromJwk(publicJwk: JWK, subgraph: SubgraphName): Promise<InternalTokenVerifier> {
    // Checked as jose would (an ES256 public key), then held as a Node key for verifying in the calling thread.
    await importKey(publicJwk);
    return new InternalTokenVerifier(createPublicKey({ key: publicJwk as JsonWebKeyInput['key'], format: 'jwk' }), subgraph);
  }

  /** Resolves to the actor (null when the caller was anonymous at the gateway); throws on any invalid token. */
  async verify(authorization: string | undefined): Promise<Actor | null> {
    return (await this.verifyRequest(authorization)).actor;
  }

  /** The actor and the request the gateway made the token for. */
  async verifyRequest(authorization: string | undefined): Promise<{ actor: Actor | null; request: RequestFacts }> {
    const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) throw new InvalidInternalToken('missing bearer token');
    let payload: Record<string, unknown>;
    try {
      payload = verifiedInternalClaims(token, this.key, internalAudience(this.subgraph));
    } catch (error) {
      throw new InvalidInternalToken((error as Error).message);
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const request = { requestId: text(payload.req), clientAddress: text(payload.ip), operation: text(payload.op) };
    if (payload.anon === true) return { actor: null, request };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (typeof payload.sub !== 'string' || typeof payload.agency !== 'string') {
      throw new InvalidInternalToken('token names no person or agency');
    }
    return {
      actor: {
        personId: payload.sub,
        agencyId: payload.agency,
        roles,
        actingFor: typeof payload.act_for === 'string' ? payload.act_for : null,
      },
      request,
    };
  }
}
