import { useSyncExternalStore } from 'react';

/**
 * The signed-in session, in memory only: the token is never written to localStorage or sessionStorage, so a script
 * that reads storage, or someone who opens the browser later, finds no credential. A reload signs in again
 * (silently where the identity provider still has a session).
 */
export interface Session {
  token: string;
  /** When the token stops being accepted (ms since the epoch); it is renewed before then. */
  expiresAt: number;
  /** How it was obtained: a demo persona (development) or the identity provider. */
  source: { kind: 'dev'; persona: string } | { kind: 'oidc' };
}

type Listener = () => void;
let current: Session | null = null;
const listeners = new Set<Listener>();

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession);
}

/** The `exp` claim of a JWT, in ms; the console only reads it to schedule renewal (the hub verifies tokens). */
export function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + 5 * 60_000;
  } catch {
    return Date.now() + 5 * 60_000;
  }
}
