import { describe, expect, it } from '@jest/globals';
import { Violations } from '@hub/platform/errors';
import { checkUseOfForce } from '../src/rules/use-of-force-rules.js';
import type { ForceOfficer, ForceSubject, UseOfForceFields } from '../src/use-of-force/fields.js';

/** IAC-6 segment rules, one by one: each refusal names the field and the rule. */
const NOW = new Date('2026-11-23T18:00:00Z');
const subject = (over: Partial<ForceSubject> = {}): ForceSubject => ({
  age: 30, sex: 'MALE', race: 'WHITE', ethnicity: 'UNKNOWN', heightInches: 70, weightPounds: 170, injuries: ['SEVERE_LACERATION'], forceTypes: ['IMPACT_WEAPON'],
  resistance: ['FLED'], perceivedConditions: ['NONE'], armed: 'UNARMED', ...over,
});
const officer = (over: Partial<ForceOfficer> = {}): ForceOfficer => ({
  age: 35, sex: 'FEMALE', race: 'ASIAN', ethnicity: 'UNKNOWN', yearsOfService: 10, fullTime: true, onDuty: true, injured: false, forceTypes: ['IMPACT_WEAPON'], firearmDischarged: false, ...over,
});
const incident = (over: Partial<UseOfForceFields> = {}): UseOfForceFields => ({
  agencyIncidentNumber: 'U-1', occurredAt: new Date('2026-10-02T03:00:00Z'), qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 1, officersFromAgency: 1,
  location: 'Main St', locationType: 'STREET_HIGHWAY_ROAD', initialContactReason: 'CALL_FOR_SERVICE', officersApproached: true, ambush: false, supervisor: 'NEITHER',
  subjects: [subject()], officers: [officer()], ...over,
});
const rules = (over: Partial<UseOfForceFields>) => {
  const v = new Violations();
  checkUseOfForce(v, incident(over), NOW);
  return v.list.map((x) => `${x.field}:${x.rule}`);
};

describe('use-of-force segments (IAC-6)', () => {
  it('accepts a complete qualifying incident', () => {
    expect(rules({})).toEqual([]);
  });

  it('refuses an incident in the future or before the collection began (2019)', () => {
    expect(rules({ occurredAt: new Date('2026-11-24T18:00:00Z') })).toEqual(['input.occurredAt:not-in-future']);
    expect(rules({ occurredAt: new Date('2018-12-31T12:00:00Z') })).toEqual(['input.occurredAt:in-force']);
  });

  it('needs a location and each qualifier once', () => {
    expect(rules({ location: '  ' })).toEqual(['input.location:required']);
    expect(rules({ qualifiers: ['SERIOUS_BODILY_INJURY', 'SERIOUS_BODILY_INJURY'] })).toEqual(['input.qualifiers:unique']);
  });

  it('counts the segments: at least one subject, officers of the agency between 1 and the total', () => {
    expect(rules({ subjects: [] })).toEqual(expect.arrayContaining(['input.subjects:subject-segments']));
    expect(rules({ officersApplyingForce: 0 })).toEqual(expect.arrayContaining(['input.officersApplyingForce:range']));
    expect(rules({ officersFromAgency: 0, officers: [] })).toEqual(['input.officersFromAgency:range']);
    expect(rules({ officersApplyingForce: 3, officers: [officer(), officer()] })).toEqual(['input.officers:officer-segments']);
  });

  it('keeps NONE alone in resistance and perceived conditions, and needs the force used on each subject', () => {
    expect(rules({ subjects: [subject({ resistance: ['NONE', 'FLED'] })] })).toEqual(['input.subjects[0].resistance:none-alone']);
    expect(rules({ subjects: [subject({ perceivedConditions: ['NONE', 'ALCOHOL'] })] })).toEqual(['input.subjects[0].perceivedConditions:none-alone']);
    expect(rules({ subjects: [subject({ forceTypes: [] })] })).toEqual(['input.subjects[0].forceTypes:required']);
    expect(rules({ officers: [officer({ forceTypes: [] })] })).toEqual(['input.officers[0].forceTypes:required']);
  });

  it('keeps ages, heights and weights in range', () => {
    expect(rules({ subjects: [subject({ age: 121 })] })).toEqual(['input.subjects[0].age:range']);
    expect(rules({ subjects: [subject({ heightInches: 11 })] })).toEqual(['input.subjects[0].heightInches:range']);
    expect(rules({ subjects: [subject({ weightPounds: 1001 })] })).toEqual(['input.subjects[0].weightPounds:range']);
    expect(rules({ officers: [officer({ age: 17, yearsOfService: 0 })] })).toEqual(['input.officers[0].age:range']);
  });
});
