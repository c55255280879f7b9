import type { Violations } from '@hub/platform/errors';
import type { Agency } from '../entities/agency.entity.js';
import type { DesignationCapacity } from '../entities/designation.entity.js';
import type { Person } from '../entities/person.entity.js';
import { isLawEnforcement } from './agency-rules.js';

/**
 * A leader may name a designee only for their own authority, in their own agency, for a bounded or open period.
 * The designee comes from the same agency: a MEG's or task force's officers are on its own roster in the hub (they
 * act for it), so its administrator sees and answers for every person who can approve in its name.
 */
export function checkDesignation(
  v: Violations,
  args: { capacity: DesignationCapacity; agency: Agency | null; delegatedBy: Person | null; designee: Person | null; validFrom: string; validTo: string | null },
): void {
  const { agency, delegatedBy, designee, capacity } = args;
  if (!agency) v.add('input.agencyId', 'exists', 'input.agencyId names no agency.');
  else if (capacity === 'MEG_DIRECTOR') v.check(agency.kind === 'MEG', 'input.agencyId', 'capacity-fits-agency', 'A MEG Director designation belongs to a MEG.');
  else if (capacity === 'TASK_FORCE_COMMANDER') v.check(agency.kind === 'TASK_FORCE', 'input.agencyId', 'capacity-fits-agency', 'A Task Force Commander designation belongs to a task force.');
  else v.check(isLawEnforcement(agency.kind), 'input.agencyId', 'capacity-fits-agency', 'A supervisor designation belongs to a law-enforcement unit.');
  if (!delegatedBy) v.add('input.delegatedById', 'exists', 'input.delegatedById names no person.');
  else {
    v.check(delegatedBy.active, 'input.delegatedById', 'active', 'An inactive person cannot delegate authority.');
    v.check(delegatedBy.roles.includes(capacity), 'input.delegatedById', 'holds-capacity', `The delegating person does not hold the ${capacity} role.`);
    if (agency) v.check(delegatedBy.agency.id === agency.id, 'input.delegatedById', 'same-agency', 'The delegating person must belong to the agency whose authority is delegated.');
  }
  if (!designee) v.add('input.designeeId', 'exists', 'input.designeeId names no person.');
  else {
    v.check(designee.active, 'input.designeeId', 'active', 'An inactive person cannot be designated.');
    if (delegatedBy) {
      v.check(designee.id !== delegatedBy.id, 'input.designeeId', 'not-self', 'A leader cannot designate themselves.');
      v.check(designee.agency.id === delegatedBy.agency.id, 'input.designeeId', 'designee-same-agency', 'The designee must belong to the delegating leader’s own agency.');
    }
  }
  if (args.validTo !== null) v.check(args.validTo >= args.validFrom, 'input.validTo', 'after-valid-from', 'input.validTo must not be before input.validFrom.');
}
