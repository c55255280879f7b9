import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { completeOidcSignIn, completeSilentRenewal } from './auth/oidc.js';
import { loadConfig } from './config.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const config = await loadConfig();
  const oidc = config.authMode === 'oidc' ? config.oidc : null;
  // The hidden frame of a silent renewal renders nothing: it only passes the answer to the console around it.
  if (oidc && (await completeSilentRenewal(oidc))) return;
  // A failed return from the provider (refused consent, an expired request) shows on the sign-in screen.
  const notice = oidc
    ? await completeOidcSignIn(oidc).then(
        () => null,
        (error: Error) => {
          window.history.replaceState(null, '', '/');
          return `Sign-in did not complete: ${error.message}`;
        },
      )
    : null;
  root.render(
    <StrictMode>
      <App config={config} initialNotice={notice} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <main>
      <h1>Illinois Deflection Hub</h1>
      <p role="alert">The console could not start: {(error as Error).message}</p>
    </main>,
  );
});
