import { canonicalCounty } from '@hub/platform/domain';
import { invalidInput } from '@hub/platform/errors';
import type { Context } from './context.js';
import type { Agency } from './entities/agency.entity.js';
import type { Person } from './entities/person.entity.js';
import type { SolutionActionPlan } from './entities/solution-action-plan.entity.js';
import { approversOn, type ApproverModel } from './rules/approvers.js';
import { planInForce } from './rules/solution-action-plan-selection.js';

/** Reads shared by several resolvers: the plan in force and the approvers of an agency on a date. */
export async function planForUnit(context: Context, unit: Agency, county: string | null, date: string): Promise<SolutionActionPlan | null> {
  let canonical: string | null = null;
  if (county !== null) {
    canonical = canonicalCounty(county);
    if (!canonical) throw invalidInput([{ field: 'county', rule: 'illinois-county', message: `county "${county}" is not an Illinois county.` }]);
  }
  return planInForce(await context.loaders.plansOf.load(unit.id), canonical, date);
}

export async function approversOfAgency(context: Context, agency: Agency, date: string): Promise<ApproverModel[]> {
  const [personnel, designations] = await Promise.all([context.loaders.personnelOf.load(agency.id), context.loaders.designationsFor.load(agency.id)]);
  const ids = [...new Set(designations.flatMap((d) => [d.designee.id, d.delegatedBy.id]))];
  const people = (await context.loaders.person.loadMany(ids)).filter((p): p is Person => p !== null && !(p instanceof Error));
  const peopleById = new Map([...personnel, ...people].map((p) => [p.id, p]));
  return approversOn({ agency, personnel, designations, peopleById, date });
}

export async function mustLoad<T>(load: Promise<T | null>, what: string): Promise<T> {
  const found = await load;
  if (!found) throw new Error(`${what} is referenced but missing`);
  return found;
}
