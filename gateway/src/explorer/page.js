// The hub's GraphQL explorer. A plain script on the UMD globals React, ReactDOM and GraphiQL, served as it is:
// no build step, nothing fetched from outside the hub.
'use strict';

(() => {
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const h = React.createElement;
  // The page is served at the GraphQL URL itself (/graphql or /), wherever a proxy mounts the hub.
  const endpoint = window.location.pathname;
  const firstQuery = config.devSignIn
    ? '# Signed in as the persona above; its token is in Headers.\n{\n  me { displayName }\n}\n'
    : '# Put "Authorization": "Bearer <token>" in Headers.\n{\n  me { displayName }\n}\n';

  // Apollo's CSRF prevention accepts a browser's POST only as JSON, so the content type always goes with it.
  function fetcher(params, options) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { ...(options && options.headers), 'content-type': 'application/json' },
      body: JSON.stringify(params),
    }).then((response) => response.json());
  }

  async function getJson(url, init) {
    const response = await fetch(url, init);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `${url} answered ${response.status}`);
    return body;
  }

  async function issueToken(persona) {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) };
    return (await getJson(config.devSignIn.token, init)).token;
  }

  function bearerHeaders(token) {
    return JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
  }

  async function signIn() {
    if (!config.devSignIn) return null;
    const { default: persona, personas } = await getJson(config.devSignIn.personas);
    return { persona, personas, token: await issueToken(persona) };
  }

  function SignInBar({ personas, choice, onChoose, problem }) {
    return h(
      'div',
      { className: 'hub-sign-in' },
      personas && h('label', { htmlFor: 'hub-persona' }, 'Signed in as'),
      personas &&
        h(
          'select',
          { id: 'hub-persona', value: choice, onChange: (event) => onChoose(event.target.value) },
          personas.map((p) => h('option', { key: p.key, value: p.key }, `${p.key}: ${p.description}`)),
        ),
      personas && h('span', { className: 'hub-note' }, 'demo persona, token from the hub’s development issuer'),
      problem && h('span', { role: 'alert' }, problem),
    );
  }

  function Explorer({ session, startProblem }) {
    // `persona` has its token in the headers; `choice` is what the picker shows while a token is on its way.
    const [persona, setPersona] = React.useState(session && session.persona);
    const [choice, setChoice] = React.useState(persona);
    const [headers, setHeaders] = React.useState(session ? bearerHeaders(session.token) : '');
    const [problem, setProblem] = React.useState(startProblem || null);
    const latest = React.useRef(persona);

    function choose(key) {
      setChoice(key);
      latest.current = key;
      issueToken(key).then(
        (token) => {
          // A slower answer for an earlier choice must not replace the token of the last one.
          if (latest.current !== key) return;
          setPersona(key);
          setHeaders(bearerHeaders(token));
          setProblem(null);
        },
        (error) => {
          if (latest.current !== key) return;
          latest.current = persona;
          setChoice(persona);
          setProblem(`No token for ${key}: ${error.message}`);
        },
      );
    }

    return h(
      'div',
      { className: 'hub-explorer' },
      (session || problem) && h(SignInBar, { personas: session && session.personas, choice, onChoose: choose, problem }),
      h(GraphiQL, {
        fetcher,
        headers,
        // New tabs start signed in as the current persona too.
        defaultHeaders: headers,
        defaultQuery: firstQuery,
        defaultEditorToolsVisibility: 'headers',
        // Tokens stay out of localStorage.
        shouldPersistHeaders: false,
      }),
    );
  }

  const root = ReactDOM.createRoot(document.getElementById('explorer'));
  signIn().then(
    (session) => root.render(h(Explorer, { session })),
    (error) => root.render(h(Explorer, { session: null, startProblem: `Development sign-in failed: ${error.message}` })),
  );
})();
