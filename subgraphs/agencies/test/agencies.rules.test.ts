import { describe, expect, it } from '@jest/globals';
import { Designation } from '../src/entities/designation.entity.js';
import { Person } from '../src/entities/person.entity.js';
import { SolutionActionPlan } from '../src/entities/solution-action-plan.entity.js';
import { approversOn, designationValidOn } from '../src/rules/approvers.js';
import { planInForce } from '../src/rules/solution-action-plan-selection.js';

function person(id: string, roles: Person['roles'], active = true): Person {
  return Object.assign(new Person(), { id, agencyId: 'meg', givenName: id, familyName: id, roles, active });
}

function designation(over: Partial<Designation>): Designation {
  return Object.assign(new Designation(), {
    id: 'd', designeeId: 'designee', delegatedById: 'director', capacity: 'MEG_DIRECTOR', agencyId: 'meg',
    validFrom: '2026-01-01', validTo: null, revokedAt: null, ...over,
  });
}

function plan(over: Partial<SolutionActionPlan>): SolutionActionPlan {
  return Object.assign(new SolutionActionPlan(), { unitId: 'u', county: null, planVersion: 1, effectiveFrom: '2025-01-01', supersededOn: null, ...over });
}

describe('approvers of a MEG (OPS-092 III.D)', () => {
  const director = person('director', ['MEG_DIRECTOR']);
  const designee = person('designee', ['OFFICER', 'DESIGNEE']);
  const peopleById = new Map([director, designee].map((p) => [p.id, p]));

  it('counts a designee only while the designation is valid', () => {
    const args = { agency: { id: 'meg', kind: 'MEG' as const }, personnel: [director, designee], designations: [designation({ validTo: '2026-06-30' })], peopleById };
    expect(approversOn({ ...args, date: '2026-03-01' }).map((a) => a.person.id)).toEqual(['director', 'designee']);
    expect(approversOn({ ...args, date: '2026-07-01' }).map((a) => a.person.id)).toEqual(['director']);
  });

  it('drops a designee as soon as the designation is revoked', () => {
    const revoked = designation({ revokedAt: new Date('2026-03-01T18:00:00Z') });
    expect(designationValidOn(revoked, '2026-02-28')).toBe(true);
    expect(designationValidOn(revoked, '2026-03-01')).toBe(false);
  });

  it('ignores a designation from a leader who has left', () => {
    const former = person('director', ['MEG_DIRECTOR'], false);
    const result = approversOn({
      agency: { id: 'meg', kind: 'MEG' },
      personnel: [former, designee],
      designations: [designation({})],
      peopleById: new Map([former, designee].map((p) => [p.id, p])),
      date: '2026-03-01',
    });
    expect(result).toEqual([]);
  });
});

describe('the Solution Action Plan in force', () => {
  it('picks the latest version that has started and is not superseded', () => {
    const plans = [plan({ planVersion: 1, supersededOn: '2026-01-01' }), plan({ planVersion: 2, effectiveFrom: '2026-01-01' })];
    expect(planInForce(plans, null, '2025-12-31')?.planVersion).toBe(1);
    expect(planInForce(plans, null, '2026-01-01')?.planVersion).toBe(2);
  });

  it('prefers the county plan and falls back to the unit-wide plan', () => {
    const plans = [plan({ planVersion: 1 }), plan({ county: 'DuPage', planVersion: 1, effectiveFrom: '2025-06-01' })];
    expect(planInForce(plans, 'DuPage', '2025-07-01')?.county).toBe('DuPage');
    expect(planInForce(plans, 'Lake', '2025-07-01')?.county).toBeNull();
    expect(planInForce(plans, 'DuPage', '2025-02-01')?.county).toBeNull();
  });

  it('has no plan before the first version starts', () => {
    expect(planInForce([plan({})], null, '2024-12-31')).toBeNull();
  });
});
