import type { ReactNode } from 'react';
import { Link } from '../app/router.js';
import { screensFor } from '../app/screens.js';
import { Page, words } from '../components/ui.js';
import type { MeQuery } from '../gql/graphql.js';

export function Home({ me, notFound, pending }: { me: MeQuery['me']; notFound: boolean; pending: ReactNode }) {
  const screens = screensFor(me.roles);
  return (
    <Page title={`Hello, ${me.displayName}`} intro={<p>Signed in as {me.roles.map(words).join(', ')} at {me.agency.name}.</p>}>
      {notFound && (
        <p className="notice" role="status">
          That screen is not one of yours; here is what is.
        </p>
      )}
      {pending}
      {screens.length > 0 ? (
        <ul className="tiles">
          {screens.map((s) => (
            <li key={s.path}>
              <Link to={s.path}>{s.label}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>Your roles have no screens in this console yet; partner frontends and the GraphQL explorer at /graphql serve them.</p>
      )}
    </Page>
  );
}
