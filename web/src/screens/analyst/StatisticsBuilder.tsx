import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useMemo, useReducer, useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { DataTable, ErrorSummary, Field, Loading, Page, PATHWAY_LABELS } from '../../components/ui.js';
import { RunStatisticsDocument, type Pathway, type StatisticDimension, type StatisticMeasure, type StatisticsQuery } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';
import { StateDataSetExport } from './StateDataSetExport.js';
import { builderReducer, chartSeries, initialBuilderState, label, MAX_DIMENSIONS, toCsv, toQuery, toTable } from './builder-state.js';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const DIMENSIONS: StatisticDimension[] = ['MONTH', 'QUARTER', 'YEAR', 'PATHWAY', 'COUNTY', 'COUNTS_FOR', 'STATUS', 'OUTCOME', 'CALL_TYPE', 'CHANNEL', 'SERVICE', 'AGE_BAND', 'SEX', 'RACE', 'ETHNICITY'];
const MEASURES: StatisticMeasure[] = [
  'DEFLECTIONS',
  'DISTINCT_PEOPLE',
  'REPEAT_DEFLECTION_SHARE',
  'REFERRED_TO_TREATMENT',
  'APPROVALS',
  'DECLINES',
  'HAND_OFF_RATE',
  'HOURS_TO_HAND_OFF_MEDIAN',
  'DAYS_TO_TREATMENT_MEDIAN',
  'ENGAGEMENT_30_DAY_RATE',
  'RETENTION_90_DAY_RATE',
];
const PALETTE = ['#0b3d6b', '#b35900', '#2e7d32', '#6a1b9a', '#c62828', '#00695c', '#4e342e'];

/** The analyst's own statistics: filters, group-by and measures, drawn as a chart and a table; CSV to take away. */
export function StatisticsBuilder() {
  const [state, dispatch] = useReducer(builderReducer, undefined, initialBuilderState);
  const [asked, setAsked] = useState<StatisticsQuery>(() => toQuery(initialBuilderState()));
  const [{ data, fetching, error }] = useQuery({ query: RunStatisticsDocument, variables: { query: asked } });
  const result = data?.statistics;
  const table = useMemo(() => (result ? toTable(result) : null), [result]);
  const series = useMemo(() => (result ? chartSeries(result) : null), [result]);
  const download = () => {
    if (!table) return;
    const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'statistics.csv' });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Page title="Statistics">
      <form
        className="builder"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(toQuery(state));
        }}
      >
        <fieldset>
          <legend>Group by (up to {MAX_DIMENSIONS})</legend>
          {DIMENSIONS.map((d) => (
            <label key={d} className="choice inline">
              <input type="checkbox" checked={state.groupBy.includes(d)} onChange={() => dispatch({ type: 'toggleDimension', dimension: d })} /> {label(d)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Measures</legend>
          {MEASURES.map((m) => (
            <label key={m} className="choice inline">
              <input type="checkbox" checked={state.measures.includes(m)} onChange={() => dispatch({ type: 'toggleMeasure', measure: m })} /> {label(m)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Only these pathways (none: all)</legend>
          {(Object.keys(PATHWAY_LABELS) as Pathway[]).map((p) => (
            <label key={p} className="choice inline">
              <input type="checkbox" checked={state.pathways.includes(p)} onChange={() => dispatch({ type: 'togglePathway', pathway: p })} /> {PATHWAY_LABELS[p]}
            </label>
          ))}
        </fieldset>
        <div className="range">
          <Field label="Referred from">{(p) => <input {...p} type="date" value={state.from} onChange={(e) => dispatch({ type: 'setRange', from: e.target.value, to: state.to })} />}</Field>
          <Field label="Referred to">{(p) => <input {...p} type="date" value={state.to} onChange={(e) => dispatch({ type: 'setRange', from: state.from, to: e.target.value })} />}</Field>
        </div>
        {state.problem && (
          <p className="error-text" role="alert">
            {state.problem}
          </p>
        )}
        <button type="submit" className="primary">
          Show
        </button>
      </form>
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && <Loading what="the statistic" />}
      {result && table && (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">Result</h2>
          <p className="hint">{result.disclosureControl}</p>
          {series && (
            <figure className="chart">
              <Bar
                aria-label={`${series.measure} by ${label(result.groupBy[0] ?? '')}; the table below has every figure`}
                role="img"
                data={{
                  labels: series.labels,
                  datasets: series.datasets.map((d, i) => ({ label: d.label, data: d.values, backgroundColor: PALETTE[i % PALETTE.length] })),
                }}
                options={{ responsive: true, animation: false, plugins: { legend: { position: 'bottom' } } }}
              />
              <figcaption>
                {series.measure}. Suppressed cells are left out of the chart and marked in the table.
              </figcaption>
            </figure>
          )}
          <button type="button" onClick={download}>
            Download CSV
          </button>
          <DataTable label="Statistic table" columns={table.columns}>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={cell.suppressed ? 'suppressed' : undefined}>
                    {cell.text}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {!result && !fetching && !error && <Loading what="the statistic" />}
      <StateDataSetExport />
    </Page>
  );
}
