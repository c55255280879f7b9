import { illinoisDate, isWithin } from '@hub/platform';
import type { Agency } from '../entities/agency.entity.js';
import type { Designation, DesignationCapacity } from '../entities/designation.entity.js';
import type { Person } from '../entities/person.entity.js';

/**
 * OPS-092 III.D: a DOP/DCI deflection to a MEG or task force needs the approval of that MEG's Director or
 * that task force's Commander, or their designee. This decides who that is on a given date.
 */
export interface ApproverModel {
  person: Person;
  capacity: DesignationCapacity;
  actingFor: Person | null;
  designation: Designation | null;
}

export function leaderCapacityOf(agency: Pick<Agency, 'kind'>): DesignationCapacity | null {
  if (agency.kind === 'MEG') return 'MEG_DIRECTOR';
  if (agency.kind === 'TASK_FORCE') return 'TASK_FORCE_COMMANDER';
  return null;
}

export function designationValidOn(designation: Designation, date: string): boolean {
  if (designation.revokedAt) {
    // Revocation takes effect at once: from the (Illinois) day it was recorded, the designee can no longer act.
    if (illinoisDate(designation.revokedAt) <= date) return false;
  }
  return isWithin(date, designation.validFrom, designation.validTo ?? null);
}

export function approversOn(args: {
  agency: Pick<Agency, 'id' | 'kind'>;
  personnel: Person[];
  designations: Designation[];
  peopleById: Map<string, Person>;
  date: string;
}): ApproverModel[] {
  const capacity = leaderCapacityOf(args.agency);
  if (!capacity) return [];
  const leaders = args.personnel.filter((person) => person.active && person.roles.includes(capacity));
  const approvers: ApproverModel[] = leaders.map((person) => ({ person, capacity, actingFor: null, designation: null }));
  for (const designation of args.designations) {
    if (designation.agencyId !== args.agency.id || designation.capacity !== capacity) continue;
    if (!designationValidOn(designation, args.date)) continue;
    const designee = args.peopleById.get(designation.designeeId);
    const leader = args.peopleById.get(designation.delegatedById);
    // A designation is only as good as the authority behind it: an inactive leader delegates nothing.
    if (!designee?.active || !leader?.active || !leader.roles.includes(capacity)) continue;
    approvers.push({ person: designee, capacity, actingFor: leader, designation });
  }
  return approvers;
}
