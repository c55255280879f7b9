import { addDays } from '@hub/platform/domain';
import { isRole, type Actor } from '@hub/platform/identity';
import type { Violations } from '@hub/platform/errors';
import type { Consent, ConsentRecipient } from '../entities/consent.entity.js';
import type { ConsentInformation, ConsentKind } from '../entities/vocabulary.js';

export interface ConsentDraft {
  kind: ConsentKind;
  information: ConsentInformation[];
  recipients: { agencyId: string; role: string | null }[];
  purpose: string;
  signedOn: string;
  expiresOn: string | null;
  expiresOnEvent: string | null;
  irrevocableUntil: string | null;
}

/**
 * 42 CFR 2.35(b): a criminal-justice consent stays irrevocable for a period reasonable for the proceeding it serves
 * (a deflection plan runs months, not decades): two years at most from signing.
 */
export const IRREVOCABLE_AT_MOST_DAYS = 731;

/** The required elements of a written consent (42 CFR 2.31(a)) and of a criminal-justice consent (2.35). */
export function checkConsent(v: Violations, draft: ConsentDraft, today: string): void {
  v.check(draft.information.length > 0, 'input.information', 'required', 'Say what information may be disclosed (42 CFR 2.31(a)(3)).');
  v.check(draft.recipients.length > 0, 'input.recipients', 'required', 'Name who may receive it (42 CFR 2.31(a)(4)).');
  v.check(draft.purpose.trim().length > 0, 'input.purpose', 'required', 'Give the purpose of the disclosure (42 CFR 2.31(a)(5)).');
  v.check(draft.signedOn <= today, 'input.signedOn', 'not-in-future', 'input.signedOn cannot be in the future.');
  draft.recipients.forEach((recipient, index) => {
    if (recipient.role !== null) v.check(isRole(recipient.role), `input.recipients[${index}].role`, 'hub-role', `input.recipients[${index}].role must be a hub role such as PROSECUTOR or MEG_DIRECTOR.`);
  });
  v.check(
    Boolean(draft.expiresOn) || Boolean(draft.expiresOnEvent?.trim()),
    'input.expiresOn',
    'expiry-required',
    'A consent expires on a date or an event (42 CFR 2.31(a)(6)): give one.',
  );
  if (draft.expiresOn) v.check(draft.expiresOn >= draft.signedOn, 'input.expiresOn', 'after-signing', 'input.expiresOn is before the consent was signed.');
  if (draft.kind === 'CRIMINAL_JUSTICE') {
    v.check(Boolean(draft.irrevocableUntil), 'input.irrevocableUntil', 'required-for-criminal-justice', 'A criminal-justice consent states until when it cannot be revoked (42 CFR 2.35(c)).');
    if (draft.irrevocableUntil && draft.expiresOn) {
      v.check(draft.irrevocableUntil <= draft.expiresOn, 'input.irrevocableUntil', 'before-expiry', 'input.irrevocableUntil is after the consent expires.');
    }
    if (draft.irrevocableUntil) {
      v.check(draft.irrevocableUntil >= draft.signedOn, 'input.irrevocableUntil', 'after-signing', 'input.irrevocableUntil is before the consent was signed.');
      v.check(
        draft.irrevocableUntil <= addDays(draft.signedOn, IRREVOCABLE_AT_MOST_DAYS),
        'input.irrevocableUntil',
        'reasonable-period',
        `input.irrevocableUntil is more than two years after signing; 2.35(b) ties it to the criminal proceeding, so a longer period is a new consent.`,
      );
    }
  } else {
    v.check(!draft.irrevocableUntil, 'input.irrevocableUntil', 'criminal-justice-only', 'Only a criminal-justice consent (2.35) can be irrevocable for a time.');
  }
}

/** 42 CFR 2.31(a)(4): every recipient is an agency of the hub (as the agencies subgraph answers). */
export function checkRecipientsExist(v: Violations, recipients: readonly { agencyId: string }[], existing: ReadonlySet<string>): void {
  recipients.forEach((recipient, index) => {
    v.check(existing.has(recipient.agencyId), `input.recipients[${index}].agencyId`, 'agency-exists', `input.recipients[${index}].agencyId names no agency of the hub.`);
  });
}

/** Valid today: signed, not revoked, not past its expiry date. (An event-based expiry ends by revocation.) */
export function inEffect(consent: Pick<Consent, 'signedOn' | 'expiresOn' | 'revokedAt'>, today: string): boolean {
  if (consent.revokedAt) return false;
  if (consent.signedOn > today) return false;
  return !consent.expiresOn || today <= consent.expiresOn;
}

export function namesRecipient(consent: Pick<Consent, 'recipients'>, actor: Actor): boolean {
  return consent.recipients.some((r) => r.agencyId === actor.agencyId && (r.role === null || actor.roles.includes(r.role)));
}

export function coversDiscloser(consent: Pick<Consent, 'disclosingProvider' | 'disclosingOrganizationId'>, provider: { id: string; organizationId?: string | null }): boolean {
  return consent.disclosingProvider?.id === provider.id || (Boolean(consent.disclosingOrganizationId) && consent.disclosingOrganizationId === provider.organizationId);
}

/** The consents that let this provider tell this person something today; the union of what they cover. */
export function applicableConsents<C extends Consent>(consents: C[], actor: Actor, provider: { id: string; organizationId?: string | null }, today: string): { consents: C[]; information: Set<ConsentInformation> } {
  const usable = consents.filter((c) => inEffect(c, today) && namesRecipient(c, actor) && coversDiscloser(c, provider));
  return { consents: usable, information: new Set(usable.flatMap((c) => c.information)) };
}

/**
 * 42 CFR 2.24: which consent each disclosed kind of information rests on, for the accounting of disclosures. Each
 * kind is attributed to one consent, the one covering the most kinds first (then the most recently signed), and a
 * consent nothing is attributed to is not listed, so the accounting names exactly the consents used.
 */
export function attributeDisclosure<C extends Pick<Consent, 'information' | 'signedOn'>>(consents: readonly C[]): { consent: C; information: ConsentInformation[] }[] {
  const ranked = [...consents].sort((a, b) => b.information.length - a.information.length || b.signedOn.localeCompare(a.signedOn));
  const attributed = new Set<ConsentInformation>();
  const used: { consent: C; information: ConsentInformation[] }[] = [];
  for (const consent of ranked) {
    const information = consent.information.filter((i) => !attributed.has(i));
    information.forEach((i) => attributed.add(i));
    if (information.length > 0) used.push({ consent, information });
  }
  return used;
}

/** 42 CFR 2.35(c): a criminal-justice consent cannot be revoked before the date it names. */
export function canRevoke(consent: Pick<Consent, 'kind' | 'irrevocableUntil'>, today: string): boolean {
  return !(consent.kind === 'CRIMINAL_JUSTICE' && consent.irrevocableUntil !== null && consent.irrevocableUntil !== undefined && today < consent.irrevocableUntil);
}

/** 42 CFR 2.32: the notice that must accompany every disclosure. */
export const REDISCLOSURE_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. A general authorization for the release of medical or other information is NOT sufficient for this purpose (see 42 CFR 2.31).';
