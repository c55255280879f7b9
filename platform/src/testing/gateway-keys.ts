import type { JWK } from 'jose';
import { InternalTokenSigner } from '../identity/internal-token.js';
import { generateSigningKeyPair } from '../identity/keys.js';

/** A gateway key pair made for one test run: sign identities as the gateway would; subgraphs verify with `publicJwk`. */
export async function testGatewayKeys(): Promise<{ signer: InternalTokenSigner; publicJwk: JWK }> {
  const pair = await generateSigningKeyPair('gateway-test');
  return { signer: await InternalTokenSigner.fromJwk(pair.privateJwk), publicJwk: pair.publicJwk };
}
