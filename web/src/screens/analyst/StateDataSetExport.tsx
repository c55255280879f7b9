import { useState } from 'react';
import { useQuery } from 'urql';
import { getSession } from '../../auth/session.js';
import { ErrorSummary, Field, Loading, words } from '../../components/ui.js';
import { StateDataSetSummaryDocument } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';

function lastQuarter(now = new Date()): { year: number; quarter: number } {
  const quarter = Math.floor(now.getMonth() / 3);
  return quarter === 0 ? { year: now.getFullYear() - 1, quarter: 4 } : { year: now.getFullYear(), quarter };
}

/**
 * The state's minimum data set for a quarter, downloaded as the hub renders it. The file is fetched with the
 * Authorization header like any request and handed to the browser as a blob: a link carrying the token would leave it
 * in history and logs.
 */
export function StateDataSetExport() {
  const [period, setPeriod] = useState(lastQuarter);
  const [{ data, fetching, error }] = useQuery({ query: StateDataSetSummaryDocument, variables: period });
  const [problem, setProblem] = useState<string | null>(null);
  const set = data?.stateDataSet;
  const download = async () => {
    if (!set) return;
    setProblem(null);
    const response = await fetch(set.csvPath, { headers: { authorization: `Bearer ${getSession()?.token ?? ''}` } });
    if (!response.ok) {
      setProblem(`The hub refused the download (${response.status}).`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `state-data-set-${set.year}-Q${set.quarter}.csv` });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="state-data-set-heading">
      <h2 id="state-data-set-heading">State data set</h2>
      <div className="range">
        <Field label="Year">{(p) => <input {...p} type="number" value={period.year} onChange={(e) => setPeriod({ ...period, year: Number(e.target.value) })} />}</Field>
        <Field label="Quarter">
          {(p) => (
            <select {...p} value={period.quarter} onChange={(e) => setPeriod({ ...period, quarter: Number(e.target.value) })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="the data set" />}
      {set && (
        <>
          <p>
            {set.from} to {set.to}: {set.programs.length} programs ({set.programs.map((p) => `${p.program?.name ?? 'unnamed'}, ${words(p.programRole)}`).join('; ')}).
          </p>
          <p className="hint">{set.disclosureControl}</p>
          {problem && (
            <p className="error-text" role="alert">
              {problem}
            </p>
          )}
          <button type="button" onClick={() => void download()}>
            Download the state data set (CSV)
          </button>
        </>
      )}
    </section>
  );
}
