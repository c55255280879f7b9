import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, ErrorSummary, Field, formatDateTime, Loading, Page, PATHWAY_LABELS, words } from '../../components/ui.js';
import { CaseManagerQueueDocument, RecordContactAttemptDocument, type CaseManagerQueueQuery, type ContactMethod, type ContactResult } from '../../gql/graphql.js';
import { fieldErrors, generalErrors, refusalsOf } from '../../graphql/errors.js';

type Deflection = CaseManagerQueueQuery['deflections']['edges'][number]['node'];

const METHODS: ContactMethod[] = ['PHONE', 'IN_PERSON', 'TEXT_MESSAGE', 'EMAIL', 'REFERRAL_PORTAL'];
const RESULTS: ContactResult[] = ['HANDED_OFF', 'REACHED', 'LEFT_MESSAGE', 'NO_ANSWER', 'DECLINED'];

/** OPS-D6: hand-offs to take (and every attempt so far), then the reviews the case manager holds with the leaders. */
export function HandOffs({ myName }: { myName: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CaseManagerQueueDocument });
  const active = data?.deflections.edges.map((e) => e.node) ?? [];
  const waiting = active.filter((d) => !d.handedOffAt);
  const followed = active.filter((d) => d.handedOffAt).sort((a, b) => (a.nextReviewDue ?? '9999').localeCompare(b.nextReviewDue ?? '9999'));
  return (
    <Page title="Hand-offs and reviews">
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="your queue" />}
      {data && (
        <>
          <h2>Hand-offs to take ({waiting.length})</h2>
          {waiting.length === 0 ? <p>Every active deflection has been handed off.</p> : waiting.map((d) => <HandOff key={d.id} deflection={d} myName={myName} onRecorded={() => refetch({ requestPolicy: 'network-only' })} />)}
          <h2>Reviews with the leaders ({followed.length})</h2>
          {followed.length > 0 && (
            <DataTable label="Reviews with the leaders" columns={['Reference', 'Person', 'Next review', 'Handed off']}>
              {followed.map((d) => (
                <tr key={d.id}>
                  <td>{d.referenceNumber}</td>
                  <td>
                    {d.participant.givenName} {d.participant.familyName}
                  </td>
                  <td>{d.nextReviewDue ? `${d.nextReviewDue}${d.reviewOverdue ? ' (overdue)' : ''}` : '—'}</td>
                  <td>{formatDateTime(d.handedOffAt!)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </Page>
  );
}

function HandOff({ deflection, myName, onRecorded }: { deflection: Deflection; myName: string; onRecorded: () => void }) {
  // The hub requires the name of whoever took the person over; usually the case manager signed in.
  const [form, setForm] = useState({ method: 'PHONE' as ContactMethod, result: 'HANDED_OFF' as ContactResult, caseManagerName: myName, notes: '' });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, record] = useMutation(RecordContactAttemptDocument);
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  const headingId = `handoff-${deflection.id}`;
  const submit = async () => {
    const answer = await record({
      input: { deflectionId: deflection.id, at: new Date().toISOString(), method: form.method, result: form.result, caseManagerName: form.caseManagerName || null, notes: form.notes || null },
      idempotencyKey: key,
    });
    if (answer.data) {
      // The next attempt is a new one; a retry of this one (no answer) keeps the key.
      setKey(crypto.randomUUID());
      onRecorded();
    }
  };
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {deflection.referenceNumber}: {deflection.participant.givenName} {deflection.participant.familyName}
      </h3>
      <p>
        {PATHWAY_LABELS[deflection.pathway]} in {deflection.county} County, referred {formatDateTime(deflection.referredAt)} by {deflection.initiatedBy?.displayName ?? 'an officer'} (
        {deflection.initiatingUnit?.name ?? 'unit not available'}){deflection.initiatedBy?.phone && <>, <a href={`tel:${deflection.initiatedBy.phone}`}>{deflection.initiatedBy.phone}</a></>}.
      </p>
      {deflection.contactAttempts.length > 0 && (
        <ul aria-label="Contact attempts so far">
          {deflection.contactAttempts.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.at)}: {words(a.method)}, {words(a.result)}
              {a.by && ` (${a.by.displayName})`}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <ErrorSummary refusals={generalErrors(refusals, ['method', 'result', 'caseManagerName', 'notes'])} />
        <Field label="How" error={errors.method}>
          {(p) => (
            <select {...p} value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value as ContactMethod })}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {words(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Result" error={errors.result}>
          {(p) => (
            <select {...p} value={form.result} onChange={(e) => setForm({ ...form, result: e.target.value as ContactResult })}>
              {RESULTS.map((r) => (
                <option key={r} value={r}>
                  {r === 'HANDED_OFF' ? 'Handed off to me' : words(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Case manager" hint="Who took the person over." error={errors.caseManagerName}>
          {(p) => <input {...p} value={form.caseManagerName} onChange={(e) => setForm({ ...form, caseManagerName: e.target.value })} />}
        </Field>
        <Field label="Notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={2} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />}
        </Field>
        <button type="submit" className="primary" disabled={result.fetching}>
          Record
        </button>
      </form>
    </article>
  );
}
