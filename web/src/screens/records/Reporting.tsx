import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, ErrorSummary, Field, formatDateTime, Loading, Page, words } from '../../components/ui.js';
import { CrisisMonthViewDocument, SubmitCrisisMonthDocument, UseOfForceViewDocument, type ForceSubmissionFragment } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';
import { previousMonth } from './months.js';

/** Crisis incidents of a month and their submission to ISP (IAC-1 to IAC-4), and use-of-force submissions (IAC-6). */
export function Reporting() {
  const [month, setMonth] = useState(previousMonth);
  return (
    <Page title="Crisis and use-of-force reporting">
      <Field label="Month" hint="The month whose report you are working on.">
        {(p) => <input {...p} type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />}
      </Field>
      <CrisisMonth month={month} />
      <UseOfForce month={month} />
    </Page>
  );
}

function CrisisMonth({ month }: { month: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CrisisMonthViewDocument, variables: { month } });
  const [submitted, submit] = useMutation(SubmitCrisisMonthDocument);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const status = data?.crisisMonth;
  const send = async () => {
    const answer = await submit({ month, idempotencyKey: key });
    if (answer.data) {
      setKey(crypto.randomUUID());
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <section aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">Crisis incidents of {month}</h2>
      <ErrorSummary refusals={[...refusalsOf(error), ...refusalsOf(submitted.error)]} />
      {fetching && !data && <Loading what="the month" />}
      {status && (
        <>
          <dl className="figures">
            <div>
              <dt>Standing</dt>
              <dd>{words(status.standing)}</dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>{status.dueOn}</dd>
            </div>
            <div>
              <dt>Incidents</dt>
              <dd>{status.incidents}</dd>
            </div>
          </dl>
          {status.latestSubmission && (
            <p>
              Last submitted {formatDateTime(status.latestSubmission.submittedAt)} by {status.latestSubmission.submittedBy?.displayName ?? '—'} (version{' '}
              {status.latestSubmission.version}, {status.latestSubmission.zeroReport ? 'no incidents' : `${status.latestSubmission.incidentCount} incidents`}
              {status.latestSubmission.late ? ', late' : ''}).
            </p>
          )}
          <button type="button" className="primary" disabled={submitted.fetching} onClick={() => void send()}>
            {status.latestSubmission ? 'Submit again to ISP' : status.incidents === 0 ? 'Submit a report of no incidents' : 'Submit to ISP'}
          </button>
        </>
      )}
      {data && data.crisisIncidents.length > 0 && (
        <DataTable label="Crisis incidents" columns={['Incident', 'Dispatched', 'Reason', 'Arrival', 'Outcomes']}>
          {data.crisisIncidents.map((i) => (
            <tr key={i.id}>
              <td>{i.agencyIncidentNumber ?? '—'}</td>
              <td>{formatDateTime(i.dispatchedAt)}</td>
              <td>{i.dispatchReason}</td>
              <td>{words(i.arrival)}</td>
              <td>{i.outcomes.map(words).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function UseOfForce({ month }: { month: string }) {
  const [{ data, fetching, error }] = useQuery({ query: UseOfForceViewDocument, variables: { month } });
  return (
    <section aria-labelledby="force-heading">
      <h2 id="force-heading">Use of force</h2>
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="use-of-force submissions" />}
      {data && (
        <>
          <h3>Rejected, waiting to be corrected ({data.useOfForceRejections.length})</h3>
          {data.useOfForceRejections.length === 0 ? <p>Nothing was rejected.</p> : <ForceTable label="Rejected use-of-force submissions" rows={data.useOfForceRejections} />}
          <h3>Submissions for {month}</h3>
          {data.useOfForceSubmissions.length === 0 ? <p>None yet.</p> : <ForceTable label={`Use-of-force submissions for ${month}`} rows={data.useOfForceSubmissions} />}
        </>
      )}
    </section>
  );
}

function ForceTable({ label, rows }: { label: string; rows: readonly ForceSubmissionFragment[] }) {
  return (
    <DataTable label={label} columns={['Month', 'Version', 'State', 'Incidents', 'Submitted', 'Reason']}>
      {rows.map((s) => (
        <tr key={s.id}>
          <td>{s.month}</td>
          <td>{s.version}</td>
          <td>{words(s.state)}{s.superseded ? ' (superseded)' : ''}</td>
          <td>{s.zeroReport ? 'none' : s.incidentCount}</td>
          <td>{s.submittedAt ? formatDateTime(s.submittedAt) : '—'}</td>
          <td>{s.rejectionReason ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
