import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, ErrorSummary, formatDateTime, Loading, Page, Part2Notice, words } from '../../components/ui.js';
import { BulkUpdateEpisodesDocument, MyEpisodesDocument, UpdateEpisodeDocument, type BulkUpdateEpisodesMutation, type MyEpisodesQuery } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';
import { Capacity } from './Capacity.js';
import { EpisodeDetail } from './EpisodeDetail.js';
import { parseOutcomeCsv } from './outcome-csv.js';

/** TRT-4: the provider's episodes, newest first; a referral is acknowledged here, and outcomes arrive in bulk by CSV. */
export function Episodes() {
  const [waiting, refetchWaiting] = useQuery({ query: MyEpisodesDocument, variables: { state: ['REFERRED'], first: 100 } });
  const [recent, refetchRecent] = useQuery({ query: MyEpisodesDocument, variables: { first: 25 } });
  const [acknowledging, acknowledge] = useMutation(UpdateEpisodeDocument);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => {
    refetchWaiting({ requestPolicy: 'network-only' });
    refetchRecent({ requestPolicy: 'network-only' });
  };
  const toAcknowledge = waiting.data?.myEpisodes.edges.map((e) => e.node) ?? [];
  // The sites this person works for, as their episodes name them.
  const providers = [...new Map([...toAcknowledge, ...(recent.data?.myEpisodes.edges.map((e) => e.node) ?? [])].map((e) => [e.provider.id, e.provider])).values()];
  return (
    <Page title="Treatment episodes">
      <Part2Notice extensions={waiting.extensions ?? recent.extensions} />
      <ErrorSummary refusals={[...refusalsOf(waiting.error), ...refusalsOf(recent.error), ...refusalsOf(acknowledging.error)]} />
      <h2>Referrals to acknowledge ({toAcknowledge.length})</h2>
      {waiting.fetching && !waiting.data && <Loading what="referrals" />}
      {waiting.data && toAcknowledge.length === 0 && <p>No referral waits for you.</p>}
      {toAcknowledge.length > 0 && (
        <EpisodeTable
          label="Referrals to acknowledge"
          episodes={toAcknowledge}
          action={(node) => (
            <button
              type="button"
              disabled={acknowledging.fetching}
              aria-label={`Acknowledge the referral of ${node.patient.givenName} ${node.patient.familyName}`}
              onClick={() => void acknowledge({ input: { episodeId: node.id, version: node.version, toState: 'ACKNOWLEDGED', at: new Date().toISOString() } }).then((r) => r.data && refresh())}
            >
              Acknowledge
            </button>
          )}
        />
      )}
      <h2>Recent episodes</h2>
      {recent.fetching && !recent.data && <Loading what="episodes" />}
      {recent.data && (
        <EpisodeTable
          label="Recent episodes"
          episodes={recent.data.myEpisodes.edges.map((e) => e.node)}
          action={(node) => (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(node.id);
                requestAnimationFrame(() => document.getElementById('episode-heading')?.focus());
              }}
            >
              Open<span className="visually-hidden"> the episode of {node.patient.givenName} {node.patient.familyName}</span>
            </button>
          )}
        />
      )}
      {open && <EpisodeDetail key={open} id={open} onChanged={refresh} />}
      <h2>Capacity</h2>
      {providers.length === 0 ? <p>No episode names a provider of yours yet.</p> : providers.map((p) => <Capacity key={p.id} providerId={p.id} />)}
      <BulkUpload onApplied={refresh} />
    </Page>
  );
}

type Episode = MyEpisodesQuery['myEpisodes']['edges'][number]['node'];

function EpisodeTable({ label, episodes, action }: { label: string; episodes: Episode[]; action?: (episode: Episode) => ReactNode }) {
  return (
    <DataTable label={label} columns={['Patient', 'Service', 'State', 'Referred', 'Episode id', ...(action ? ['Action'] : [])]}>
      {episodes.map((node) => (
        <tr key={node.id}>
          <td>
            {node.patient.givenName} {node.patient.familyName}
          </td>
          <td>{words(node.service)}</td>
          <td>{words(node.state)}</td>
          <td>{formatDateTime(node.referredAt)}</td>
          <td>
            <code>{node.id}</code>
          </td>
          {action && <td>{action(node)}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

type BulkResult = BulkUpdateEpisodesMutation['bulkUpdateEpisodes'];

function BulkUpload({ onApplied }: { onApplied: () => void }) {
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [bulk, send] = useMutation(BulkUpdateEpisodesDocument);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setResult(null);
    if (!file) return;
    const parsed = parseOutcomeCsv(await file.text());
    setProblems(parsed.problems);
    if (parsed.problems.length > 0 || parsed.updates.length === 0) return;
    // One key per file content: uploading the same file again replays the first answer instead of applying twice.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(parsed.updates)));
    const key = `outcomes-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const answer = await send({ updates: parsed.updates, idempotencyKey: key });
    if (answer.data) {
      setResult(answer.data.bulkUpdateEpisodes);
      onApplied();
    }
  };
  return (
    <section aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">Update outcomes from a CSV file</h2>
      <p className="hint">
        Columns: episodeId, toState, at, and optionally reason, intakeScheduledFor, clientUpdateId. Each row is judged on its own; the table below says what happened
        to each.
      </p>
      <label htmlFor="outcomes-file">CSV file of outcome updates</label>
      <input id="outcomes-file" type="file" accept=".csv,text/csv" onChange={(e) => void upload(e)} />
      {problems.length > 0 && (
        <div className="error-summary" role="alert">
          <h3>The file could not be read</h3>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorSummary refusals={refusalsOf(bulk.error)} />
      {result && (
        <>
          <p role="status">
            {result.applied} applied, {result.rejected} rejected, {result.duplicates} already applied.
          </p>
          <DataTable label="Result per row" columns={['Row', 'Result', 'State now', 'Why']}>
            {result.results.map((r) => (
              <tr key={r.index} className={r.status === 'REJECTED' ? 'rejected' : undefined}>
                <td>{r.index + 2}</td>
                <td>{words(r.status)}</td>
                <td>{r.episode ? words(r.episode.state) : '—'}</td>
                <td>{r.reason ? `${r.field ? `${r.field}: ` : ''}${r.reason}` : ''}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
