import { useId, type ReactNode } from 'react';
import { ILLINOIS_TIME_ZONE } from '../dates.js';
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

/** A table that scrolls sideways on a phone; focusable and named, so keyboard and screen-reader users can reach and scroll it. */
export function DataTable({ label, columns, children }: { label: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
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
 * 42 CFR 2.32 (as amended in 2024): the notice that accompanies substance-use-disorder treatment records. The
 * console shows it wherever treatment data is on screen; where the hub disclosed the records under a consent, the
 * treatment subgraph sends its notice with the answer and that text is shown instead.
 */
export const PART2_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. A general authorization for the release of medical or other information is NOT sufficient for this purpose (see 42 CFR 2.31).';

export function Part2Notice({ extensions }: { extensions?: Record<string, unknown> | undefined }) {
  const sent = extensions?.redisclosureNotice;
  return (
    <aside className="part2-notice" aria-label="42 CFR part 2 notice">
      <strong>42 CFR part 2 notice.</strong> {typeof sent === 'string' ? sent : PART2_NOTICE}
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

export const CAPACITY_LABELS: Record<string, string> = { MEG_DIRECTOR: 'MEG Director', TASK_FORCE_COMMANDER: 'Task Force Commander', SUPERVISOR: 'Supervisor' };

export function words(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { timeZone: ILLINOIS_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
}
