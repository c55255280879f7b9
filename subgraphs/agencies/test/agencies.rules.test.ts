import { describe, expect, it } from '@jest/globals';
import { Violations } from '@hub/platform/errors';
import type { Actor, Role } from '@hub/platform/identity';
import { administers, can, mayGrant } from '../src/rules/access.js';
import { checkTaskForceParties } from '../src/rules/agency-rules.js';
import { approversOn, designationValidOn, type DesignationFacts, type PersonFacts } from '../src/rules/approvers.js';
import { checkPerson } from '../src/rules/person-rules.js';
import { planInForce, plansInForce, type PlanFacts } from '../src/rules/solution-action-plan-selection.js';

function person(id: string, roles: Role[], active = true, agency = 'meg'): PersonFacts {
  return { id, agency: { id: agency }, roles, active };
}

function designation(over: Partial<DesignationFacts> = {}): DesignationFacts {
  return { designee: { id: 'designee' }, delegatedBy: { id: 'director' }, capacity: 'MEG_DIRECTOR', agency: { id: 'meg' }, validFrom: '2026-01-01', validTo: null, revokedAt: null, ...over };
}

function plan(over: Partial<PlanFacts> = {}): PlanFacts {
  return { county: null, planVersion: 1, effectiveFrom: '2025-01-01', supersededOn: null, ...over };
}

const actor = (roles: Role[], agencyId = 'unit', personId = 'me'): Actor => ({ personId, agencyId, roles, actingFor: null });

describe('approvers of a MEG (OPS-092 III.D)', () => {
  const director = person('director', ['MEG_DIRECTOR']);
  const designee = person('designee', ['OFFICER', 'DESIGNEE']);
  const peopleById = new Map([director, designee].map((p) => [p.id, p]));
  const meg = { id: 'meg', kind: 'MEG' as const };

  it('counts a designee only while the designation is valid', () => {
    const args = { agency: meg, personnel: [director, designee], designations: [designation({ validTo: '2026-06-30' })], peopleById };
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
    const result = approversOn({ agency: meg, personnel: [former, designee], designations: [designation()], peopleById: new Map([former, designee].map((p) => [p.id, p])), date: '2026-03-01' });
    expect(result).toEqual([]);
  });

  it('never lets a person of another agency approve in the MEG’s name, even with a designation on record', () => {
    const outsider = person('designee', ['OFFICER'], true, 'sheriff');
    const result = approversOn({ agency: meg, personnel: [director], designations: [designation()], peopleById: new Map([director, outsider].map((p) => [p.id, p])), date: '2026-03-01' });
    expect(result.map((a) => a.person.id)).toEqual(['director']);
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
    expect(planInForce([plan()], null, '2024-12-31')).toBeNull();
  });

  it('lists every plan in force: the unit-wide one and each county’s own', () => {
    const plans = [plan({ supersededOn: '2026-01-01' }), plan({ planVersion: 2, effectiveFrom: '2026-01-01' }), plan({ county: 'DuPage', effectiveFrom: '2025-03-01' })];
    expect(plansInForce(plans, '2026-02-01').map((p) => `${p.county ?? 'unit-wide'} v${p.planVersion}`).sort()).toEqual(['DuPage v1', 'unit-wide v2']);
  });
});

describe('who administers the directory', () => {
  it('lets an agency administrator change their agency and the units below it, nothing else', () => {
    const administrator = actor(['ADMINISTRATOR'], 'division');
    expect(administers(administrator, { ancestry: ['troop', 'division'] })).toBe(true);
    expect(administers(administrator, { ancestry: ['other-division'] })).toBe(false);
    expect(administers(actor(['OFFICER'], 'division'), { ancestry: ['division'] })).toBe(false);
    expect(administers(actor(['HUB_ADMINISTRATOR'], 'icjia'), { ancestry: ['anything'] })).toBe(true);
  });

  it('grants roles only up to the granter’s own scope: no hub administrator made by an agency administrator', () => {
    expect(mayGrant(actor(['ADMINISTRATOR']), ['OFFICER', 'ADMINISTRATOR'])).toBe(true);
    expect(mayGrant(actor(['ADMINISTRATOR']), ['HUB_ADMINISTRATOR'])).toBe(false);
    expect(mayGrant(actor(['HUB_ADMINISTRATOR']), ['HUB_ADMINISTRATOR'])).toBe(true);
    expect(can(actor(['ADMINISTRATOR'], 'division'), 'person:add', { ancestry: ['division'], roles: ['HUB_ADMINISTRATOR'] })).toBe(false);
  });

  it('lets only a hub administrator make ISP reporting staff, who read every agency’s submissions', () => {
    expect(mayGrant(actor(['ADMINISTRATOR']), ['STATE_REPORTING_STAFF'])).toBe(false);
    expect(mayGrant(actor(['ADMINISTRATOR']), ['RECORDS_STAFF'])).toBe(true);
    expect(mayGrant(actor(['HUB_ADMINISTRATOR']), ['STATE_REPORTING_STAFF'])).toBe(true);
  });

  it('lets a leader record their own designations, and an administrator record them for the leader', () => {
    const leader = actor(['MEG_DIRECTOR'], 'meg', 'director');
    expect(can(leader, 'designation:record', { ancestry: ['meg'], leaderId: 'director' })).toBe(true);
    expect(can(leader, 'designation:record', { ancestry: ['meg'], leaderId: 'someone-else' })).toBe(false);
    expect(can(actor(['ADMINISTRATOR'], 'meg'), 'designation:record', { ancestry: ['meg'], leaderId: 'director' })).toBe(true);
  });
});

describe('task-force agreements (OPS-092 II.D)', () => {
  const rules = (kinds: Parameters<typeof checkTaskForceParties>[2]) => {
    const v = new Violations();
    checkTaskForceParties(v, 'input.partyIds', kinds);
    return v.list.map((x) => x.rule);
  };

  it('refuses an agreement without ISP as a party', () => {
    expect(rules([{ kind: 'LOCAL_POLICE' }])).toEqual(['isp-party']);
  });

  it('refuses an agreement without a municipal or county law-enforcement party', () => {
    expect(rules([{ kind: 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION' }, { kind: 'FIRE' }])).toEqual(['local-party']);
  });

  it('accepts ISP with a sheriff', () => {
    expect(rules([{ kind: 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION' }, { kind: 'SHERIFF' }])).toEqual([]);
  });
});

describe('people and their roles', () => {
  it('adds to the violations it is given, and throws nothing itself', () => {
    const v = new Violations();
    expect(() => checkPerson(v, { givenName: ' ', familyName: 'X', roles: ['CASE_MANAGER'], agencyKind: 'SHERIFF' })).not.toThrow();
    expect(v.list.map((x) => `${x.field}:${x.rule}`)).toEqual(['input.givenName:required', 'input.roles:role-fits-agency']);
  });
});
