import { type Pathway, PATHWAYS } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity.js';
import { Person } from './person.entity.js';

export { PATHWAYS, type Pathway } from '@hub/platform/domain';

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
  uniques: [{ properties: ['unit', 'county', 'planVersion'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    unit: () => p.manyToOne(Agency).ref().index(),
    county: p.string().length(60).nullable(),
    planVersion: p.integer(),
    effectiveFrom: p.date(),
    supersededOn: p.date().nullable(),
    enabledPathways: p.enum(PATHWAYS).array(),
    eligibility: p.json<EligibilityCriteria>(),
    caseManagementOrganization: () => p.manyToOne(Agency).ref(),
    caseManagerContact: p.json<CaseManagerContactProtocol>(),
    /** The MEG or task force whose leader approves this unit's DOP/DCI deflections (OPS-092 III.D). */
    approvingAgency: () => p.manyToOne(Agency).ref().nullable(),
    protocols: p.json<ProgramProtocols>(),
    publishedBy: () => p.manyToOne(Person).ref().nullable(),
    publishedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class SolutionActionPlan extends SolutionActionPlanSchema.class {}
SolutionActionPlanSchema.setClass(SolutionActionPlan);
export { SolutionActionPlanSchema };
