import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { signInAs } from '../auth/dev-sign-in.js';
import { IdleTimer, USE_EVENTS } from '../auth/idle.js';
import { endOidcSession } from '../auth/oidc.js';
import { getSession, setSession, useSession, type Session } from '../auth/session.js';
import { SignIn } from '../auth/SignIn.js';
import { ErrorSummary, Loading } from '../components/ui.js';
import type { ConsoleConfig } from '../config.js';
import { MeDocument, type MeQuery } from '../gql/graphql.js';
import { createHubClient } from '../graphql/client.js';
import { refusalsOf } from '../graphql/errors.js';
import { Administration } from '../screens/admin/Administration.js';
import { HandOffs } from '../screens/case-manager/HandOffs.js';
import { Home } from '../screens/Home.js';
import { Approvals } from '../screens/leaders/Approvals.js';
import { Reviews } from '../screens/leaders/Reviews.js';
import { MyReferrals } from '../screens/officer/MyReferrals.js';
import { QuickReferral } from '../screens/officer/QuickReferral.js';
import { Episodes } from '../screens/provider/Episodes.js';
import { LateList } from '../screens/records/LateList.js';
import { Reporting } from '../screens/records/Reporting.js';
import { PendingCounts } from './Pending.js';
import { Link, navigate, usePath } from './router.js';
import { mayUse, screensFor } from './screens.js';

// The charting library is most of the bundle and only analysts draw charts: an officer's phone never downloads it.
const StatisticsBuilder = lazy(() => import('../screens/analyst/StatisticsBuilder.js').then((module) => ({ default: module.StatisticsBuilder })));

export function App({ config, initialNotice = null }: { config: ConsoleConfig; initialNotice?: string | null }) {
  const session = useSession();
  const [notice, setNotice] = useState<string | null>(initialNotice);
  // A new client per sign-in (every sign-out passes through "nobody"; a renewed token keeps the client): nothing one
  // person fetched stays in a cache the next person on this device could read.
  const signedIn = session !== null;
  const client = useMemo(() => createHubClient(), [signedIn]);
  if (!session) return <SignIn config={config} notice={notice} />;
  return (
    <Provider value={client}>
      <Shell config={config} session={session} onSignedOut={setNotice} />
    </Provider>
  );
}

async function signOut(): Promise<void> {
  await endOidcSession().catch(() => {});
  setSession(null);
  navigate('/');
}

/** Renews a demo token a minute before it expires (oidc-client-ts renews provider tokens itself). */
function useDevRenewal(session: Session) {
  useEffect(() => {
    if (session.source.kind !== 'dev') return;
    const persona = session.source.persona;
    const timer = window.setTimeout(
      () => void signInAs(persona, session.token).catch(() => getSession()?.token === session.token && setSession(null)),
      Math.max(5_000, session.expiresAt - Date.now() - 60_000),
    );
    return () => window.clearTimeout(timer);
  }, [session]);
}

function useIdleSignOut(minutes: number, onSignedOut: (notice: string) => void) {
  useEffect(() => {
    if (minutes <= 0) return;
    const timer = new IdleTimer(minutes * 60_000, () => {
      if (!getSession()) return;
      void signOut().then(() => onSignedOut(`You were signed out after ${minutes} minutes without use.`));
    });
    const used = () => timer.used();
    for (const event of USE_EVENTS) window.addEventListener(event, used, { passive: true });
    return () => {
      timer.stop();
      for (const event of USE_EVENTS) window.removeEventListener(event, used);
    };
  }, [minutes, onSignedOut]);
}

function Shell({ config, session, onSignedOut }: { config: ConsoleConfig; session: Session; onSignedOut: (notice: string) => void }) {
  useDevRenewal(session);
  useIdleSignOut(config.idleMinutes, onSignedOut);
  const [{ data, error }] = useQuery({ query: MeDocument });
  const path = usePath();
  if (!data) {
    return <main>{error ? <ErrorSummary refusals={refusalsOf(error)} /> : <Loading what="your account" />}</main>;
  }
  const me = data.me;
  const screens = screensFor(me.roles);
  const actingFor = me.designations.filter((d) => d.validToday).map((d) => d.delegatedBy.displayName);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="who">
          <strong>{me.displayName}</strong>
          <span>{me.agency.name}</span>
          {actingFor.length > 0 && <span className="acting-for">Acting for {actingFor.join(', ')}</span>}
        </div>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav aria-label="Screens">
        <ul>
          <li>
            <Link to="/">Home</Link>
          </li>
          {screens.map((s) => (
            <li key={s.path}>
              <Link to={s.path}>{s.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        <Screen path={path} me={me} pollMs={config.pollSeconds * 1000} />
      </main>
    </>
  );
}

function Screen({ path, me, pollMs }: { path: string; me: MeQuery['me']; pollMs: number }) {
  if (path === '/' || !mayUse(me.roles, path)) return <Home me={me} notFound={path !== '/'} pending={<PendingCounts roles={me.roles} pollMs={pollMs} />} />;
  switch (path) {
    case '/refer':
      return <QuickReferral personId={me.id} />;
    case '/referrals':
      return <MyReferrals roles={me.roles} />;
    case '/approvals':
      return <Approvals />;
    case '/reviews':
      return <Reviews />;
    case '/hand-offs':
      return <HandOffs myName={me.displayName} />;
    case '/episodes':
      return <Episodes />;
    case '/statistics':
      return (
        <Suspense fallback={<Loading what="the statistics builder" />}>
          <StatisticsBuilder />
        </Suspense>
      );
    case '/reporting':
      return <Reporting />;
    case '/late-list':
      return <LateList />;
    case '/administration':
      return <Administration roles={me.roles} />;
    default:
      return null;
  }
}
