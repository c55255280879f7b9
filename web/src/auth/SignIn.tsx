import { useEffect, useState } from 'react';
import type { ConsoleConfig } from '../config.js';
import { listPersonas, signInAs, type Persona } from './dev-sign-in.js';
import { startOidcSignIn } from './oidc.js';

export function SignIn({ config, notice }: { config: ConsoleConfig; notice: string | null }) {
  return (
    <main className="sign-in">
      <h1 tabIndex={-1}>Illinois Deflection Hub</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {config.authMode === 'dev' ? <PersonaPicker /> : <OidcSignIn config={config} />}
    </main>
  );
}

/** Development only (AUTH_MODE=dev): be any demo persona, with a token from the hub's demo issuer. */
function PersonaPicker() {
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    listPersonas().then((p) => setPersonas(p.personas), (e: Error) => setProblem(e.message));
  }, []);
  const choose = async (key: string) => {
    setBusy(key);
    setProblem(null);
    try {
      await signInAs(key);
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="personas-heading">
      <h2 id="personas-heading">Sign in as a demo persona</h2>
      <p className="hint">Development sign-in: this hub runs with AUTH_MODE=dev, so anyone here can be anyone in the demo data.</p>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {!personas && !problem && <p role="status">Loading the personas…</p>}
      <ul className="personas">
        {personas?.map((p) => (
          <li key={p.key}>
            <button type="button" onClick={() => void choose(p.key)} disabled={busy !== null} data-persona={p.key}>
              {p.description}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OidcSignIn({ config }: { config: ConsoleConfig }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (!config.oidc) return <p className="error-text">The hub has no sign-in configured (CONSOLE_OIDC_CLIENT_ID).</p>;
  const oidc = config.oidc;
  return (
    <section>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="primary" onClick={() => startOidcSignIn(oidc).catch((e: Error) => setProblem(`Sign-in could not start: ${e.message}`))}>
        Sign in with your agency account
      </button>
    </section>
  );
}
