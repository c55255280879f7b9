import { SignJWT, jwtVerify } from 'jose';

/**
 * Event deliveries between subgraphs are authenticated with a shared secret (HS256): a publisher proves it is
 * a hub subgraph, the consumer checks the audience is itself. Rotate by changing HUB_EVENTS_SECRET everywhere.
 */
const ISSUER_PREFIX = 'urn:deflection-hub:subgraph:';

function key(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('HUB_EVENTS_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signEventDelivery(secret: string, source: string, audience: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(`${ISSUER_PREFIX}${source}`)
    .setAudience(`${ISSUER_PREFIX}${audience}`)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key(secret));
}

/** Resolves to the publishing subgraph's name, or throws. */
export async function verifyEventDelivery(secret: string, authorization: string | undefined, audience: string): Promise<string> {
  const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
  if (!token) throw new Error('missing bearer token');
  const { payload } = await jwtVerify(token, key(secret), { audience: `${ISSUER_PREFIX}${audience}`, algorithms: ['HS256'] });
  if (!payload.iss?.startsWith(ISSUER_PREFIX)) throw new Error('unknown issuer');
  return payload.iss.slice(ISSUER_PREFIX.length);
}
