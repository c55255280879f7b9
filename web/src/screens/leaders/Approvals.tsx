import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Field, formatDateTime, Loading, Page, PATHWAY_LABELS } from '../../components/ui.js';
import { ApprovalsWaitingDocument, DecideApprovalDocument, type ApprovalDecision, type ApprovalsWaitingQuery } from '../../gql/graphql.js';
import { fieldErrors, generalErrors, refusalsOf } from '../../graphql/errors.js';

type Waiting = ApprovalsWaitingQuery['deflections']['edges'][number]['node'];

/** OPS-092 III.D: the MEG Director, Task Force Commander or a designee decides on DOP/DCI deflections. */
export function Approvals() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApprovalsWaitingDocument, requestPolicy: 'cache-and-network' });
  return (
    <Page title="Approvals waiting">
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="approvals" />}
      {data && data.deflections.edges.length === 0 && <p>Nothing waits for your decision.</p>}
      {data?.deflections.edges.map(({ node }) => <Decision key={node.id} deflection={node} onDecided={() => refetch({ requestPolicy: 'network-only' })} />)}
    </Page>
  );
}

function Decision({ deflection, onDecided }: { deflection: Waiting; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [result, decide] = useMutation(DecideApprovalDocument);
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  const send = async (decision: ApprovalDecision) => {
    const answer = await decide({ input: { deflectionId: deflection.id, version: deflection.version, decision, reason } });
    if (answer.data) onDecided();
  };
  const headingId = `approval-${deflection.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {deflection.referenceNumber}: {deflection.participant.givenName} {deflection.participant.familyName}
      </h2>
      <p>
        {PATHWAY_LABELS[deflection.pathway]} in {deflection.county} County, referred {formatDateTime(deflection.referredAt)} by{' '}
        {deflection.initiatedBy?.displayName ?? 'an officer'} ({deflection.initiatingUnit?.name ?? 'unit not available'}).
        {deflection.priorDeflectionCount > 0 && ` Deflected ${deflection.priorDeflectionCount} time(s) before.`}
      </p>
      <blockquote>{deflection.narrative}</blockquote>
      <ErrorSummary refusals={generalErrors(refusals, ['reason'])} />
      <Field label="Reason for the decision" error={errors.reason}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="button" className="primary" disabled={result.fetching} onClick={() => void send('APPROVED')}>
          Approve
        </button>
        <button type="button" className="secondary" disabled={result.fetching} onClick={() => void send('DECLINED')}>
          Decline
        </button>
      </div>
    </article>
  );
}
