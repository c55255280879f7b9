import { canonicalCounty, Violations } from '@hub/platform';
import type { Agency, AgencyKind, UnitLevel } from '../entities/agency.entity.js';

export const LAW_ENFORCEMENT_KINDS: readonly AgencyKind[] = [
  'ISP_DIVISION_OF_PATROL',
  'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION',
  'MEG',
  'TASK_FORCE',
  'LOCAL_POLICE',
  'SHERIFF',
];

export const ISP_KINDS: readonly AgencyKind[] = ['ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION'];

export function isLawEnforcement(kind: AgencyKind): boolean {
  return LAW_ENFORCEMENT_KINDS.includes(kind);
}

/** NCIC ORIs are nine characters; Illinois ones start with IL. */
const ORI = /^IL[0-9A-Z]{7}$/;

export function checkName(violations: Violations, field: string, name: string): void {
  violations.check(name.trim().length > 0, field, 'required', `${field} must not be blank.`);
  violations.check(name.length <= 200, field, 'max-length', `${field} must be at most 200 characters.`);
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

/** ISP troops sit under a division, zones under a troop, and a unit's parent is of the same ISP division. */
export function checkParent(
  violations: Violations,
  child: { kind: AgencyKind; level: UnitLevel },
  parent: Pick<Agency, 'kind' | 'level'> | null,
  parentField: string,
): void {
  if (child.level === 'TROOP' || child.level === 'ZONE') {
    violations.check(ISP_KINDS.includes(child.kind), 'kind', 'isp-unit', `${child.level.toLowerCase()}s are ISP units: kind must be an ISP division.`);
  }
  if (child.level === 'DIVISION' || child.level === 'AGENCY') return;
  if (!parent) {
    violations.add(parentField, 'required', `A ${child.level.toLowerCase()} must name its parent unit.`);
    return;
  }
  const expected: Record<UnitLevel, UnitLevel[]> = {
    AGENCY: [],
    DIVISION: [],
    TROOP: ['DIVISION'],
    ZONE: ['TROOP', 'DIVISION'],
    UNIT: ['AGENCY', 'DIVISION', 'TROOP', 'ZONE'],
  };
  violations.check(
    expected[child.level].includes(parent.level),
    parentField,
    'unit-hierarchy',
    `A ${child.level.toLowerCase()} cannot sit under a ${parent.level.toLowerCase()}.`,
  );
  violations.check(parent.kind === child.kind, parentField, 'same-organisation', `${parentField} must be of the same kind (${child.kind}).`);
}
