import { illinoisDate, SERIOUS_INJURIES } from '@hub/platform/domain';
import { FORCE_REPORTING_SINCE } from './crisis-rules.js';
import type { Violations } from '@hub/platform/errors';
import type { ForceOfficer, ForceSubject, UseOfForceFields } from '../use-of-force/fields.js';

/**
 * IAC-6 (20 Ill. Adm. Code 1244 Subpart A, the FBI's National Use-of-Force Data Collection) as plain checks. An
 * incident qualifies only with a death, a serious bodily injury (18 U.S.C. 2246(4)) or a firearm discharged at or in
 * the direction of a person, and every qualifier claimed must show in the subject and officer segments.
 */

const QUALIFYING = 'uof-qualifying-incident';

function onlyAlone<T extends string>(v: Violations, field: string, values: readonly T[], none: T, what: string): void {
  v.check(values.length > 0, field, 'required', `${field}: give at least one ${what} (${none} when there was none).`);
  v.check(new Set(values).size === values.length, field, 'unique', `${field}: name each ${what} once.`);
  v.check(!values.includes(none) || values.length === 1, field, 'none-alone', `${field}: ${none} cannot be combined with other values.`);
}

function inRange(v: Violations, field: string, value: number | null, min: number, max: number): void {
  if (value !== null) v.check(Number.isInteger(value) && value >= min && value <= max, field, 'range', `${field} must be a whole number from ${min} to ${max}.`);
}

function checkSubject(v: Violations, s: ForceSubject, field: string): void {
  inRange(v, `${field}.age`, s.age, 0, 120);
  inRange(v, `${field}.heightInches`, s.heightInches, 12, 108);
  inRange(v, `${field}.weightPounds`, s.weightPounds, 1, 1000);
  onlyAlone(v, `${field}.injuries`, s.injuries, 'NONE', 'injury');
  onlyAlone(v, `${field}.resistance`, s.resistance, 'NONE', 'kind of resistance');
  onlyAlone(v, `${field}.perceivedConditions`, s.perceivedConditions, 'NONE', 'perceived condition');
  v.check(s.forceTypes.length > 0, `${field}.forceTypes`, 'required', `${field}.forceTypes: give the force used on this person.`);
  v.check(new Set(s.forceTypes).size === s.forceTypes.length, `${field}.forceTypes`, 'unique', `${field}.forceTypes: name each type once.`);
}

function checkOfficer(v: Violations, o: ForceOfficer, field: string): void {
  inRange(v, `${field}.age`, o.age, 18, 90);
  inRange(v, `${field}.yearsOfService`, o.yearsOfService, 0, 60);
  if (o.age !== null && o.yearsOfService !== null) v.check(o.yearsOfService <= o.age - 16, `${field}.yearsOfService`, 'plausible', `${field}.yearsOfService is more than the officer's age allows.`);
  v.check(o.forceTypes.length > 0, `${field}.forceTypes`, 'required', `${field}.forceTypes: give the force this officer applied.`);
  v.check(new Set(o.forceTypes).size === o.forceTypes.length, `${field}.forceTypes`, 'unique', `${field}.forceTypes: name each type once.`);
  v.check(!o.firearmDischarged || o.forceTypes.includes('FIREARM'), `${field}.forceTypes`, 'firearm-discharged', `${field}: an officer who discharged a firearm applied FIREARM force.`);
}

export function checkUseOfForce(v: Violations, f: UseOfForceFields, now: Date, field = 'input'): void {
  const at = (name: string) => `${field}.${name}`;
  v.check(f.occurredAt.getTime() <= now.getTime() + 5 * 60_000, at('occurredAt'), 'not-in-future', `${at('occurredAt')} is in the future.`);
  v.check(illinoisDate(f.occurredAt) >= FORCE_REPORTING_SINCE, at('occurredAt'), 'in-force', `The FBI collection starts on ${FORCE_REPORTING_SINCE}.`);
  v.check(f.location.trim().length > 0 && f.location.length <= 300, at('location'), 'required', `${at('location')} is required (at most 300 characters).`);
  if (f.agencyIncidentNumber !== null) v.check(f.agencyIncidentNumber.trim().length > 0 && f.agencyIncidentNumber.length <= 60, at('agencyIncidentNumber'), 'max-length', `${at('agencyIncidentNumber')} is 1 to 60 characters.`);

  v.check(f.qualifiers.length > 0, at('qualifiers'), QUALIFYING,
    'Only incidents with a death, a serious bodily injury (18 U.S.C. 2246(4)) or a firearm discharged at or in the direction of a person are reported to the FBI collection.');
  v.check(new Set(f.qualifiers).size === f.qualifiers.length, at('qualifiers'), 'unique', 'Name each qualifier once.');
  const injuries = f.subjects.flatMap((s) => s.injuries);
  if (f.qualifiers.includes('DEATH')) v.check(injuries.includes('DEATH'), at('qualifiers'), 'qualifier-supported', 'DEATH is claimed, but no subject’s injuries include DEATH.');
  if (f.qualifiers.includes('SERIOUS_BODILY_INJURY')) {
    v.check(injuries.some((i) => SERIOUS_INJURIES.includes(i)), at('qualifiers'), 'qualifier-supported', 'SERIOUS_BODILY_INJURY is claimed, but no subject has a serious injury (18 U.S.C. 2246(4)).');
  }
  if (f.qualifiers.includes('FIREARM_DISCHARGED_AT_PERSON')) {
    v.check(f.officers.some((o) => o.firearmDischarged), at('qualifiers'), 'qualifier-supported', 'FIREARM_DISCHARGED_AT_PERSON is claimed, but no officer discharged a firearm.');
  }

  inRange(v, at('officersApplyingForce'), f.officersApplyingForce, 1, 500);
  inRange(v, at('officersFromAgency'), f.officersFromAgency, 1, 500);
  v.check(f.officersFromAgency <= f.officersApplyingForce, at('officersFromAgency'), 'at-most-total', `${at('officersFromAgency')} cannot exceed ${at('officersApplyingForce')}.`);
  v.check(f.officers.length === f.officersFromAgency, at('officers'), 'officer-segments', `Give one officer segment for each of the ${f.officersFromAgency} officers from your agency who applied force.`);
  v.check(f.subjects.length > 0 && f.subjects.length <= 100, at('subjects'), 'subject-segments', 'Give a subject segment for every person force was used on (1 to 100).');
  f.subjects.forEach((s, i) => checkSubject(v, s, at(`subjects[${i}]`)));
  f.officers.forEach((o, i) => checkOfficer(v, o, at(`officers[${i}]`)));
}
