import type { Pathway } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';

/** What the referral says happened, as far as the pathway rules of OPS-092 III.B care. */
export interface ReferralFacts {
  pathway: Pathway;
  chargesHeldInAbeyance: boolean;
  nonCriminalCitation: boolean;
  chargesFiled: boolean;
  arrestMade: boolean;
  recentOverdose: boolean;
  personInitiated: boolean;
}

/** Pathways only law enforcement may use: officer intervention (III.B.5) and pre-arrest diversion. */
const LAW_ENFORCEMENT_ONLY: readonly Pathway[] = ['OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'];

/** OPS-D2: exactly one pathway, with that pathway's conditions. */
export function checkPathwayRules(v: Violations, facts: ReferralFacts, unit: { lawEnforcement: boolean }): void {
  const { pathway } = facts;
  if (LAW_ENFORCEMENT_ONLY.includes(pathway)) {
    v.check(unit.lawEnforcement, 'input.pathway', 'law-enforcement-only', `${pathway} is only for law enforcement (OPS-092 III.B.5).`);
  }
  if (pathway === 'OFFICER_INTERVENTION') {
    v.check(
      facts.chargesHeldInAbeyance || facts.nonCriminalCitation,
      'input.chargesHeldInAbeyance',
      'abeyance-or-citation',
      'Officer intervention holds charges in abeyance or issues a non-criminal citation: set one of them.',
    );
  } else {
    v.check(!facts.chargesHeldInAbeyance, 'input.chargesHeldInAbeyance', 'officer-intervention-only', 'Only officer intervention holds charges in abeyance.');
    v.check(!facts.nonCriminalCitation, 'input.nonCriminalCitation', 'officer-intervention-only', 'Only officer intervention issues a non-criminal citation.');
  }
  if (pathway === 'OFFICER_PREVENTION' && unit.lawEnforcement) {
    v.check(!facts.chargesFiled, 'input.chargesFiled', 'no-charges', 'Officer prevention by law enforcement files no charges (OPS-092 III.B.4).');
    v.check(!facts.arrestMade, 'input.arrestMade', 'no-arrest', 'Officer prevention by law enforcement makes no arrest (OPS-092 III.B.4).');
  }
  if (pathway === 'SELF_REFERRAL') {
    v.check(facts.personInitiated, 'input.personInitiated', 'person-initiated', 'A self-referral is initiated by the person (OPS-092 III.B.1).');
    v.check(!facts.arrestMade, 'input.arrestMade', 'without-fear-of-arrest', 'A self-referral is made without fear of arrest (OPS-092 III.B.1).');
  }
  if (pathway === 'NALOXONE_PLUS') {
    v.check(facts.recentOverdose, 'input.recentOverdose', 'recent-overdose', 'Naloxone plus is for people with a recent overdose (OPS-092 III.B.3).');
  }
}
