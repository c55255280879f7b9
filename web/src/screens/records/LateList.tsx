import { useState } from 'react';
import { useQuery } from 'urql';
import { DataTable, ErrorSummary, Field, formatDateTime, Loading, Page, words } from '../../components/ui.js';
import { CrisisReportingStatusDocument, type CrisisStanding } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';
import { latestPastDueMonth } from './months.js';

const STANDINGS: CrisisStanding[] = ['LATE', 'DUE', 'CORRECTION_PENDING', 'SUBMITTED_LATE', 'SUBMITTED'];

/** ISP reporting staff: which agencies have not filed a month's crisis report (the late list), and everyone else's standing. */
export function LateList() {
  const [month, setMonth] = useState(latestPastDueMonth);
  const [standing, setStanding] = useState<CrisisStanding | ''>('LATE');
  const [{ data, fetching, error }] = useQuery({ query: CrisisReportingStatusDocument, variables: { month, standings: standing ? [standing] : null } });
  const rows = data?.crisisReportingStatus ?? [];
  return (
    <Page title="Crisis reporting across Illinois">
      <div className="range">
        <Field label="Month">{(p) => <input {...p} type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />}</Field>
        <Field label="Standing">
          {(p) => (
            <select {...p} value={standing} onChange={(e) => setStanding(e.target.value as CrisisStanding | '')}>
              <option value="">Every standing</option>
              {STANDINGS.map((s) => (
                <option key={s} value={s}>
                  {words(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="the standings" />}
      {data && (
        <>
          <p role="status">
            {rows.length} {rows.length === 1 ? 'agency' : 'agencies'}
            {standing ? ` ${words(standing).toLowerCase()}` : ''} for {month}.
          </p>
          {rows.length > 0 && (
            <DataTable label="Agencies and their standing" columns={['Agency', 'Standing', 'Due', 'Incidents', 'Last submitted']}>
              {rows.map((r, i) => (
                <tr key={r.agency?.id ?? i}>
                  <td>{r.agency?.name ?? '—'}</td>
                  <td>{words(r.standing)}</td>
                  <td>{r.dueOn}</td>
                  <td>{r.incidents}</td>
                  <td>{r.latestSubmission ? `${formatDateTime(r.latestSubmission.submittedAt)} (version ${r.latestSubmission.version})` : '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </Page>
  );
}
