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
