import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKeyPair {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKeyPair(kid: string): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return { kid, privateJwk, publicJwk };
}

/** Keys are made once and kept, so tokens handed out before a restart stay valid after it. */
export async function loadOrCreateKeyPair(file: string, kid: string): Promise<SigningKeyPair> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SigningKeyPair;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = await generateSigningKeyPair(kid);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(pair, null, 2), { mode: 0o600 });
  return pair;
}

export async function importKey(jwk: JWK): Promise<CryptoKey> {
  const key = await importJWK(jwk, SIGNING_ALGORITHM);
  if (key instanceof Uint8Array) throw new Error('expected an asymmetric key');
  return key;
}
