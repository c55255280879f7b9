import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Field, Loading, Page, PATHWAY_LABELS, words } from '../../components/ui.js';
import { CloseDeflectionDocument, RecordReviewDocument, ReviewsDueDocument, type DeflectionOutcome, type ReviewFinding, type ReviewRowFragment } from '../../gql/graphql.js';
import { fieldErrors, generalErrors, refusalsOf } from '../../graphql/errors.js';
import { illinoisToday } from '../../dates.js';

const WITHIN_DAYS = 14;

/** Reviews the leaders hold with the case manager (OPS-092 III.E): overdue first, then those due within two weeks. */
export function Reviews() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReviewsDueDocument, variables: { withinDays: WITHIN_DAYS } });
  const overdue = data?.overdueReviews ?? [];
  const due = (data?.reviewsDue ?? []).filter((d) => !overdue.some((o) => o.id === d.id));
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page title="Reviews">
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="reviews" />}
      {data && (
        <>
          <h2>Overdue ({overdue.length})</h2>
          {overdue.length === 0 ? <p>None overdue.</p> : overdue.map((d) => <ReviewCard key={d.id} deflection={d} onRecorded={refresh} />)}
          <h2>
            Due within {WITHIN_DAYS} days ({due.length})
          </h2>
          {due.length === 0 ? <p>None due.</p> : due.map((d) => <ReviewCard key={d.id} deflection={d} onRecorded={refresh} />)}
        </>
      )}
    </Page>
  );
}


function ReviewCard({ deflection, onRecorded }: { deflection: ReviewRowFragment; onRecorded: () => void }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ heldOn: illinoisToday(), caseManagerName: '', finding: 'PROGRESSING' as ReviewFinding, notes: '' });
  const [result, record] = useMutation(RecordReviewDocument);
  const [key] = useState(() => crypto.randomUUID());
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  const headingId = `review-${deflection.id}`;
  const submit = async () => {
    const answer = await record({ input: { deflectionId: deflection.id, version: deflection.version, ...form, notes: form.notes || null }, idempotencyKey: key });
    if (answer.data) onRecorded();
  };
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {deflection.referenceNumber}: {deflection.participant.givenName} {deflection.participant.familyName}
      </h3>
      <p>
        {PATHWAY_LABELS[deflection.pathway]}, {words(deflection.status)}. Review due {deflection.nextReviewDue ?? '—'}
        {deflection.lastReviewedOn && `, last held ${deflection.lastReviewedOn}`}. Case management: {deflection.caseManagementOrganization?.name ?? '—'}.
      </p>
      {!open && (
        <div className="actions">
          <button type="button" onClick={() => setOpen(true)}>
            Record a review
          </button>
          <CloseWithOutcome deflection={deflection} onClosed={onRecorded} />
        </div>
      )}
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <ErrorSummary refusals={generalErrors(refusals, ['heldOn', 'caseManagerName', 'finding', 'notes'])} />
          <Field label="Held on" error={errors.heldOn}>
            {(p) => <input {...p} type="date" value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} />}
          </Field>
          <Field label="Case manager" error={errors.caseManagerName}>
            {(p) => <input {...p} value={form.caseManagerName} onChange={(e) => setForm({ ...form, caseManagerName: e.target.value })} />}
          </Field>
          <Field label="Finding" error={errors.finding}>
            {(p) => (
              <select {...p} value={form.finding} onChange={(e) => setForm({ ...form, finding: e.target.value as ReviewFinding })}>
                <option value="PROGRESSING">Progressing</option>
                <option value="SUCCESSFUL">Successful</option>
                <option value="UNSUCCESSFUL">Unsuccessful</option>
              </select>
            )}
          </Field>
          <Field label="Notes" error={errors.notes}>
            {(p) => <textarea {...p} rows={2} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />}
          </Field>
          <button type="submit" className="primary" disabled={result.fetching}>
            Record the review
          </button>
        </form>
      )}
    </article>
  );
}

/** OPS-D8 and III.E.2: close with the outcome; an unsuccessful one may go to the prosecuting attorney at once. */
function CloseWithOutcome({ deflection, onClosed }: { deflection: ReviewRowFragment; onClosed: () => void }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ outcome: 'SUCCESSFUL' as DeflectionOutcome, reason: '', prosecutingAttorney: '', submittedToProsecutorOn: illinoisToday() });
  const [result, close] = useMutation(CloseDeflectionDocument);
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Record the outcome
      </button>
    );
  }
  const unsuccessful = form.outcome === 'UNSUCCESSFUL';
  const submit = async () => {
    const answer = await close({
      input: {
        deflectionId: deflection.id,
        version: deflection.version,
        outcome: form.outcome,
        reason: form.reason || null,
        prosecutingAttorney: unsuccessful && form.prosecutingAttorney ? form.prosecutingAttorney : null,
        submittedToProsecutorOn: unsuccessful && form.prosecutingAttorney ? form.submittedToProsecutorOn : null,
      },
    });
    if (answer.data) onClosed();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <ErrorSummary refusals={generalErrors(refusals, ['outcome', 'reason', 'prosecutingAttorney', 'submittedToProsecutorOn'])} />
      <Field label="Outcome" error={errors.outcome}>
        {(p) => (
          <select {...p} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value as DeflectionOutcome })}>
            <option value="SUCCESSFUL">Successful: the plan was completed</option>
            <option value="UNSUCCESSFUL">Unsuccessful: not completed</option>
          </select>
        )}
      </Field>
      <Field label="Reason" error={errors.reason}>
        {(p) => <input {...p} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />}
      </Field>
      {unsuccessful && (
        <>
          <Field label="Submitted to the prosecuting attorney" hint="Leave empty if it is not submitted." error={errors.prosecutingAttorney}>
            {(p) => <input {...p} value={form.prosecutingAttorney} onChange={(e) => setForm({ ...form, prosecutingAttorney: e.target.value })} />}
          </Field>
          <Field label="Submitted on" error={errors.submittedToProsecutorOn}>
            {(p) => <input {...p} type="date" value={form.submittedToProsecutorOn} onChange={(e) => setForm({ ...form, submittedToProsecutorOn: e.target.value })} />}
          </Field>
        </>
      )}
      <button type="submit" className="primary" disabled={result.fetching}>
        Close the deflection
      </button>
    </form>
  );
}
