import { addDays, canonicalCounty } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';

/** The oldest plausible date of birth of a living person referred today. */
export const OLDEST_AGE_YEARS = 120;

export interface PersonFacts {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
}

/** A person as an officer types them: a name, and a date of birth that a living person can have. */
export function checkPerson(v: Violations, field: string, person: PersonFacts, today: string): void {
  v.check(person.givenName.trim().length > 0, `${field}.givenName`, 'required', `${field}.givenName must not be blank.`);
  v.check(person.familyName.trim().length > 0, `${field}.familyName`, 'required', `${field}.familyName must not be blank.`);
  if (!person.dateOfBirth) return;
  v.check(person.dateOfBirth <= today, `${field}.dateOfBirth`, 'not-in-future', `${field}.dateOfBirth is in the future.`);
  v.check(
    person.dateOfBirth >= addDays(today, -Math.ceil(OLDEST_AGE_YEARS * 365.25)),
    `${field}.dateOfBirth`,
    'plausible-date-of-birth',
    `${field}.dateOfBirth is more than ${OLDEST_AGE_YEARS} years ago.`,
  );
}

/** The county in its canonical spelling, or null (adding a violation) when it is not an Illinois county. */
export function checkCounty(v: Violations, field: string, county: string): string | null {
  const canonical = canonicalCounty(county);
  if (!canonical) v.add(field, 'illinois-county', `${field} "${county}" is not an Illinois county.`);
  return canonical;
}

/** A moment that has already happened (five minutes' grace for clocks that run ahead). */
export function checkNotInFuture(v: Violations, field: string, at: Date, now: Date): void {
  v.check(at.getTime() <= now.getTime() + 5 * 60_000, field, 'not-in-future', `${field} is in the future.`);
}

/**
 * How long after an encounter it may still be recorded: a year, for investigations that take time. An incident
 * dated further back (1900, say) is a typing mistake that would skew the 90-day follow-up and every statistic.
 */
export const INCIDENT_RECORDING_WINDOW_DAYS = 366;

/** When an incident happened: not in the future, and within the recording window. */
export function checkIncidentTime(v: Violations, field: string, at: Date, now: Date): void {
  checkNotInFuture(v, field, at, now);
  v.check(
    at.getTime() >= now.getTime() - INCIDENT_RECORDING_WINDOW_DAYS * 86_400_000,
    field,
    'within-recording-window',
    `${field} is more than ${INCIDENT_RECORDING_WINDOW_DAYS} days ago; incidents are recorded within a year of the encounter.`,
  );
}

/** Nobody is in an incident before they were born. */
export function checkBornBy(v: Violations, field: string, person: PersonFacts, occurredOn: string): void {
  if (person.dateOfBirth) v.check(person.dateOfBirth <= occurredOn, `${field}.dateOfBirth`, 'born-before-incident', `${field}.dateOfBirth is after the incident.`);
}

/** Evidence is seized in the incident (a day's grace for paperwork times), and not in the future. */
export function checkSeizure(v: Violations, field: string, seizedAt: Date, incidentAt: Date, now: Date): void {
  checkNotInFuture(v, field, seizedAt, now);
  v.check(seizedAt.getTime() >= incidentAt.getTime() - 86_400_000, field, 'after-incident', `${field} is before the incident the item was seized in.`);
}
