import type { Actor } from '@hub/platform/identity';
import type { Consent } from '../entities/consent.entity.js';
import type { ConsentInformation } from '../entities/vocabulary.js';

/**
 * A consent as its reader may see it. The treating provider sees the whole record it keeps. A recipient sees the
 * consent a disclosure is made under, and the scope of that consent decides every field: its own entry among the
 * recipients only, the disclosing provider only when the consent covers the episode's status, never the patient.
 */
export type ConsentScope = { reader: 'treating-provider' } | { reader: 'recipient'; actor: Actor; information: ReadonlySet<ConsentInformation> };

export interface ConsentView {
  consent: Consent;
  scope: ConsentScope;
}

export function treatingProviderView(consent: Consent): ConsentView {
  return { consent, scope: { reader: 'treating-provider' } };
}

export function showsProvider(scope: ConsentScope): boolean {
  return scope.reader === 'treating-provider' || scope.information.has('EPISODE_STATUS');
}
