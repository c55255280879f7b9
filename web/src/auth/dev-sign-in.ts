import { getSession, setSession, tokenExpiry } from './session.js';

/** Development sign-in: the gateway's demo issuer (only when AUTH_MODE=dev) gives a token for a persona. */
export interface Persona {
  key: string;
  description: string;
}

export async function listPersonas(): Promise<{ default: string; personas: Persona[] }> {
  const response = await fetch('/dev-issuer/personas', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The hub's demo sign-in did not answer (${response.status}).`);
  return (await response.json()) as { default: string; personas: Persona[] };
}

/**
 * Signs in as a persona. `renewing` is the token being replaced: if the session changed meanwhile (signed out,
 * or someone else signed in), the new token is dropped rather than bringing the previous person back.
 */
export async function signInAs(persona: string, renewing?: string): Promise<void> {
  const response = await fetch('/dev-issuer/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ persona }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The hub refused the sign-in (${response.status}).`);
  if (renewing !== undefined && getSession()?.token !== renewing) return;
  setSession({ token: body.token, expiresAt: tokenExpiry(body.token), source: { kind: 'dev', persona } });
}
