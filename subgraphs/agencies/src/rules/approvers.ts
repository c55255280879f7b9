import { illinoisDate, isWithin } from '@hub/platform/domain';
import type { Role } from '@hub/platform/identity';
import type { Agency } from '../entities/agency.entity.js';
import type { Designation, DesignationCapacity } from '../entities/designation.entity.js';
import type { Person } from '../entities/person.entity.js';

/**
 * OPS-092 III.D: a DOP/DCI deflection to a MEG or task force needs the approval of that MEG's Director or
 * that task force's Commander, or their designee. This decides who that is on a given date.
 */
export interface ApproverModel<P = Person, D = Designation> {
  person: P;
  capacity: DesignationCapacity;
  actingFor: P | null;
  designation: D | null;
}

/** What the rule needs to know of a person and of a designation (entities, or plain facts in a test). */
export interface PersonFacts {
  id: string;
  agency: { id: string };
  roles: readonly Role[];
  active: boolean;
}

export interface DesignationFacts {
  agency: { id: string };
  designee: { id: string };
  delegatedBy: { id: string };
  capacity: DesignationCapacity;
  validFrom: string;
  validTo?: string | null;
  revokedAt?: Date | null;
}

export function leaderCapacityOf(agency: Pick<Agency, 'kind'>): DesignationCapacity | null {
  if (agency.kind === 'MEG') return 'MEG_DIRECTOR';
  if (agency.kind === 'TASK_FORCE') return 'TASK_FORCE_COMMANDER';
  return null;
}

export function designationValidOn(designation: Pick<DesignationFacts, 'validFrom' | 'validTo' | 'revokedAt'>, date: string): boolean {
  // Revocation takes effect at once: from the (Illinois) day it was recorded, the designee can no longer act.
  if (designation.revokedAt && illinoisDate(designation.revokedAt) <= date) return false;
  return isWithin(date, designation.validFrom, designation.validTo ?? null);
}

export function approversOn<P extends PersonFacts, D extends DesignationFacts>(args: {
  agency: Pick<Agency, 'id' | 'kind'>;
  personnel: P[];
  designations: D[];
  peopleById: Map<string, P>;
  date: string;
}): ApproverModel<P, D>[] {
  const capacity = leaderCapacityOf(args.agency);
  if (!capacity) return [];
  const leaders = args.personnel.filter((person) => person.active && person.roles.includes(capacity));
  const approvers: ApproverModel<P, D>[] = leaders.map((person) => ({ person, capacity, actingFor: null, designation: null }));
  for (const designation of args.designations) {
    if (designation.agency.id !== args.agency.id || designation.capacity !== capacity) continue;
    if (!designationValidOn(designation, args.date)) continue;
    const designee = args.peopleById.get(designation.designee.id);
    const leader = args.peopleById.get(designation.delegatedBy.id);
    // A designation is only as good as the authority behind it: an inactive leader delegates nothing, and only
    // the agency's own people act in its name.
    if (!designee?.active || !leader?.active || !leader.roles.includes(capacity)) continue;
    if (designee.agency.id !== args.agency.id || leader.agency.id !== args.agency.id) continue;
    approvers.push({ person: designee, capacity, actingFor: leader, designation });
  }
  return approvers;
}
