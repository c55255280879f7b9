import { addDays, canonicalCounty, ISP_KINDS, LAW_ENFORCEMENT_KINDS, type AgencyKind } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';
import type { UnitLevel } from '../entities/agency.entity.js';

export { ISP_KINDS, LAW_ENFORCEMENT_KINDS };

/** How far ahead a plan or a membership may start: a date further out is a typing mistake, not a plan. */
export const PLANNING_HORIZON_DAYS = 731;

export function isLawEnforcement(kind: AgencyKind): boolean {
  return LAW_ENFORCEMENT_KINDS.includes(kind);
}

/** NCIC ORIs are nine characters; Illinois ones start with IL. */
const ORI = /^IL[0-9A-Z]{7}$/;

export function checkName(violations: Violations, field: string, name: string): void {
  violations.check(name.trim().length > 0, field, 'required', `${field} must not be blank.`);
}

export function checkOri(violations: Violations, field: string, ori: string | null | undefined): void {
  if (ori === null || ori === undefined) return;
  violations.check(ORI.test(ori), field, 'ori-format', `${field} must be an Illinois ORI: "IL" followed by 7 letters or digits.`);
}

/** Returns the counties in canonical spelling, adding a violation for each one that is not an Illinois county. */
export function checkCounties(violations: Violations, field: string, counties: readonly string[]): string[] {
  const canonical: string[] = [];
  counties.forEach((county, index) => {
    const name = canonicalCounty(county);
    if (name) canonical.push(name);
    else violations.add(`${field}[${index}]`, 'illinois-county', `${field}[${index}] "${county}" is not an Illinois county.`);
  });
  return [...new Set(canonical)];
}

const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  AGENCY: [],
  DIVISION: [],
  TROOP: ['DIVISION'],
  ZONE: ['TROOP', 'DIVISION'],
  UNIT: ['AGENCY', 'DIVISION', 'TROOP', 'ZONE'],
};

/**
 * Agencies and ISP divisions stand on their own (only a hub administrator adds one); troops sit under a division,
 * zones under a troop or division, and a unit under any of them — always of the parent's own kind, so an
 * administrator, who adds units under their own agency only, cannot make a MEG, a provider or a prosecutor.
 */
export function checkParent(
  violations: Violations,
  child: { kind: AgencyKind; level: UnitLevel },
  parent: { kind: AgencyKind; level: UnitLevel } | null,
  parentField: string,
): void {
  if (child.level === 'TROOP' || child.level === 'ZONE') {
    violations.check(ISP_KINDS.includes(child.kind), 'input.kind', 'isp-unit', `${child.level.toLowerCase()}s are ISP units: kind must be an ISP division.`);
  }
  if (child.level === 'DIVISION' || child.level === 'AGENCY') {
    violations.check(parent === null, parentField, 'unit-hierarchy', `A${child.level === 'AGENCY' ? 'n agency' : ' division'} has no parent unit; leave ${parentField} out.`);
    return;
  }
  if (!parent) {
    violations.add(parentField, 'required', `A ${child.level.toLowerCase()} must name its parent unit.`);
    return;
  }
  violations.check(PARENT_LEVELS[child.level].includes(parent.level), parentField, 'unit-hierarchy', `A ${child.level.toLowerCase()} cannot sit under a ${parent.level.toLowerCase()}.`);
  violations.check(parent.kind === child.kind, 'input.kind', 'same-organisation', `A unit is of its parent's kind (${parent.kind}).`);
}

/**
 * 30 ILCS 715: a local government joins a MEG once (while it is a member), and a joining date is a date already
 * agreed: at most the planning horizon ahead, as for a Solution Action Plan.
 */
export function checkMegMembership(
  violations: Violations,
  joining: { localGovernment: string; agencyId: string | null; joinedOn: string },
  current: readonly { localGovernment: string; agencyId: string | null }[],
  today: string,
): void {
  const name = joining.localGovernment.trim().toLowerCase();
  violations.check(
    !current.some((m) => m.localGovernment.trim().toLowerCase() === name || (joining.agencyId !== null && m.agencyId === joining.agencyId)),
    'input.localGovernment',
    'not-already-member',
    `${joining.localGovernment.trim()} is already a member of this MEG.`,
  );
  violations.check(joining.joinedOn <= addDays(today, PLANNING_HORIZON_DAYS), 'input.joinedOn', 'planning-horizon', 'input.joinedOn is more than two years ahead.');
}

/** OPS-092 II.D: a task force operates under an agreement between ISP and municipal or county law enforcement. */
export function checkTaskForceParties(violations: Violations, field: string, parties: readonly { kind: AgencyKind }[]): void {
  violations.check(parties.some((p) => ISP_KINDS.includes(p.kind)), field, 'isp-party', 'A task-force agreement must include ISP as a party.');
  violations.check(
    parties.some((p) => p.kind === 'LOCAL_POLICE' || p.kind === 'SHERIFF'),
    field,
    'local-party',
    'A task-force agreement must include at least one municipal or county law-enforcement agency.',
  );
}
