import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { findPersona } from '../src/demo/index.js';
import { CallerTokenVerifier, DevIssuer, generateSigningKeyPair, InternalTokenSigner, InternalTokenVerifier, type SigningKeyPair } from '../src/identity/index.js';
import { joseSignature } from '../src/identity/internal-token.js';

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
