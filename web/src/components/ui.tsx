import { useId, type ReactNode } from 'react';
import type { Refusal } from '../graphql/errors.js';

/** A labelled form control with its hint and the hub's error for it, tied together for screen readers. */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-text" id={errorId}>
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** Refusals that name no field on the screen: shown above the form, announced as they appear. */
export function ErrorSummary({ refusals }: { refusals: Refusal[] }) {
  if (refusals.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <h2>There is a problem</h2>
      <ul>
        {refusals.map((r, i) => (
          <li key={i}>{r.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function Page({ title, children, intro }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {intro && <div className="intro">{intro}</div>}
      {children}
    </>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * 42 CFR 2.32: the notice that must accompany any disclosure of substance-use-disorder treatment records. The text
 * is the hub's own (the treatment subgraph sends it with every answer that discloses such records), so the console
 * shows exactly what the hub disclosed under, wherever treatment data is on screen.
 */
export function Part2Notice({ extensions }: { extensions: Record<string, unknown> | undefined }) {
  const text = extensions?.redisclosureNotice;
  if (typeof text !== 'string') return null;
  return (
    <aside className="part2-notice" aria-label="42 CFR part 2 notice">
      <strong>42 CFR part 2 notice.</strong> {text}
    </aside>
  );
}

export function Figure({ value, suppressed, format = (v) => v.toLocaleString('en-US') }: { value: number | null | undefined; suppressed: boolean; format?: (v: number) => string }) {
  if (suppressed) return <span className="suppressed" title="Suppressed: too few people to show without identifying someone">suppressed</span>;
  if (value === null || value === undefined) return <span className="none">—</span>;
  return <>{format(value)}</>;
}

export const PATHWAY_LABELS: Record<string, string> = {
  SELF_REFERRAL: 'Self-referral',
  ACTIVE_OUTREACH: 'Active outreach',
  NALOXONE_PLUS: 'Naloxone plus',
  OFFICER_PREVENTION: 'Officer prevention',
  OFFICER_INTERVENTION: 'Officer intervention',
  PRE_ARREST_DIVERSION: 'Pre-arrest diversion',
};

export function words(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { timeZone: 'America/Chicago', dateStyle: 'medium', timeStyle: 'short' });
}
