import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { createHmac, createPrivateKey, generateKeyPairSync, sign, verify, type JsonWebKeyInput } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { findPersona } from '../src/demo/index.js';
import { CallerTokenVerifier, DevIssuer, generateSigningKeyPair, InternalTokenSigner, InternalTokenVerifier, type SigningKeyPair } from '../src/identity/index.js';
import { derSignature, joseSignature } from '../src/identity/internal-token.js';

const officer = findPersona('officer')!.actor;

describe('caller tokens verified at the gateway are remembered until they expire', () => {
  let keys: SigningKeyPair;
  let jwks: Server;
  let jwksUrl: URL;
  let issuer: DevIssuer;

  beforeAll(async () => {
    keys = await generateSigningKeyPair('test-issuer');
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [keys.publicJwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`);
    issuer = await DevIssuer.create(keys.privateJwk, 'urn:test', 'hub');
  });
  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  it('answers a token it has seen with the same caller it verified the first time', async () => {
    const verifier = new CallerTokenVerifier({ issuer: 'urn:test', audience: 'hub', jwksUrl });
    const token = await issuer.issue(officer);
    const first = await verifier.verify(token);
    expect(first.actor).toEqual(officer);
    expect(await verifier.verify(token)).toEqual(first);
  });

  it('refuses a remembered token once it has expired', async () => {
    const verifier = new CallerTokenVerifier({ issuer: 'urn:test', audience: 'hub', jwksUrl });
    const token = await issuer.issue(officer, '2s');
    await verifier.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
  });

  it('remembers no refusal: a token signed by another key is refused every time', async () => {
    const verifier = new CallerTokenVerifier({ issuer: 'urn:test', audience: 'hub', jwksUrl });
    const forger = await DevIssuer.create((await generateSigningKeyPair('test-issuer')).privateJwk, 'urn:test', 'hub');
    const forged = await forger.issue(officer);
    await expect(verifier.verify(forged)).rejects.toThrow();
    await expect(verifier.verify(forged)).rejects.toThrow();
  });

  it('hands each caller a copy, so one request cannot change what the next one is told', async () => {
    const verifier = new CallerTokenVerifier({ issuer: 'urn:test', audience: 'hub', jwksUrl });
    const token = await issuer.issue(officer);
    const first = await verifier.verify(token);
    first.actor.agencyId = 'changed';
    expect((await verifier.verify(token)).actor.agencyId).toBe(officer.agencyId);
  });
});

describe('internal tokens signed by the gateway (node:crypto) are what subgraphs verify (jose)', () => {
  it('carries the actor, the audience and the request, and is refused by another subgraph or when altered', async () => {
    const keys = await generateSigningKeyPair('gateway-test');
    const signer = await InternalTokenSigner.fromJwk(keys.privateJwk);
    const token = await signer.sign(officer, 'cases', undefined, { requestId: 'r-1', clientAddress: '10.0.0.1', operation: 'Refer' });
    const cases = await InternalTokenVerifier.fromJwk(keys.publicJwk, 'cases');
    expect(await cases.verifyRequest(`Bearer ${token}`)).toEqual({ actor: officer, request: { requestId: 'r-1', clientAddress: '10.0.0.1', operation: 'Refer' } });
    await expect((await InternalTokenVerifier.fromJwk(keys.publicJwk, 'agencies')).verify(`Bearer ${token}`)).rejects.toThrow();
    const [header, payload, signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['HUB_ADMIN'] })).toString('base64url');
    await expect(cases.verify(`Bearer ${header}.${altered}.${signature}`)).rejects.toThrow();
  });
});

describe('the gateway signs in DER and sends JWS’s fixed-width r ‖ s', () => {
  it('re-encodes every signature so it verifies, including integers DER shortens (leading zeros) or pads (top bit set)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const lengths = new Set<number>();
    for (let i = 0; i < 3_000; i++) {
      const data = Buffer.from(`token ${i}`);
      const der = sign('sha256', data, privateKey);
      lengths.add(der[3]!).add(der[5 + der[3]!]!);
      const jose = joseSignature(der);
      expect(jose).toHaveLength(64);
      if (!verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)) throw new Error(`signature ${i} does not verify once re-encoded`);
    }
    // 33 bytes: a top bit set, so DER put a zero in front; 31 or fewer: the integer began with a zero byte.
    expect(lengths.has(33)).toBe(true);
    expect([...lengths].some((n) => n < 32)).toBe(true);
  });

  it('refuses what is not a DER ECDSA signature rather than send a token nobody can verify', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = sign('sha256', Buffer.from('x'), privateKey);
    expect(() => joseSignature(Buffer.concat([der, Buffer.from([0])]))).toThrow(/DER/);
    expect(() => joseSignature(der.subarray(0, der.length - 1))).toThrow(/DER/);
    expect(() => joseSignature(Buffer.from([0x31, ...der.subarray(1)]))).toThrow(/DER/);
    expect(() => joseSignature(Buffer.from([0x30, 6, 0x02, 1, 1, 0x03, 1, 1]))).toThrow(/DER/);
  });
});

describe('subgraphs verify internal tokens in the calling thread, and refuse every token the gateway did not make as it makes them', () => {
  let keys: SigningKeyPair;
  let cases: InternalTokenVerifier;
  const now = () => Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = (overrides: Record<string, unknown> = {}) => ({
    sub: officer.personId, agency: officer.agencyId, roles: officer.roles, act_for: null, req: 'r-1', ip: null, op: null,
    iss: 'urn:deflection-hub:gateway', aud: 'urn:deflection-hub:subgraph:cases', iat: now(), exp: now() + 60, ...overrides,
  });
  /** A token signed with the gateway's key (or `key`) over exactly this header and these claims. */
  const signed = (payload: unknown, header: Record<string, unknown> = { alg: 'ES256', kid: 'gateway-test' }, key = createPrivateKey({ key: keys.privateJwk as JsonWebKeyInput['key'], format: 'jwk' })) => {
    const input = `${part(header)}.${part(payload)}`;
    return `${input}.${joseSignature(sign('sha256', Buffer.from(input), key)).toString('base64url')}`;
  };
  const refused = async (token: string) => expect(cases.verify(`Bearer ${token}`)).rejects.toThrow();

  beforeAll(async () => {
    keys = await generateSigningKeyPair('gateway-test');
    cases = await InternalTokenVerifier.fromJwk(keys.publicJwk, 'cases');
  });

  it('signs standard JWS: jose verifies the gateway’s tokens with the same checks', async () => {
    const signer = await InternalTokenSigner.fromJwk(keys.privateJwk);
    for (let i = 0; i < 50; i++) {
      const token = await signer.sign(officer, 'cases', undefined, { requestId: `r-${i}`, clientAddress: null, operation: null });
      const { payload } = await jwtVerify(token, await importJWK(keys.publicJwk, 'ES256'), {
        issuer: 'urn:deflection-hub:gateway',
        audience: 'urn:deflection-hub:subgraph:cases',
        algorithms: ['ES256'],
        maxTokenAge: '120s',
      });
      expect(payload.sub).toBe(officer.personId);
    }
  });

  it('accepts a token made exactly as the gateway makes them, for this subgraph among others', async () => {
    expect(await cases.verify(`Bearer ${signed(claims())}`)).toEqual(officer);
    expect(await cases.verify(`Bearer ${signed(claims({ aud: ['urn:deflection-hub:subgraph:agencies', 'urn:deflection-hub:subgraph:cases'] }))}`)).toEqual(officer);
  });

  it('refuses another issuer, another audience, and a token with no audience', async () => {
    await refused(signed(claims({ iss: 'urn:someone-else' })));
    await refused(signed(claims({ aud: 'urn:deflection-hub:subgraph:treatment' })));
    await refused(signed(claims({ aud: undefined })));
  });

  it('refuses an expired token, one older than twice its lifetime, one from the future, one not yet valid, and one with no time', async () => {
    await refused(signed(claims({ exp: now() - 1 })));
    await refused(signed(claims({ exp: now() })));
    await refused(signed(claims({ iat: now() - 121, exp: now() + 60 })));
    await refused(signed(claims({ iat: now() + 30, exp: now() + 90 })));
    await refused(signed(claims({ nbf: now() + 30 })));
    await refused(signed(claims({ iat: undefined })));
    await refused(signed(claims({ exp: undefined })));
  });

  it('refuses any algorithm but ES256, including none and an HMAC keyed with the public key, and critical headers', async () => {
    const payload = claims();
    await refused(`${part({ alg: 'none' })}.${part(payload)}.`);
    await refused(signed(payload, { alg: 'none', kid: 'gateway-test' }));
    const hmacInput = `${part({ alg: 'HS256' })}.${part(payload)}`;
    await refused(`${hmacInput}.${createHmac('sha256', JSON.stringify(keys.publicJwk)).update(hmacInput).digest('base64url')}`);
    await refused(signed(payload, { alg: 'ES384', kid: 'gateway-test' }));
    await refused(signed(payload, { alg: 'ES256', kid: 'gateway-test', crit: ['exp'], exp: 1 }));
  });

  it('refuses a token signed by another key, a signature of the wrong length, and what is not a compact JWS', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await refused(signed(claims(), undefined, other));
    const good = signed(claims());
    const [header, payload, signature] = good.split('.') as [string, string, string];
    await refused(`${header}.${payload}.${Buffer.from(signature, 'base64url').subarray(0, 63).toString('base64url')}`);
    await refused(`${header}.${payload}`);
    await refused(`${header}.${payload}.${signature}.x`);
    await refused(`${header}.${payload}.${signature}=`);
    await refused(signed([claims()]));
    // r ‖ 0 ‖ s reads as the same DER signature: one token must have one spelling.
    const raw = Buffer.from(signature, 'base64url');
    await refused(`${header}.${payload}.${Buffer.concat([raw.subarray(0, 32), Buffer.from([0]), raw.subarray(32)]).toString('base64url')}`);
    expect(await cases.verify(`Bearer ${good}`)).toEqual(officer);
  });

  it('turns r ‖ s back into the DER node:crypto verifies, whatever the integers’ leading bytes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 2_000; i++) {
      const data = Buffer.from(`claims ${i}`);
      const der = sign('sha256', data, privateKey);
      expect(derSignature(joseSignature(der)).equals(der)).toBe(true);
    }
    expect(verify('sha256', Buffer.from('x'), publicKey, derSignature(Buffer.alloc(64)))).toBe(false);
  });
});
