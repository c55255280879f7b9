import { addDays, canonicalCounty } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';
import type { Agency } from '../entities/agency.entity.js';
import type { CaseManagerContactProtocol, EligibilityCriteria, Pathway, ProgramProtocols } from '../entities/solution-action-plan.entity.js';
import { ISP_KINDS, isLawEnforcement, PLANNING_HORIZON_DAYS } from './agency-rules.js';

export interface SolutionActionPlanDraft {
  county: string | null;
  effectiveFrom: string;
  enabledPathways: Pathway[];
  eligibility: EligibilityCriteria;
  caseManagerContact: CaseManagerContactProtocol;
  protocols: ProgramProtocols;
}

/** Pathways that only law enforcement may run: OPS-092 III.B.5, and III.B.4's "no charges" note presumes an officer. */
const LAW_ENFORCEMENT_ONLY: readonly Pathway[] = ['OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'];

const PROTOCOL_SECTIONS: (keyof ProgramProtocols)[] = [
  'participantIdentification',
  'screeningAndAssessment',
  'caseManagement',
  'treatmentFacilitation',
  'reporting',
  'restorativeJustice',
  'continuedLawEnforcementInvolvement',
];


/** Validates a SAP before it is published (OPS-D1, OPS-D2, OPS-D3, OPS-D11); returns the county in canonical form. */
export function checkSolutionActionPlan(
  v: Violations,
  args: {
    draft: SolutionActionPlanDraft;
    unit: Agency;
    caseManagementOrganization: Agency | null;
    approvingAgency: Agency | null;
    approvingAgencyRequested: boolean;
    today: string;
  },
): { county: string | null } {
  const { draft, unit } = args;
  let county: string | null = null;
  if (draft.county !== null) {
    county = canonicalCounty(draft.county);
    if (!county) v.add('input.county', 'illinois-county', `input.county "${draft.county}" is not an Illinois county.`);
    else v.check(unit.countiesServed.includes(county), 'input.county', 'served-county', `The unit does not serve ${county} County.`);
  }
  v.check(draft.effectiveFrom <= addDays(args.today, PLANNING_HORIZON_DAYS), 'input.effectiveFrom', 'planning-horizon', 'input.effectiveFrom is more than two years ahead.');
  v.check(draft.enabledPathways.length > 0, 'input.enabledPathways', 'required', 'A SAP must enable at least one pathway.');
  v.check(
    new Set(draft.enabledPathways).size === draft.enabledPathways.length,
    'input.enabledPathways',
    'unique',
    'input.enabledPathways lists a pathway twice.',
  );
  if (!isLawEnforcement(unit.kind)) {
    for (const pathway of draft.enabledPathways.filter((p) => LAW_ENFORCEMENT_ONLY.includes(p))) {
      v.add('input.enabledPathways', 'law-enforcement-only', `${pathway} is only for law enforcement; this unit is ${unit.kind}.`);
    }
  }
  const age = draft.eligibility.minimumAge;
  if (age !== null) {
    v.check(Number.isInteger(age) && age >= 0 && age <= 120, 'input.eligibility.minimumAge', 'range', 'input.eligibility.minimumAge must be between 0 and 120.');
  }
  if (!args.caseManagementOrganization) {
    v.add('input.caseManagementOrganizationId', 'exists', 'input.caseManagementOrganizationId names no agency.');
  } else {
    v.check(
      args.caseManagementOrganization.kind === 'CASE_MANAGEMENT_ORGANIZATION',
      'input.caseManagementOrganizationId',
      'case-management-organisation',
      'input.caseManagementOrganizationId must be a DHS case-management organisation.',
    );
  }
  const contact = draft.caseManagerContact;
  if (contact.preferredMethod === 'PHONE' || contact.preferredMethod === 'TEXT_MESSAGE') {
    v.check(Boolean(contact.phone?.trim()), 'input.caseManagerContact.phone', 'required-for-method', `A phone number is required when the preferred method is ${contact.preferredMethod}.`);
  }
  if (contact.preferredMethod === 'EMAIL') {
    v.check(Boolean(contact.email?.includes('@')), 'input.caseManagerContact.email', 'required-for-method', 'An email address is required when the preferred method is EMAIL.');
  }
  // OPS-092 III.D: DOP and DCI units deflect to a MEG or task force, so their plan must name which one approves.
  if (ISP_KINDS.includes(unit.kind)) {
    v.check(args.approvingAgencyRequested, 'input.approvingAgencyId', 'required-for-isp', 'DOP and DCI plans must name the approving MEG or task force (OPS-092 III.D).');
  }
  const approver = args.approvingAgency;
  if (args.approvingAgencyRequested) {
    if (!approver) v.add('input.approvingAgencyId', 'exists', 'input.approvingAgencyId names no agency.');
    else {
      v.check(
        approver.kind === 'MEG' || approver.kind === 'TASK_FORCE',
        'input.approvingAgencyId',
        'meg-or-task-force',
        'input.approvingAgencyId must be a MEG or a task force.',
      );
      // The MEG or task force that approves must work where the plan applies: its county, or one the unit serves.
      const counties = county ? [county] : unit.countiesServed;
      v.check(
        counties.some((c) => approver.countiesServed.includes(c)),
        'input.approvingAgencyId',
        'serves-county',
        `${approver.name} serves none of ${counties.length > 0 ? counties.join(', ') : 'the unit’s counties'}.`,
      );
    }
  }
  for (const section of PROTOCOL_SECTIONS) {
    v.check(draft.protocols[section].trim().length > 0, `input.protocols.${section}`, 'required', `input.protocols.${section} must not be blank (50 ILCS 71 sec. 20).`);
  }
  return { county };
}
