import { setSession, tokenExpiry } from './session.js';

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

export async function signInAs(persona: string): Promise<void> {
  const response = await fetch('/dev-issuer/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ persona }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The hub refused the sign-in (${response.status}).`);
  setSession({ token: body.token, expiresAt: tokenExpiry(body.token), source: { kind: 'dev', persona } });
}
