import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, ErrorSummary, Field, formatDateTime, Loading, Part2Notice, words } from '../../components/ui.js';
import {
  ConsentRecipientAgenciesDocument,
  EpisodeDetailDocument,
  RecordConsentDocument,
  RevokeConsentDocument,
  UpdateEpisodeDocument,
  type ConsentInformation,
  type ConsentKind,
  type EpisodeState,
} from '../../gql/graphql.js';
import { fieldErrors, generalErrors, refusalsOf } from '../../graphql/errors.js';
import { illinoisToday } from '../../dates.js';

const INFORMATION: ConsentInformation[] = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE'];


/** One episode for its treating provider: move it along the state machine, record and revoke consents, and the accounting of disclosures. */
export function EpisodeDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const [{ data, fetching, error, extensions }, refetch] = useQuery({ query: EpisodeDetailDocument, variables: { id } });
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  const episode = data?.treatmentEpisode;
  return (
    <section aria-labelledby="episode-heading" className="card">
      <h2 id="episode-heading" tabIndex={-1}>
        {episode ? `${episode.patient.givenName} ${episode.patient.familyName}: ${words(episode.service)}` : 'Episode'}
      </h2>
      <ErrorSummary refusals={refusalsOf(error)} />
      {fetching && !data && <Loading what="the episode" />}
      {episode && data && (
        <>
          <Part2Notice extensions={extensions} />
          <p>
            {words(episode.state)} at {episode.provider.name}; referred {formatDateTime(episode.referredAt)}.
          </p>
          <h3>History</h3>
          <ol>
            {episode.transitions.map((t, i) => (
              <li key={i}>
                {formatDateTime(t.at)}: {t.fromState ? `${words(t.fromState)} → ` : ''}
                {words(t.toState)}
                {t.by && ` (${t.by.displayName})`}
                {t.reason && `: ${t.reason}`}
              </li>
            ))}
          </ol>
          {episode.nextStates.length > 0 && <MoveEpisode episodeId={episode.id} version={episode.version} nextStates={episode.nextStates} onMoved={refresh} />}
          <h3>Consents</h3>
          {data.consents.length === 0 ? (
            <p>No consent recorded: nothing about this episode is disclosed beyond the case manager's minimum necessary.</p>
          ) : (
            <ul>
              {data.consents.map((c) => (
                <li key={c.id}>
                  {c.kind === 'CRIMINAL_JUSTICE' ? 'Criminal-justice consent (2.35)' : 'Consent (2.31)'} signed {c.signedOn} for {c.purpose}: {c.information.map(words).join(', ')} to{' '}
                  {c.recipients.map((r) => `${r.agency?.name ?? '—'}${r.role ? ` (${words(r.role)})` : ''}`).join(', ')}.{' '}
                  {c.revokedAt ? `Revoked ${formatDateTime(c.revokedAt)}.` : c.inEffect ? 'In effect.' : 'Not in effect.'}
                  {!c.revokedAt && <RevokeButton consentId={c.id} irrevocableUntil={c.irrevocableUntil ?? null} onRevoked={refresh} />}
                </li>
              ))}
            </ul>
          )}
          <RecordConsent episodeId={episode.id} onRecorded={refresh} />
          <h3>Accounting of disclosures</h3>
          {data.accountingOfDisclosures.length === 0 ? (
            <p>Nothing has been disclosed.</p>
          ) : (
            <DataTable label="Accounting of disclosures" columns={['When', 'To', 'What', 'Basis', 'Purpose']}>
              {data.accountingOfDisclosures.map((d, i) => (
                <tr key={i}>
                  <td>{formatDateTime(d.at)}</td>
                  <td>{[d.recipient?.displayName, d.recipientAgency?.name].filter(Boolean).join(', ') || '—'}</td>
                  <td>{d.information.map(words).join(', ')}</td>
                  <td>{words(d.basis)}</td>
                  <td>{d.purpose}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

function MoveEpisode({ episodeId, version, nextStates, onMoved }: { episodeId: string; version: number; nextStates: readonly EpisodeState[]; onMoved: () => void }) {
  const [form, setForm] = useState({ toState: nextStates[0]!, reason: '', intakeScheduledFor: '' });
  const [result, update] = useMutation(UpdateEpisodeDocument);
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  const submit = async () => {
    const answer = await update({
      input: {
        episodeId,
        version,
        toState: form.toState,
        at: new Date().toISOString(),
        reason: form.reason || null,
        intakeScheduledFor: form.intakeScheduledFor ? new Date(form.intakeScheduledFor).toISOString() : null,
      },
    });
    if (answer.data) onMoved();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h3>Move the episode</h3>
      <ErrorSummary refusals={generalErrors(refusals, ['toState', 'reason', 'intakeScheduledFor'])} />
      <Field label="To" error={errors.toState}>
        {(p) => (
          <select {...p} value={form.toState} onChange={(e) => setForm({ ...form, toState: e.target.value as EpisodeState })}>
            {nextStates.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.toState === 'INTAKE_SCHEDULED' && (
        <Field label="Intake on" error={errors.intakeScheduledFor}>
          {(p) => <input {...p} type="datetime-local" value={form.intakeScheduledFor} onChange={(e) => setForm({ ...form, intakeScheduledFor: e.target.value })} />}
        </Field>
      )}
      <Field label="Reason" hint="Required when declining or discharging." error={errors.reason}>
        {(p) => <input {...p} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Record the move
      </button>
    </form>
  );
}

function RevokeButton({ consentId, irrevocableUntil, onRevoked }: { consentId: string; irrevocableUntil: string | null; onRevoked: () => void }) {
  const [result, revoke] = useMutation(RevokeConsentDocument);
  return (
    <>
      {' '}
      <button type="button" className="secondary" disabled={result.fetching} onClick={() => void revoke({ consentId }).then((r) => r.data && onRevoked())}>
        Revoke
      </button>
      {irrevocableUntil && <span className="hint"> (irrevocable until {irrevocableUntil})</span>}
      {result.error && (
        <span className="error-text" role="alert">
          {' '}
          {refusalsOf(result.error)
            .map((r) => r.message)
            .join(' ')}
        </span>
      )}
    </>
  );
}

function RecordConsent({ episodeId, onRecorded }: { episodeId: string; onRecorded: () => void }) {
  const [agencies] = useQuery({ query: ConsentRecipientAgenciesDocument });
  const [form, setForm] = useState({
    kind: 'STANDARD' as ConsentKind,
    information: ['ENGAGEMENT'] as ConsentInformation[],
    agencyId: '',
    purpose: '',
    signedOn: illinoisToday(),
    expiresOn: '',
    irrevocableUntil: '',
  });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, record] = useMutation(RecordConsentDocument);
  const refusals = refusalsOf(result.error);
  const errors = fieldErrors(refusals);
  const toggle = (info: ConsentInformation) =>
    setForm({ ...form, information: form.information.includes(info) ? form.information.filter((i) => i !== info) : [...form.information, info] });
  const submit = async () => {
    const answer = await record({
      input: {
        episodeId,
        kind: form.kind,
        information: form.information,
        recipients: form.agencyId ? [{ agencyId: form.agencyId }] : [],
        purpose: form.purpose,
        signedOn: form.signedOn,
        expiresOn: form.expiresOn || null,
        irrevocableUntil: form.kind === 'CRIMINAL_JUSTICE' ? form.irrevocableUntil || null : null,
      },
      idempotencyKey: key,
    });
    if (answer.data) {
      setKey(crypto.randomUUID());
      onRecorded();
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h4>Record a consent form</h4>
      <ErrorSummary refusals={generalErrors(refusals, ['kind', 'information', 'recipients', 'purpose', 'signedOn', 'expiresOn', 'irrevocableUntil'])} />
      <Field label="Kind of consent" error={errors.kind}>
        {(p) => (
          <select {...p} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ConsentKind })}>
            <option value="STANDARD">Patient consent (42 CFR 2.31), revocable at any time</option>
            <option value="CRIMINAL_JUSTICE">Criminal-justice consent (42 CFR 2.35)</option>
          </select>
        )}
      </Field>
      <fieldset className={errors.information ? 'field field-error' : 'field'}>
        <legend>What may be disclosed</legend>
        {errors.information && <p className="error-text">{errors.information}</p>}
        {INFORMATION.map((info) => (
          <label key={info} className="choice inline">
            <input type="checkbox" checked={form.information.includes(info)} onChange={() => toggle(info)} /> {words(info)}
          </label>
        ))}
      </fieldset>
      <Field label="To" error={errors.recipients}>
        {(p) => (
          <select {...p} value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })}>
            <option value="">Choose the recipient agency</option>
            {agencies.data?.agencies.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Purpose" error={errors.purpose}>
        {(p) => <input {...p} value={form.purpose} onChange={(e) => setForm({ ...form, purpose: e.target.value })} />}
      </Field>
      <Field label="Signed on" error={errors.signedOn}>
        {(p) => <input {...p} type="date" value={form.signedOn} onChange={(e) => setForm({ ...form, signedOn: e.target.value })} />}
      </Field>
      <Field label="Expires on" error={errors.expiresOn}>
        {(p) => <input {...p} type="date" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} />}
      </Field>
      {form.kind === 'CRIMINAL_JUSTICE' && (
        <Field label="Irrevocable until" hint="42 CFR 2.35: until the final disposition of the proceeding." error={errors.irrevocableUntil}>
          {(p) => <input {...p} type="date" value={form.irrevocableUntil} onChange={(e) => setForm({ ...form, irrevocableUntil: e.target.value })} />}
        </Field>
      )}
      <button type="submit" disabled={result.fetching}>
        Record the consent
      </button>
    </form>
  );
}
