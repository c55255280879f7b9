import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorSummary, Field, Loading, Page, PATHWAY_LABELS } from '../../components/ui.js';
import { ReferralFormDocument, type Pathway, type QuickReferralInput } from '../../gql/graphql.js';
import { fieldErrors, generalErrors, refusalsOf, type Refusal } from '../../graphql/errors.js';
import type { QueuedReferral } from '../../offline/referral-queue.js';
import { useReferralQueue, type Referred } from '../../offline/use-referral-queue.js';
import { ReferralAnswer } from './ReferralAnswer.js';

/**
 * The officer's quick referral, made for a phone: four fields (five where the unit serves several counties) and a
 * pathway choice limited to what the unit's Solution Action Plan enables. A pathway's condition (the person asked
 * for help, a recent overdose, charges held in abeyance) is part of the choice rather than another field.
 */
interface Choice {
  id: string;
  pathway: Pathway;
  label: string;
  flags: Partial<Pick<QuickReferralInput, 'personInitiated' | 'recentOverdose' | 'chargesHeldInAbeyance' | 'nonCriminalCitation'>>;
}

const CHOICES: Choice[] = [
  { id: 'SELF_REFERRAL', pathway: 'SELF_REFERRAL', label: 'Self-referral: the person asked for help', flags: { personInitiated: true } },
  { id: 'ACTIVE_OUTREACH', pathway: 'ACTIVE_OUTREACH', label: 'Active outreach', flags: {} },
  { id: 'NALOXONE_PLUS', pathway: 'NALOXONE_PLUS', label: 'Naloxone plus: after a recent overdose', flags: { recentOverdose: true } },
  { id: 'OFFICER_PREVENTION', pathway: 'OFFICER_PREVENTION', label: 'Officer prevention: no charges, no arrest', flags: {} },
  { id: 'OFFICER_INTERVENTION_ABEYANCE', pathway: 'OFFICER_INTERVENTION', label: 'Officer intervention: charges held in abeyance', flags: { chargesHeldInAbeyance: true } },
  { id: 'OFFICER_INTERVENTION_CITATION', pathway: 'OFFICER_INTERVENTION', label: 'Officer intervention: non-criminal citation', flags: { nonCriminalCitation: true } },
  { id: 'PRE_ARREST_DIVERSION', pathway: 'PRE_ARREST_DIVERSION', label: 'Pre-arrest diversion', flags: {} },
];

/** The hub's refusals of a pathway's condition are shown on the pathway choice, where the officer fixes them. */
const PATHWAY_FIELDS = ['pathway', 'personInitiated', 'recentOverdose', 'chargesHeldInAbeyance', 'nonCriminalCitation', 'arrestMade', 'chargesFiled'];
const FORM_FIELDS = ['person.givenName', 'person.familyName', 'person.dateOfBirth', 'narrative', 'county', ...PATHWAY_FIELDS];

interface Draft {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  narrative: string;
  county: string;
  choice: string;
}

const EMPTY: Draft = { givenName: '', familyName: '', dateOfBirth: '', narrative: '', county: '', choice: '' };

function toInput(draft: Draft, choices: Choice[], counties: string[]): QuickReferralInput {
  const choice = choices.find((c) => c.id === draft.choice);
  return {
    person: { givenName: draft.givenName.trim(), familyName: draft.familyName.trim(), dateOfBirth: draft.dateOfBirth || null },
    narrative: draft.narrative.trim(),
    // An empty pathway is refused by the hub with a message on the field, like every other rule.
    pathway: (choice?.pathway ?? '') as Pathway,
    ...(counties.length > 1 ? { county: draft.county } : {}),
    ...choice?.flags,
  };
}

function fromInput(input: QuickReferralInput): Draft {
  const choice = CHOICES.find((c) => c.pathway === input.pathway && Object.entries(c.flags).every(([k, v]) => input[k as keyof QuickReferralInput] === v));
  return {
    givenName: input.person?.givenName ?? '',
    familyName: input.person?.familyName ?? '',
    dateOfBirth: input.person?.dateOfBirth ?? '',
    narrative: input.narrative,
    county: input.county ?? '',
    choice: choice?.id ?? '',
  };
}

export function QuickReferral({ personId }: { personId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ReferralFormDocument });
  const queue = useReferralQueue(personId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [answer, setAnswer] = useState<Referred | null>(null);
  const [answeredKey, setAnsweredKey] = useState<string | null>(null);
  const [savedOffline, setSavedOffline] = useState<QueuedReferral | null>(null);
  const [sending, setSending] = useState(false);

  if (fetching && !data) return <Loading what="your unit's plan" />;
  const agency = data?.myAgency;
  if (!agency) return <ErrorSummary refusals={refusalsOf(error)} />;
  const enabled = agency.solutionActionPlan?.enabledPathways ?? [];
  const choices = CHOICES.filter((c) => enabled.includes(c.pathway));
  const counties = agency.countiesServed;
  const errors = fieldErrors(refusals);
  const pathwayError = PATHWAY_FIELDS.map((f) => errors[f]).filter(Boolean).join(' ') || undefined;
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setRefusals([]);
    setSavedOffline(null);
    const item = queue.enqueue(toInput(draft, choices, counties));
    const report = await queue.flush();
    setSending(false);
    const accepted = report.accepted.find((a) => a.item.key === item.key);
    const refused = report.refused.find((r) => r.key === item.key);
    if (accepted) {
      setAnswer(accepted.result);
      setAnsweredKey(accepted.item.key);
      setDraft(EMPTY);
    } else if (refused) {
      // Refused: nothing was stored; the officer corrects the form, which sends a new referral.
      queue.discard(refused.key);
      setRefusals((refused.refusal ?? []).map((r) => ({ code: 'BAD_USER_INPUT', message: r.message, field: r.field, retryable: false })));
    } else {
      setSavedOffline(item);
      setDraft(EMPTY);
    }
  };

  if (answer) return <ReferralAnswer answer={answer} onAnother={() => setAnswer(null)} />;

  const pending = queue.pending();
  // Referrals saved while offline and sent since, in the background: the officer sees each one's reference number.
  const sentLater = queue.recentlySent().filter((s) => s.item.key !== answeredKey);
  const attention = queue.needsAttention();
  return (
    <Page title="Quick referral" intro={<p>{agency.name}. Faster than booking: the person's name, what happened, and the pathway.</p>}>
      {savedOffline && pending.some((p) => p.key === savedOffline.key) && (
        <div className="notice" role="status">
          <h2>Saved on this phone</h2>
          <p>
            The hub has not taken it yet ({pending.find((p) => p.key === savedOffline.key)?.lastProblem ?? 'no connection'}). The referral of{' '}
            {savedOffline.input.person?.givenName} {savedOffline.input.person?.familyName} is kept on this phone and sent again by itself; do not refer again.
          </p>
        </div>
      )}
      {sentLater.length > 0 && (
        <div className="notice" role="status">
          <h2>Sent from this phone</h2>
          <ul>
            {sentLater.map(({ item, result }) => (
              <li key={item.key}>
                {item.input.person?.givenName} {item.input.person?.familyName}: {result.deflection.referenceNumber}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pending.length > 0 && (
        <div className="notice" role="status" aria-live="polite">
          {pending.length === 1 ? '1 referral is' : `${pending.length} referrals are`} waiting on this phone to be sent.
        </div>
      )}
      {attention.map((item) => (
        <div className="error-summary" key={item.key}>
          <h2>
            The hub refused the referral of {item.input.person?.givenName} {item.input.person?.familyName}
          </h2>
          <p>{item.lastProblem}</p>
          <button
            type="button"
            onClick={() => {
              setDraft(fromInput(item.input));
              setRefusals((item.refusal ?? []).map((r) => ({ code: 'BAD_USER_INPUT', message: r.message, field: r.field, retryable: false })));
              queue.discard(item.key);
            }}
          >
            Correct it
          </button>{' '}
          <button type="button" className="secondary" onClick={() => queue.discard(item.key)}>
            Discard it
          </button>
        </div>
      ))}
      {choices.length === 0 ? (
        <div className="error-summary" role="alert">
          Your unit has no Solution Action Plan in force that enables a pathway, so referrals cannot be made. Ask your administrator.
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-describedby="referral-help">
          <ErrorSummary refusals={generalErrors(refusals, FORM_FIELDS)} />
          <p id="referral-help" className="hint">
            Every field is checked by the hub; anything it refuses is shown on the field.
          </p>
          <Field label="Given name" error={errors['person.givenName']}>
            {(p) => <input {...p} value={draft.givenName} onChange={set('givenName')} autoComplete="off" autoCapitalize="words" />}
          </Field>
          <Field label="Family name" error={errors['person.familyName']}>
            {(p) => <input {...p} value={draft.familyName} onChange={set('familyName')} autoComplete="off" autoCapitalize="words" />}
          </Field>
          <Field label="Date of birth" hint="If the person tells you. It links earlier deflections of the same person." error={errors['person.dateOfBirth']}>
            {(p) => <input {...p} type="date" value={draft.dateOfBirth} onChange={set('dateOfBirth')} />}
          </Field>
          {counties.length > 1 && (
            <Field label="County" error={errors.county}>
              {(p) => (
                <select {...p} value={draft.county} onChange={set('county')}>
                  <option value="">Choose the county</option>
                  {counties.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="What happened" hint="A sentence or two for the case manager." error={errors.narrative}>
            {(p) => <textarea {...p} rows={3} value={draft.narrative} onChange={set('narrative')} />}
          </Field>
          <fieldset className={pathwayError ? 'field field-error' : 'field'} aria-describedby={pathwayError ? 'pathway-error' : undefined}>
            <legend>Pathway</legend>
            {pathwayError && (
              <p className="error-text" id="pathway-error">
                {pathwayError}
              </p>
            )}
            {choices.map((choice) => (
              <label key={choice.id} className="choice">
                <input type="radio" name="pathway" value={choice.id} checked={draft.choice === choice.id} onChange={set('choice')} />
                <span>{choice.label}</span>
              </label>
            ))}
            <p className="hint">Your unit's plan enables: {enabled.map((p) => PATHWAY_LABELS[p] ?? p).join(', ')}.</p>
          </fieldset>
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Sending…' : 'Refer'}
          </button>
        </form>
      )}
    </Page>
  );
}
