import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findPersona } from '../src/demo/index.js';
import { CallerTokenVerifier, DevIssuer, generateSigningKeyPair, InternalTokenSigner, InternalTokenVerifier, type SigningKeyPair } from '../src/identity/index.js';

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
