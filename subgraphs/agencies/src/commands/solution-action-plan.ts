import { LockMode } from '@mikro-orm/core';
import type { Command } from '@hub/platform/db';
import { forbidden, Violations } from '@hub/platform/errors';
import { Agency } from '../entities/agency.entity.js';
import { SolutionActionPlan } from '../entities/solution-action-plan.entity.js';
import type { PublishSolutionActionPlanInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkSolutionActionPlan, type SolutionActionPlanDraft } from '../rules/solution-action-plan-rules.js';
import { scopeOf } from './scope.js';

function draftOf(input: PublishSolutionActionPlanInput): SolutionActionPlanDraft {
  const { eligibility, caseManagerContact: contact } = input;
  return {
    county: input.county ?? null,
    effectiveFrom: input.effectiveFrom,
    enabledPathways: input.enabledPathways,
    eligibility: {
      minimumAge: eligibility.minimumAge ?? null,
      allowsActiveWarrants: eligibility.allowsActiveWarrants,
      allowsProbationOrParole: eligibility.allowsProbationOrParole,
      excludedOffenses: eligibility.excludedOffenses ?? [],
      notes: eligibility.notes ?? null,
    },
    caseManagerContact: {
      preferredMethod: contact.preferredMethod,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      hours: contact.hours ?? null,
      instructions: contact.instructions ?? null,
    },
    protocols: input.protocols,
  };
}

/**
 * Publishes a new version of a unit's plan for a county (or unit-wide). Versions are never edited: the previous
 * version of the same scope is superseded on the new one's start date.
 */
export async function publishSolutionActionPlan(cmd: Command, input: PublishSolutionActionPlanInput): Promise<SolutionActionPlan> {
  assertCan(cmd.actor, 'plan:publish', await scopeOf(cmd.em, input.unitId));
  // Lock the unit so two administrators publishing at once get consecutive versions, not a clash.
  const unit = await cmd.em.findOne(Agency, { id: input.unitId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!unit) throw forbidden();
  const [caseManagementOrganization, approvingAgency] = await Promise.all([
    cmd.em.findOne(Agency, { id: input.caseManagementOrganizationId }),
    input.approvingAgencyId ? cmd.em.findOne(Agency, { id: input.approvingAgencyId }) : null,
  ]);
  const draft = draftOf(input);
  const v = new Violations();
  const { county } = checkSolutionActionPlan(v, { draft, unit, caseManagementOrganization, approvingAgency, approvingAgencyRequested: Boolean(input.approvingAgencyId), today: cmd.today });
  v.throwIfAny();
  const latest = await cmd.em.findOne(SolutionActionPlan, { unit, county }, { orderBy: { planVersion: 'desc' } });
  if (latest && latest.effectiveFrom >= input.effectiveFrom) {
    v.add('input.effectiveFrom', 'after-current-version', `A new version must start after version ${latest.planVersion} (which starts ${latest.effectiveFrom}).`).throwIfAny();
  }
  if (latest && !latest.supersededOn) latest.supersededOn = input.effectiveFrom;
  const plan = cmd.em.create(SolutionActionPlan, {
    ...draft,
    county,
    unit,
    planVersion: (latest?.planVersion ?? 0) + 1,
    caseManagementOrganization: caseManagementOrganization!,
    approvingAgency,
    publishedBy: cmd.actor.personId,
  });
  await cmd.em.flush();
  return plan;
}
