import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { completeOidcSignIn } from './auth/oidc.js';
import { loadConfig } from './config.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

try {
  const config = await loadConfig();
  if (config.authMode === 'oidc' && config.oidc) await completeOidcSignIn(config.oidc);
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main>
      <h1>Illinois Deflection Hub</h1>
      <p role="alert">The console could not start: {(error as Error).message}</p>
    </main>,
  );
}
