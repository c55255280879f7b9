import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config.js';
import { setSession } from './session.js';

/**
 * Production sign-in: OpenID Connect authorization code flow with PKCE (oidc-client-ts). The user, and so the
 * token, is kept in memory (InMemoryWebStorage), never in localStorage; oidc-client-ts renews it silently before it
 * expires. Only the short-lived state of a redirect in progress goes to sessionStorage, as the flow requires.
 */
let manager: UserManager | null = null;
/** Set on sign-out until the next sign-in: a renewal still in flight must not bring the previous person back. */
let signedOut = false;

export const OIDC_CALLBACK_PATH = '/signed-in';
/** Loaded in a hidden frame when the token is renewed without leaving the page (prompt=none). */
export const OIDC_SILENT_CALLBACK_PATH = '/signed-in-silently';

function adopt(user: User | null): void {
  if (user && signedOut) return;
  setSession(user && !user.expired ? { token: user.access_token, expiresAt: (user.expires_at ?? 0) * 1000, source: { kind: 'oidc' } } : null);
}

export function oidcManager(config: NonNullable<ConsoleConfig['oidc']>): UserManager {
  if (manager) return manager;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: new URL(OIDC_CALLBACK_PATH, window.location.origin).toString(),
    silent_redirect_uri: new URL(OIDC_SILENT_CALLBACK_PATH, window.location.origin).toString(),
    post_logout_redirect_uri: window.location.origin,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Only a redirect in flight (state and PKCE verifier) survives the trip to the provider; removed on return.
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
  });
  manager.events.addUserLoaded(adopt);
  manager.events.addUserUnloaded(() => adopt(null));
  manager.events.addAccessTokenExpired(() => adopt(null));
  return manager;
}

/** In the hidden renewal frame: hands the provider's answer to the page that opened it; true when this load was one. */
export async function completeSilentRenewal(config: NonNullable<ConsoleConfig['oidc']>): Promise<boolean> {
  if (window.location.pathname !== OIDC_SILENT_CALLBACK_PATH) return false;
  await oidcManager(config).signinSilentCallback();
  return true;
}

/** Completes a redirect back from the provider; true when this page load was one. */
export async function completeOidcSignIn(config: NonNullable<ConsoleConfig['oidc']>): Promise<boolean> {
  if (window.location.pathname !== OIDC_CALLBACK_PATH) return false;
  const user = await oidcManager(config).signinRedirectCallback();
  adopt(user);
  window.history.replaceState(null, '', (user.state as string | undefined) ?? '/');
  return true;
}

/**
 * Always asks the provider to authenticate again (`prompt=login`): on a shared squad-car laptop, the provider's own
 * session must not sign the next officer in as the last one after a sign-out or an idle timeout.
 */
export function startOidcSignIn(config: NonNullable<ConsoleConfig['oidc']>): Promise<void> {
  signedOut = false;
  return oidcManager(config).signinRedirect({ state: window.location.pathname, prompt: 'login' });
}

export async function endOidcSession(): Promise<void> {
  signedOut = true;
  manager?.stopSilentRenew();
  await manager?.removeUser();
}
