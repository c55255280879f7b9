import { canonicalCounty, invalidInput } from '@hub/platform';
import type { Context } from '../context.js';
import type { Agency } from '../entities/agency.entity.js';
import type { Person } from '../entities/person.entity.js';
import type { SolutionActionPlan } from '../entities/solution-action-plan.entity.js';
import { approversOn, type ApproverModel } from '../rules/approvers.js';
import { planInForce } from '../rules/solution-action-plan-selection.js';

export async function planForUnit(context: Context, unit: Agency, county: string | null, date: string): Promise<SolutionActionPlan | null> {
  let canonical: string | null = null;
  if (county !== null) {
    canonical = canonicalCounty(county);
    if (!canonical) throw invalidInput([{ field: 'county', rule: 'illinois-county', message: `county "${county}" is not an Illinois county.` }]);
  }
  return planInForce(await context.loaders.plansOf.load(unit.id), canonical, date);
}

export async function approversOfAgency(context: Context, agency: Agency, date: string): Promise<ApproverModel[]> {
  const [personnel, designations] = await Promise.all([
    context.loaders.personnelOf.load(agency.id),
    context.loaders.designationsFor.load(agency.id),
  ]);
  const ids = [...new Set(designations.flatMap((d) => [d.designeeId, d.delegatedById]))];
  const people = (await context.loaders.person.loadMany(ids)).filter((p): p is Person => p !== null && !(p instanceof Error));
  const peopleById = new Map([...personnel, ...people].map((p) => [p.id, p]));
  return approversOn({ agency, personnel, designations, peopleById, date });
}
