import { useQuery } from 'urql';
import { DataTable, ErrorSummary, Figure, formatDateTime, Loading, Page, PATHWAY_LABELS, words } from '../../components/ui.js';
import { MyReferralsDocument, OutcomeFeedbackDocument, UnitOutcomeFeedbackDocument, type OutcomeFiguresFragment, type Role } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';

/** FB-2 and FB-3: the referrals the hub lets this officer (or supervisor, for the unit) see, and how they turned out. */
export function MyReferrals({ roles }: { roles: readonly Role[] }) {
  const [{ data, fetching, error }] = useQuery({ query: MyReferralsDocument, variables: { first: 25 } });
  const supervisor = roles.includes('SUPERVISOR');
  return (
    <Page title={supervisor ? 'Referrals of my unit' : 'My referrals'}>
      <ErrorSummary refusals={refusalsOf(error)} />
      <Feedback supervisor={supervisor} />
      <h2>Newest referrals</h2>
      {fetching && !data && <Loading what="referrals" />}
      {data && data.deflections.edges.length === 0 && <p>No referrals yet.</p>}
      {data && data.deflections.edges.length > 0 && (
        <DataTable label="Referrals" columns={['Reference', 'Person', 'Pathway', 'Status', 'Referred', ...(supervisor ? ['By'] : [])]}>
          {data.deflections.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>{node.referenceNumber}</td>
              <td>
                {node.participant.givenName} {node.participant.familyName}
              </td>
              <td>{PATHWAY_LABELS[node.pathway] ?? node.pathway}</td>
              <td>{node.outcome ? words(node.outcome.kind) : words(node.status)}</td>
              <td>{formatDateTime(node.referredAt)}</td>
              {supervisor && <td>{node.initiatedBy?.displayName ?? '—'}</td>}
            </tr>
          ))}
        </DataTable>
      )}
    </Page>
  );
}

const FIGURES: [keyof Omit<OutcomeFiguresFragment, 'from' | 'to' | '__typename'>, string][] = [
  ['referrals', 'Referrals'],
  ['people', 'People'],
  ['handedOff', 'Handed off to a case manager'],
  ['engagedWithin30Days', 'Engaged in treatment within 30 days'],
  ['retainedAt90Days', 'Still in treatment at 90 days'],
  ['completedTreatment', 'Completed treatment'],
  ['repeatDeflections', 'Deflected again'],
];

/** Aggregated and suppressed by the hub: small counts come back suppressed, so no person can be picked out. */
function Feedback({ supervisor }: { supervisor: boolean }) {
  const [mine] = useQuery({ query: OutcomeFeedbackDocument, pause: supervisor });
  const [unit] = useQuery({ query: UnitOutcomeFeedbackDocument, pause: !supervisor });
  const figures = supervisor ? unit.data?.unitReferralOutcomes : mine.data?.myReferralOutcomes;
  const error = supervisor ? unit.error : mine.error;
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">How they turned out</h2>
      <ErrorSummary refusals={refusalsOf(error)} />
      {!figures && !error && <Loading what="outcomes" />}
      {figures && (
        <dl className="figures">
          {FIGURES.map(([key, label]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>
                <Figure value={figures[key].value} suppressed={figures[key].suppressed} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
