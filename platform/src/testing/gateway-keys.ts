import { InternalTokenSigner, InternalTokenVerifier } from '../identity/internal-token.js';
import { generateSigningKeyPair } from '../identity/keys.js';

/** A gateway key pair made for one test run: sign identities as the gateway would, verify them as subgraphs do. */
export async function testGatewayKeys(): Promise<{ signer: InternalTokenSigner; verifier: InternalTokenVerifier }> {
  const pair = await generateSigningKeyPair('gateway-test');
  return { signer: await InternalTokenSigner.fromJwk(pair.privateJwk), verifier: await InternalTokenVerifier.fromJwk(pair.publicJwk) };
}
