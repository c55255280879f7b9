import { PATHWAYS, type Pathway } from '@hub/platform';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export { PATHWAYS, type Pathway } from '@hub/platform';

export const CONTACT_METHODS = ['PHONE', 'EMAIL', 'TEXT_MESSAGE', 'IN_PERSON', 'REFERRAL_PORTAL'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export interface EligibilityCriteria {
  minimumAge: number | null;
  allowsActiveWarrants: boolean;
  allowsProbationOrParole: boolean;
  excludedOffenses: string[];
  notes: string | null;
}

export interface CaseManagerContactProtocol {
  preferredMethod: ContactMethod;
  phone: string | null;
  email: string | null;
  hours: string | null;
  instructions: string | null;
}

/** The protocol sections 50 ILCS 71 sec. 20 requires of every local program plan (OPS-D11). */
export interface ProgramProtocols {
  participantIdentification: string;
  screeningAndAssessment: string;
  caseManagement: string;
  treatmentFacilitation: string;
  reporting: string;
  restorativeJustice: string;
  continuedLawEnforcementInvolvement: string;
}

/** One version of a unit's Solution Action Plan. Rows are never edited; a change publishes a new version. */
const SolutionActionPlanSchema = defineEntity({
  name: 'SolutionActionPlan',
  tableName: 'solution_action_plan',
  uniques: [{ properties: ['unitId', 'county', 'planVersion'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    unitId: p.uuid().index(),
    county: p.string().length(60).nullable(),
    planVersion: p.integer(),
    effectiveFrom: p.date(),
    supersededOn: p.date().nullable(),
    enabledPathways: p.array<Pathway>(),
    eligibility: p.json<EligibilityCriteria>(),
    caseManagementOrganizationId: p.uuid(),
    caseManagerContact: p.json<CaseManagerContactProtocol>(),
    approvingAgencyId: p.uuid().nullable(),
    protocols: p.json<ProgramProtocols>(),
    publishedById: p.uuid().nullable(),
    publishedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class SolutionActionPlan extends SolutionActionPlanSchema.class {}
SolutionActionPlanSchema.setClass(SolutionActionPlan);
export { SolutionActionPlanSchema };
